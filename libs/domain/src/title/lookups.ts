import { UnknownCopy, UnknownHold, UnknownLocation, UnknownTitle } from '../errors';
import type { LocationCalendar } from '../events';
import type { CopyState, HoldState, TitleState } from './title-state';

export type CataloguedTitle = TitleState & { titleId: string };

export function requireTitle(state: TitleState, titleId: string): asserts state is CataloguedTitle {
  if (!state.exists) throw new UnknownTitle(titleId);
}

export function requireCopy(state: TitleState, copyId: string): CopyState {
  const copy = state.copies[copyId];
  if (!copy) throw new UnknownCopy(copyId, state.titleId);
  return copy;
}

export function requireHold(state: TitleState, holdId: string): HoldState {
  const hold = state.holds[holdId];
  if (!hold) throw new UnknownHold(holdId);
  return hold;
}

/** The live hold the copy serves, if any (I2: at most one). */
export function holdServedBy(state: TitleState, copy: CopyState): HoldState | undefined {
  return copy.holdId === undefined ? undefined : state.holds[copy.holdId];
}

/** The pickup window is counted on the location's own calendar (R30); a missing one is a caller's error, never "always open". */
export function calendarOf(calendars: Record<string, LocationCalendar>, locationId: string): LocationCalendar {
  const calendar = Object.prototype.hasOwnProperty.call(calendars, locationId) ? calendars[locationId] : undefined;
  if (!calendar) throw new UnknownLocation(locationId, 'R30');
  return calendar;
}
