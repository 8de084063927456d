import type { AllFilter } from '../port';

/**
 * The port's $all filter, applied client-side (see AllSubscription for why not on the server): an
 * empty or missing list does not restrict, as in the lmdb adapter. Types starting with '$' are
 * EventStoreDB's own system events, never ours.
 */
export function matchesAllFilter(filter: AllFilter | undefined, event: { type: string; streamId: string }): boolean {
  if (isSystemEvent(event)) return false;
  const { eventTypes, streamPrefixes } = filter ?? {};
  if (eventTypes?.length && !eventTypes.includes(event.type)) return false;
  if (streamPrefixes?.length && !streamPrefixes.some((prefix) => event.streamId.startsWith(prefix))) return false;
  return true;
}

export function isSystemEvent(event: { type: string }): boolean {
  return event.type.startsWith('$');
}
