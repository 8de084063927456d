import type { AllFilter, RecordedEvent } from './port';

/** Whether an event passes a $all filter: an empty or missing list does not restrict. */
export function matchesFilter(filter: AllFilter | undefined, event: Pick<RecordedEvent, 'type' | 'streamId'>): boolean {
  if (!filter) return true;
  const { eventTypes, streamPrefixes } = filter;
  if (eventTypes?.length && !eventTypes.includes(event.type)) return false;
  if (streamPrefixes?.length && !streamPrefixes.some((prefix) => event.streamId.startsWith(prefix))) return false;
  return true;
}
