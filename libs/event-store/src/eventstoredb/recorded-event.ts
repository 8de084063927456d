import type { ResolvedEvent } from '@eventstore/db-client';
import type { EventMetadata, RecordedEvent } from '../port';

/** A client read result as the port's RecordedEvent: `position` is the $all commit position. */
export function toRecordedEvent(resolved: ResolvedEvent): RecordedEvent {
  const event = resolved.event;
  // Links are never resolved (resolveLinkTos is off), so every result carries its own event.
  if (!event) throw new Error('EventStoreDB returned a read result without an event');
  // Servers before 22.6 leave out positions on stream reads; the port cannot do without them.
  const position = event.position?.commit ?? resolved.commitPosition;
  if (position === undefined) throw new Error(`EventStoreDB returned event ${event.id} without a position`);
  return {
    id: event.id,
    type: event.type,
    data: event.data,
    metadata: event.metadata as unknown as EventMetadata,
    streamId: event.streamId,
    revision: Number(event.revision),
    position,
    recordedAt: event.created.toISOString(),
  };
}
