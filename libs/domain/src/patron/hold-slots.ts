import { requireLocalDate } from '../calendar/local-date';
import { AlreadyHoldingTitle, HoldIdTaken, HoldLimitReached, UnknownPatron } from '../errors';
import type { PatronEvent } from '../events';
import { checkHoldEligibility } from './eligibility';
import type { ClaimHoldSlot, ReleaseHoldSlot } from './patron-commands';
import { activeHoldCount, type PatronState } from './patron-state';

/**
 * The patron's side of placing a hold. All slots live on the patron's one stream, so twenty racing placements
 * append one at a time and exactly `holdLimit` succeed (R7, I1). A retry with the same hold id decides nothing.
 */
export function claimHoldSlot(command: ClaimHoldSlot, state: PatronState): PatronEvent[] {
  if (!state.exists) throw new UnknownPatron(command.cardNumber);
  const { cardNumber, holdId, titleId, policy } = command;
  const claimedTitle = state.activeHolds[holdId];
  if (claimedTitle === titleId) return [];
  if (claimedTitle !== undefined) throw new HoldIdTaken(holdId);

  checkHoldEligibility(state, { ...command, today: requireLocalDate(command.today, 'today') });
  const sameTitle = Object.entries(state.activeHolds).find(([, heldTitle]) => heldTitle === titleId);
  if (sameTitle) throw new AlreadyHoldingTitle({ titleId, cardNumber, holdId: sameTitle[0] });
  if (activeHoldCount(state) >= policy.holdLimit) throw new HoldLimitReached({ cardNumber, limit: policy.holdLimit });
  return [{ type: 'HoldSlotClaimed', data: { cardNumber, holdId, titleId } }];
}

/** Reactions may deliver the end of a hold twice: releasing a slot that is not held decides nothing. */
export function releaseHoldSlot(command: ReleaseHoldSlot, state: PatronState): PatronEvent[] {
  const titleId = state.activeHolds[command.holdId];
  if (titleId === undefined) return [];
  return [{ type: 'HoldSlotReleased', data: { cardNumber: command.cardNumber, holdId: command.holdId, titleId } }];
}
