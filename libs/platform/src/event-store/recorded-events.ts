import type { DomainEvent } from '@libs/domain';
import type { EventMetadata, EventStore, RecordedEvent } from '@libs/event-store';

/** Who caused a change: a patron (card number), a staff member (staff id), or the system itself. */
export type Actor = { kind: 'patron'; id: string } | { kind: 'staff'; id: string } | { kind: 'system'; id: string };

/** The metadata every event of the product carries (handleCommand writes it): who, and why when a person says so. */
export interface CommandMetadata extends EventMetadata {
  actor: Actor;
  /** Free-text reason, e.g. a staff cancellation reason (R20). */
  reason?: string;
}

/** What the store adds to a domain event it recorded (RecordedEvent's own fields, with the product's metadata). */
export type RecordedFacts = Omit<RecordedEvent, 'type' | 'data' | 'metadata'> & { metadata: CommandMetadata };

/** A domain event as the store recorded it; over a union of events, `type` still narrows `data`. */
export type Recorded<Event extends DomainEvent = DomainEvent> = Event & RecordedFacts;

/**
 * The one place where stored JSON becomes the domain's events: every event in the store was appended by
 * handleCommand from a decider's events of that stream, with CommandMetadata.
 */
export function asRecorded<Event extends DomainEvent>(events: readonly RecordedEvent[]): Recorded<Event>[] {
  return events as unknown as Recorded<Event>[];
}

/** A stream's events, typed by the domain's event union of that stream (an empty history when there are none). */
export async function readEvents<Event extends DomainEvent>(store: EventStore, streamId: string): Promise<Recorded<Event>[]> {
  return asRecorded<Event>(await store.readStream(streamId));
}
