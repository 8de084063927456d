import { pickupDeadline } from '../calendar/pickup-window';
import type { HoldInTransit, HoldReady } from '../events';
import { record, type Decision } from './decision';
import { calendarOf, type CataloguedTitle } from './lookups';
import { waitingQueue } from './queue';
import type { AssignmentContext } from './title-commands';
import type { HoldState } from './title-state';

/** The hold is ready at its pickup location from today (R17); the window is counted on that location's calendar (R18). */
export function holdReady(state: CataloguedTitle, hold: HoldState, copyId: string, { today, policy, calendars }: AssignmentContext): HoldReady {
  const pickupOpenDays = policy.pickupOpenDays;
  const lastPickupDay = pickupDeadline(today, pickupOpenDays, calendarOf(calendars, hold.pickupLocationId));
  return {
    type: 'HoldReady',
    data: {
      titleId: state.titleId,
      holdId: hold.holdId,
      cardNumber: hold.cardNumber,
      copyId,
      pickupLocationId: hold.pickupLocationId,
      contactMethod: hold.contactMethod,
      noticeDay: today,
      pickupOpenDays,
      lastPickupDay,
    },
  };
}

export function holdInTransit(state: CataloguedTitle, hold: HoldState, copyId: string, fromLocationId: string): HoldInTransit {
  return {
    type: 'HoldInTransit',
    data: { titleId: state.titleId, holdId: hold.holdId, cardNumber: hold.cardNumber, copyId, fromLocationId, toLocationId: hold.pickupLocationId },
  };
}

/**
 * A copy that serves no hold goes to the first waiting hold, first come first served (R16): ready at once
 * when it is already at that hold's pickup location, otherwise on its way there. A copy still travelling
 * (its hold was cancelled in transit) is redirected, and becomes ready when checked in at the pickup location.
 * Not-for-loan copies never serve holds. Only copies without a live hold are offered, so I2 holds.
 */
export function offerCopy(decision: Decision, copyId: string, atLocationId: string, context: AssignmentContext): Decision {
  const state = decision.state as CataloguedTitle;
  const copy = state.copies[copyId];
  if (!copy || !copy.loanable || copy.holdId !== undefined) return decision;
  const [next] = waitingQueue(state);
  if (!next) return decision;
  if (copy.status !== 'in-transit' && next.pickupLocationId === atLocationId) return record(decision, holdReady(state, next, copyId, context));
  return record(decision, holdInTransit(state, next, copyId, atLocationId));
}
