import { addDays, weekdayOf, type LocalDate } from '../../shared/dates';
import type { Calendar } from '../api-types';

/** Why a location is closed on a day, to shade and label it on the month view (R30). */
export type Closure =
  | { kind: 'weekly' }
  | { kind: 'closed-date' }
  | { kind: 'closed-range'; reason: string | null }
  | { kind: 'national-holiday'; name: string }
  | { kind: 'day-after-holiday' };

/** National holidays by date, as GET /staff/locations/holidays lists them. */
export type HolidayNames = ReadonlyMap<LocalDate, string>;

const SATURDAY = 6;
const SUNDAY = 0;

export const OPEN_EVERY_DAY: Calendar = {
  weeklyClosedDays: [],
  closedDates: [],
  closedRanges: [],
  closedOnNationalHolidays: false,
  closedDayAfterNationalHoliday: false,
};

function isRegularWeekday(day: LocalDate, calendar: Calendar, holidays: HolidayNames): boolean {
  const weekday = weekdayOf(day);
  return weekday !== SATURDAY && weekday !== SUNDAY && !calendar.weeklyClosedDays.includes(weekday) && !holidays.has(day);
}

/**
 * The same rule as the API's calendar: the first regular weekday (Monday to Friday, not a weekly closing
 * day, not a holiday) after a national holiday or a run of them is closed. `holidays` must reach a week
 * before `day`.
 */
function isDayAfterHoliday(day: LocalDate, calendar: Calendar, holidays: HolidayNames): boolean {
  if (!isRegularWeekday(day, calendar, holidays)) return false;
  for (let back = addDays(day, -1); ; back = addDays(back, -1)) {
    if (holidays.has(back)) return true;
    if (isRegularWeekday(back, calendar, holidays)) return false;
  }
}

/** Why the location is closed that day, or null when it is open. One-off closures win over the regular ones. */
export function closureOn(day: LocalDate, calendar: Calendar, holidays: HolidayNames): Closure | null {
  const range = calendar.closedRanges.find((closed) => closed.from <= day && day <= closed.to);
  if (range) return { kind: 'closed-range', reason: range.reason ?? null };
  if (calendar.closedDates.includes(day)) return { kind: 'closed-date' };
  const holiday = holidays.get(day);
  if (holiday !== undefined && calendar.closedOnNationalHolidays) return { kind: 'national-holiday', name: holiday };
  if (calendar.weeklyClosedDays.includes(weekdayOf(day))) return { kind: 'weekly' };
  if (calendar.closedDayAfterNationalHoliday && isDayAfterHoliday(day, calendar, holidays)) return { kind: 'day-after-holiday' };
  return null;
}

/** The pickup window: the open days after the notice day up to the last pickup day (R18). */
export function isInPickupWindow(day: LocalDate, noticeDay: LocalDate, lastPickupDay: LocalDate): boolean {
  return noticeDay < day && day <= lastPickupDay;
}
