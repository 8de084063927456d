import { BatchHoldsNotOffered } from '../errors';
import type { Policy } from '../policy/policy';

/**
 * R15: holds on several titles at once, from the favourites list, only where the library offers it. Checked
 * once before the first title, so a library without it places nothing; each title then goes through
 * ClaimHoldSlot and PlaceHold on its own streams like a single hold.
 */
export function checkBatchHoldsOffered(policy: Pick<Policy, 'batchHoldsFromFavourites'>): void {
  if (!policy.batchHoldsFromFavourites) throw new BatchHoldsNotOffered();
}
