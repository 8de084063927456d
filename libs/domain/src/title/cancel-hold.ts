import { CancelReasonRequired, HoldAlreadyReady, HoldNotLive, UnknownHold } from '../errors';
import type { TitleEvent } from '../events';
import { offerCopy } from './copy-assignment';
import { record, startDecision } from './decision';
import { requireTitle } from './lookups';
import type { CancelHold } from './title-commands';
import type { TitleState } from './title-state';

/**
 * Patrons cancel their own holds while not yet ready (R19); once ready only staff can, and staff give a
 * reason (R19, R20: e.g. the patron could not be reached). The copy of a cancelled ready or in-transit hold
 * goes to the next waiting hold in the same decision, or back to the shelf (I4).
 * Someone else's hold answers UnknownHold, so hold ids reveal nothing; cancelling twice decides nothing.
 */
export function cancelHold(command: CancelHold, state: TitleState): TitleEvent[] {
  requireTitle(state, command.titleId);
  const hold = state.holds[command.holdId];
  if (!hold || (command.by === 'patron' && hold.cardNumber !== command.cardNumber)) throw new UnknownHold(command.holdId);
  if (hold.status === 'cancelled') return [];
  if (hold.status === 'fulfilled' || hold.status === 'expired') throw new HoldNotLive({ holdId: hold.holdId, status: hold.status });
  if (command.by === 'patron' && hold.status === 'ready') throw new HoldAlreadyReady(hold.holdId);
  const reason = command.reason?.trim() || null;
  if (command.by === 'staff' && reason === null) throw new CancelReasonRequired(hold.holdId);

  const copy = hold.copyId === null || hold.status === 'waiting' ? undefined : state.copies[hold.copyId];
  const cancelled = record(startDecision(state), {
    type: 'HoldCancelled',
    data: {
      titleId: state.titleId,
      holdId: hold.holdId,
      cardNumber: hold.cardNumber,
      by: command.by,
      reason,
      copyId: copy?.copyId ?? null,
      previousStatus: hold.status,
    },
  });
  return copy ? offerCopy(cancelled, copy.copyId, copy.locationId, command).events : cancelled.events;
}
