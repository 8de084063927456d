import { pendingClaimIndexes, pendingClaimsCollection, type PendingClaimDoc } from './pending-claims.read-model';
import type { ReadModelStore } from '../../store/read-model-store';
import { byKeys } from '../titles/title-lookups';

/** Claims with no placed hold that were made before `before` (an ISO instant), oldest first. */
export async function pendingClaimsBefore(store: ReadModelStore, before: string): Promise<PendingClaimDoc[]> {
  const { items } = await store.list<PendingClaimDoc>(pendingClaimsCollection, { index: pendingClaimIndexes.all });
  return items.filter((claim) => claim.claimedAt < before).sort(byKeys((claim) => claim.claimedAt));
}
