import { CalendarHasNoOpenDay } from '../errors';
import type { LocalDate, LocationCalendar } from '../events';
import { epochDayToWeekday, fromEpochDay, toEpochDay } from './local-date';
import { isNationalHoliday } from './national-holidays';

/**
 * Open days of one pickup location (R30: "open day" means the pickup location is open).
 * Counting always reads the location's current calendar, so a closure added later lengthens a running
 * pickup window by itself: nothing is stored that would need correcting.
 */

/** Counting gives up after this many closed days in a row: a calendar closed for 3 years is a data error. */
export const OPEN_DAY_SEARCH_HORIZON_DAYS = 3 * 366;

/**
 * R30: the longest closure a calendar may have, counting every reason a day is closed. A location closed for more
 * than a year is no pickup location (staff stop offering it), and the limit keeps every count of open days far
 * inside the search horizon, so no calendar staff can save makes counting fail.
 */
export const MAX_CLOSED_DAYS_IN_A_ROW = 366;

const SATURDAY = 6;
const SUNDAY = 0;

/** A calendar with no closures at all. */
export function openCalendar(): LocationCalendar {
  return {
    weeklyClosedDays: [],
    closedDates: [],
    closedRanges: [],
    closedOnNationalHolidays: false,
    closedDayAfterNationalHoliday: false,
  };
}

export function isOpenDay(day: LocalDate, calendar: LocationCalendar): boolean {
  return isOpenEpochDay(toEpochDay(day), calendar);
}

function isOpenEpochDay(epochDay: number, calendar: LocationCalendar): boolean {
  if (calendar.weeklyClosedDays.includes(epochDayToWeekday(epochDay))) return false;
  const day = fromEpochDay(epochDay);
  if (calendar.closedDates.includes(day)) return false;
  if (calendar.closedRanges.some((range) => range.from <= day && day <= range.to)) return false;
  if (calendar.closedOnNationalHolidays && isNationalHoliday(day)) return false;
  if (calendar.closedDayAfterNationalHoliday && isDayAfterNationalHoliday(day, calendar)) return false;
  return true;
}

/**
 * A "regular weekday": Monday to Friday, not a national holiday and not one of the location's weekly
 * closing days. One-off closures (closedDates, closedRanges) do not count here on purpose: an unscheduled
 * closure must never move the day-after-holiday closure to another day.
 */
function isRegularWeekday(epochDay: number, calendar: LocationCalendar): boolean {
  const weekday = epochDayToWeekday(epochDay);
  if (weekday === SATURDAY || weekday === SUNDAY) return false;
  if (calendar.weeklyClosedDays.includes(weekday)) return false;
  return !isNationalHoliday(fromEpochDay(epochDay));
}

/**
 * The "day after a national holiday" closure (祝日の翌日休館), precisely: the first regular weekday after a
 * national holiday, or after a run of consecutive holidays, is closed. Weekends, weekly closing days and
 * further holidays in between push it on. Examples with Monday as the weekly closing day:
 * - holiday on Wednesday → Thursday closed;
 * - holiday on Monday (Marine Day) → Tuesday closed;
 * - holiday on Friday → Saturday and Sunday stay open, Monday is closed anyway, Tuesday closed;
 * - Golden Week 2026 (Wed 4/29; Sun 5/3 – Wed 5/6) → Thu 4/30 and Thu 5/7 closed.
 * The holiday itself is open unless closedOnNationalHolidays also holds.
 */
export function isDayAfterNationalHoliday(day: LocalDate, calendar: LocationCalendar): boolean {
  const epochDay = toEpochDay(day);
  if (!isRegularWeekday(epochDay, calendar)) return false;
  // Ends within a week: the same weekday seven days earlier is either a regular weekday or a holiday.
  for (let back = epochDay - 1; ; back--) {
    if (isNationalHoliday(fromEpochDay(back))) return true;
    if (isRegularWeekday(back, calendar)) return false;
  }
}

/**
 * The n-th open day strictly after `day` (n = 0 gives `day` itself). Throws CalendarHasNoOpenDay when the
 * location stays closed for longer than the search horizon (e.g. every weekday closed), instead of looping.
 */
export function nthOpenDayAfter(day: LocalDate, n: number, calendar: LocationCalendar): LocalDate {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`nthOpenDayAfter: n must be a whole number >= 0, got ${n}`);
  let current = toEpochDay(day, 'day');
  let found = 0;
  let closedInARow = 0;
  while (found < n) {
    current += 1;
    if (isOpenEpochDay(current, calendar)) {
      found += 1;
      closedInARow = 0;
    } else if (++closedInARow > OPEN_DAY_SEARCH_HORIZON_DAYS) {
      throw new CalendarHasNoOpenDay({ from: fromEpochDay(current - closedInARow), searchedDays: OPEN_DAY_SEARCH_HORIZON_DAYS });
    }
  }
  return fromEpochDay(current);
}

/** The longest run of closed days that takes in a one-off closure (closedDates, closedRanges); null when there is none. */
export function longestClosure(calendar: LocationCalendar): { from: LocalDate; to: LocalDate; days: number } | null {
  // Only one-off closures can run for long: weekly closing days leave a weekday open, and holidays come a few at a time.
  // Each one-off closure is grown day by day over whatever else closes the days around it; runs that meet merge.
  const spans = [
    ...calendar.closedDates.map((day) => [toEpochDay(day), toEpochDay(day)]),
    ...calendar.closedRanges.map((range) => [toEpochDay(range.from), toEpochDay(range.to)]),
  ].sort((a, b) => a[0] - b[0]);
  const isOpen = (epochDay: number) => isOpenEpochDay(epochDay, calendar);
  let longest: { from: number; to: number } | null = null;
  let runEnd = Number.NEGATIVE_INFINITY;
  for (const [from] of spans) {
    if (from <= runEnd) continue;
    let start = from;
    while (start - 1 > from - OPEN_DAY_SEARCH_HORIZON_DAYS && !isOpen(start - 1)) start -= 1;
    let end = from;
    while (end + 1 < from + 2 * OPEN_DAY_SEARCH_HORIZON_DAYS && !isOpen(end + 1)) end += 1;
    runEnd = end;
    if (!longest || end - start > longest.to - longest.from) longest = { from: start, to: end };
  }
  return longest && { from: fromEpochDay(longest.from), to: fromEpochDay(longest.to), days: longest.to - longest.from + 1 };
}

/** Open days in the half-open interval (from, to]: how many open days come after `from` up to and including `to`. */
export function openDaysBetween(from: LocalDate, to: LocalDate, calendar: LocationCalendar): number {
  let count = 0;
  for (let day = toEpochDay(from, 'from') + 1, end = toEpochDay(to, 'to'); day <= end; day++) {
    if (isOpenEpochDay(day, calendar)) count += 1;
  }
  return count;
}
