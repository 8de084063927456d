import type { LocalDate } from '../../shared/dates';
import type { ShelfHold } from '../api-types';

export interface MovedHold {
  hold: ShelfHold;
  before: LocalDate;
  after: LocalDate;
}

/** Ready holds whose last pickup day differs between two readings of the hold shelf (a closure moved it, R30). */
export function movedHolds(before: ShelfHold[], after: ShelfHold[]): MovedHold[] {
  const earlier = new Map(before.map((hold) => [hold.holdId, hold.lastPickupDay]));
  return after.flatMap((hold) => {
    const previous = earlier.get(hold.holdId);
    return previous !== undefined && previous !== hold.lastPickupDay ? [{ hold, before: previous, after: hold.lastPickupDay }] : [];
  });
}
