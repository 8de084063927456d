import { CopyAlreadyOnLoan, CopyHeldForAnotherPatron, CopyNotLoanable } from '../errors';
import type { TitleEvent } from '../events';
import { record, startDecision } from './decision';
import { shelfCleared } from './hold-shelf';
import { holdServedBy, requireCopy, requireTitle } from './lookups';
import { dueDate } from './loans';
import { liveHoldOf } from './queue';
import type { CheckOut } from './title-commands';
import type { HoldState, TitleState } from './title-state';

/**
 * Lend a copy at the desk. A copy set aside for a hold goes only to that hold's patron, and fulfils the hold.
 * A patron who borrows a copy from the open shelf while waiting for the title has the wait fulfilled too:
 * otherwise the queue would later hand them a second copy of a title they have on loan (R10).
 */
export function checkOut(command: CheckOut, state: TitleState): TitleEvent[] {
  requireTitle(state, command.titleId);
  const copy = requireCopy(state, command.copyId);
  const { cardNumber } = command;
  if (!copy.loanable) throw new CopyNotLoanable(copy.copyId);
  if (copy.status === 'on-loan') throw new CopyAlreadyOnLoan(copy.copyId);

  const heldFor = holdServedBy(state, copy);
  if (heldFor && heldFor.cardNumber !== cardNumber) throw new CopyHeldForAnotherPatron({ copyId: copy.copyId, holdId: heldFor.holdId });
  const waiting = liveHoldOf(state, cardNumber);
  const fulfils: HoldState | undefined = heldFor ?? (waiting?.status === 'waiting' ? waiting : undefined);

  let decision = startDecision(state);
  const cleared = shelfCleared(state, copy.copyId);
  if (cleared) decision = record(decision, cleared);
  decision = record(decision, {
    type: 'CopyCheckedOut',
    data: {
      titleId: state.titleId,
      copyId: copy.copyId,
      cardNumber,
      locationId: copy.locationId,
      dueOn: dueDate(command.today, command.policy),
      holdId: fulfils?.holdId ?? null,
    },
  });
  if (fulfils) {
    decision = record(decision, { type: 'HoldFulfilled', data: { titleId: state.titleId, holdId: fulfils.holdId, cardNumber, copyId: copy.copyId } });
  }
  return decision.events;
}
