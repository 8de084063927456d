import { eventTypeFilter, excludeSystemEvents, streamNameFilter, type Filter, type Position } from '@eventstore/db-client';
import type { AllFilter } from '../port';

type CheckpointReached = (subscription: { push(chunk: unknown): boolean }, position: Position) => void;

/**
 * The server-side half of a subscription filter. EventStoreDB filters on one field only (event type
 * or stream name, by prefix or regex), so this narrows by event type when the filter names types,
 * else by stream prefix; matchesAllFilter then applies the exact filter client-side: exact type
 * names, both fields, and the system-event rule.
 * A filter is always sent, if only to drop system events, because only filtered subscriptions get
 * checkpoints.
 */
export function serverFilter(filter: AllFilter | undefined, checkpointReached: CheckpointReached): Filter {
  const { eventTypes, streamPrefixes } = filter ?? {};
  if (eventTypes?.length) return eventTypeFilter({ prefixes: [...eventTypes], checkpointReached });
  if (streamPrefixes?.length) return streamNameFilter({ prefixes: [...streamPrefixes], checkpointReached });
  return excludeSystemEvents({ checkpointReached });
}

/**
 * The port's filter, exactly (an empty or missing list does not restrict, as in the lmdb adapter).
 * Types starting with '$' are EventStoreDB's own system events, never ours.
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
