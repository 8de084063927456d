import { HoldNotReady } from '../errors';
import type { HoldShelfCleared, TitleEvent } from '../events';
import { requireCopy, requireHold, requireTitle, type CataloguedTitle } from './lookups';
import type { ClearHoldShelf, RecordContact } from './title-commands';
import type { TitleState } from './title-state';

/** The copy leaves the hold shelf for the open shelf. Already cleared (or handed to another hold): nothing to do. */
export function clearHoldShelf(command: ClearHoldShelf, state: TitleState): TitleEvent[] {
  requireTitle(state, command.titleId);
  const cleared = shelfCleared(state, requireCopy(state, command.copyId).copyId);
  return cleared ? [cleared] : [];
}

/** The copy's clearance off the hold shelf, when it awaits one (I4); otherwise null. */
export function shelfCleared(state: CataloguedTitle, copyId: string): HoldShelfCleared | null {
  const clearance = state.awaitingClearance[copyId];
  if (!clearance) return null;
  return { type: 'HoldShelfCleared', data: { titleId: state.titleId, copyId, holdId: clearance.holdId, locationId: clearance.locationId } };
}

/** A call-list attempt for a ready hold (R14); an unreachable patron's hold may then be cancelled by staff (R20). */
export function recordContact(command: RecordContact, state: TitleState): TitleEvent[] {
  requireTitle(state, command.titleId);
  const hold = requireHold(state, command.holdId);
  if (hold.status !== 'ready') throw new HoldNotReady({ holdId: hold.holdId, status: hold.status });
  return [{ type: 'PatronContacted', data: { titleId: state.titleId, holdId: hold.holdId, cardNumber: hold.cardNumber, outcome: command.outcome } }];
}
