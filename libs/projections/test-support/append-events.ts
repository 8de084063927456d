import type { DomainEvent } from '@libs/domain';
import type { EventStore } from '@libs/event-store';
import { newEvent, streamOf } from './domain-events';

/** Appends domain events in order, consecutive events of one stream in one append; returns the last position. */
export async function appendEvents(store: EventStore, domainEvents: readonly DomainEvent[], occurredAt?: string): Promise<bigint> {
  let position = -1n;
  for (let i = 0; i < domainEvents.length; ) {
    const streamId = streamOf(domainEvents[i]);
    let j = i;
    while (j < domainEvents.length && streamOf(domainEvents[j]) === streamId) j += 1;
    const result = await store.append(streamId, domainEvents.slice(i, j).map((event) => newEvent(event, occurredAt)), 'any');
    position = result.position;
    i = j;
  }
  return position;
}
