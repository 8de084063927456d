import { fold, isLive, patronDecider, streamIds, titleDecider, type PatronEvent, type TitleEvent } from '@libs/domain';
import type { EventStore } from '@libs/event-store';
import { readStreamOrEmpty } from '@libs/platform';

/**
 * Placing a hold appends twice: the patron's slot, then the hold on the title. A placement still running appends
 * its hold within its own request (well under a second, a few seconds under heavy contention); a claim older than
 * this with no hold on its title belongs to a placement whose process died between the two appends.
 */
export const STALE_CLAIM_MS = 30_000;

/**
 * The patron's claimed slots that no live hold stands behind (R7, I1): the hold ended but its slot was not released
 * (a crash after the title's append), or it was never placed and its claim is older than STALE_CLAIM_MS.
 */
export async function staleHoldSlots(store: EventStore, cardNumber: string, now: Date): Promise<string[]> {
  const patronEvents = await readStreamOrEmpty(store, streamIds.patron(cardNumber));
  const patron = fold(patronDecider, patronEvents as unknown as PatronEvent[]);
  const claimedAt = new Map(
    patronEvents.filter((event) => event.type === 'HoldSlotClaimed').map((event) => [(event.data as { holdId: string }).holdId, Date.parse(event.recordedAt)]),
  );
  const stale: string[] = [];
  for (const [holdId, titleId] of Object.entries(patron.activeHolds)) {
    const titleEvents = (await readStreamOrEmpty(store, streamIds.title(titleId))) as unknown as TitleEvent[];
    const placed = titleEvents.some((event) => event.type === 'HoldPlaced' && event.data.holdId === holdId);
    const hold = fold(titleDecider, titleEvents).holds[holdId];
    const live = hold !== undefined && isLive(hold);
    const claimAge = now.getTime() - (claimedAt.get(holdId) ?? now.getTime());
    if ((placed && !live) || (!placed && claimAge > STALE_CLAIM_MS)) stale.push(holdId);
  }
  return stale;
}
