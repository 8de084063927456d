import { matchesFilter } from '../all-filter';
import type { AllFilter } from '../port';

/**
 * The port's $all filter, applied client-side (see AllSubscription for why not on the server), the
 * same as in the lmdb adapter. Types starting with '$' are EventStoreDB's own system events, never ours.
 */
export function matchesAllFilter(filter: AllFilter | undefined, event: { type: string; streamId: string }): boolean {
  return !isSystemEvent(event) && matchesFilter(filter, event);
}

export function isSystemEvent(event: { type: string }): boolean {
  return event.type.startsWith('$');
}
