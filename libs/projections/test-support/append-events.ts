import type { DomainEvent } from '@libs/domain';
import type { AppendResult, EventStore } from '@libs/event-store';
import { newEvent, streamOf } from './domain-events';

/** Consecutive events of one stream go in one append. */
function appends(store: EventStore, domainEvents: readonly DomainEvent[], occurredAt?: string): (() => Promise<AppendResult>)[] {
  const out: (() => Promise<AppendResult>)[] = [];
  for (let i = 0; i < domainEvents.length;) {
    const streamId = streamOf(domainEvents[i]);
    let j = i;
    while (j < domainEvents.length && streamOf(domainEvents[j]) === streamId) j += 1;
    const batch = domainEvents.slice(i, j).map((event) => newEvent(event, occurredAt));
    out.push(() => store.append(streamId, batch, 'any'));
    i = j;
  }
  return out;
}

/** Appends domain events one append after another; returns the last position. */
export async function appendEvents(store: EventStore, domainEvents: readonly DomainEvent[], occurredAt?: string): Promise<bigint> {
  let position = -1n;
  for (const append of appends(store, domainEvents, occurredAt)) position = (await append()).position;
  return position;
}

/**
 * Appends many events at once: all appends are issued together and the embedded store commits them in call order,
 * many per transaction. For seeding long streams in tests and benchmarks.
 */
export async function appendInBulk(store: EventStore, domainEvents: readonly DomainEvent[]): Promise<bigint> {
  const results = await Promise.all(appends(store, domainEvents).map((append) => append()));
  return results.reduce((last, result) => (result.position > last ? result.position : last), -1n);
}
