import type { DomainEvent } from '@libs/domain';
import type { EventMetadata, RecordedEvent } from '@libs/event-store';

/**
 * A recorded domain event as the read models see it: the typed event plus where it sits in $all.
 * Distributes over the union, so a `switch (event.type)` narrows `event.data`.
 */
export type ProjectedEvent = DomainEvent & {
  id: string;
  streamId: string;
  position: bigint;
  recordedAt: string;
  metadata: EventMetadata;
};

/** The store hands out untyped events; the read models know every domain event type and ignore the rest. */
export function asProjectedEvent(event: RecordedEvent): ProjectedEvent {
  return event as ProjectedEvent;
}

export type ProjectedEventOf<T extends ProjectedEvent['type']> = Extract<ProjectedEvent, { type: T }>;

/** Narrows an event to the types a read model handles, so its `switch` can be exhaustive over just those. */
export function isOneOf<T extends ProjectedEvent['type']>(event: ProjectedEvent, types: readonly T[]): event is ProjectedEventOf<T> {
  return (types as readonly string[]).includes(event.type);
}
