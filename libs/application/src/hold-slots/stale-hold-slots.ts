import { fold, isLive, patronDecider, streamIds, titleDecider, type PatronEvent, type TitleEvent } from '@libs/domain';
import type { EventStore } from '@libs/event-store';
import { readEvents } from '@libs/platform';

/**
 * The patron's claimed slots that no live hold stands behind (R7, I1): the hold ended but its slot was not released
 * (a crash after the title's append), or it was never placed and its claim is older than `abandonedAfterMs` (a
 * crash between the two appends of a placement). The worker's claim repair frees the latter in the background every
 * few minutes; this finds them at once when they stand in the way of the patron's next hold.
 */
export async function staleHoldSlots(store: EventStore, cardNumber: string, now: Date, abandonedAfterMs: number): Promise<string[]> {
  const patronEvents = await readEvents<PatronEvent>(store, streamIds.patron(cardNumber));
  const patron = fold(patronDecider, patronEvents);
  const claimedAt = new Map<string, number>();
  for (const event of patronEvents) if (event.type === 'HoldSlotClaimed') claimedAt.set(event.data.holdId, Date.parse(event.metadata.occurredAt));
  const stale: string[] = [];
  for (const [holdId, titleId] of Object.entries(patron.activeHolds)) {
    // A title keeps every hold it ever placed, so a hold missing from it was never placed.
    const hold = fold(titleDecider, await readEvents<TitleEvent>(store, streamIds.title(titleId))).holds[holdId];
    const claimAge = now.getTime() - (claimedAt.get(holdId) ?? now.getTime());
    if (hold === undefined ? claimAge > abandonedAfterMs : !isLive(hold)) stale.push(holdId);
  }
  return stale;
}
