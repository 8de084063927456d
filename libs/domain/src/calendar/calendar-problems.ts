import type { LocationCalendar } from '../events';
import { isLocalDate } from './local-date';
import { longestClosure, MAX_CLOSED_DAYS_IN_A_ROW } from './open-days';

const CALENDAR_FIELDS = ['weeklyClosedDays', 'closedDates', 'closedRanges', 'closedOnNationalHolidays', 'closedDayAfterNationalHoliday'];

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Everything wrong with a calendar that staff entered (it arrives as JSON), one sentence per problem;
 * empty when it is a valid LocationCalendar. A week closed on all seven days is refused here, and so is any
 * closure of more than MAX_CLOSED_DAYS_IN_A_ROW days (R30), whatever closes them: such a calendar would make
 * counting open days fail (CalendarHasNoOpenDay) for every hold at the location.
 */
export function calendarProblems(calendar: unknown): string[] {
  if (!isRecord(calendar)) return ['the calendar must be an object'];
  const problems: string[] = [];
  for (const key of Object.keys(calendar)) {
    if (!CALENDAR_FIELDS.includes(key)) problems.push(`${key}: is not a calendar field`);
  }

  const weekly = calendar.weeklyClosedDays;
  if (!Array.isArray(weekly)) problems.push('weeklyClosedDays: must be a list of weekday numbers (0 = Sunday … 6 = Saturday)');
  else {
    weekly.forEach((day, i) => {
      if (!Number.isInteger(day) || (day as number) < 0 || (day as number) > 6)
        problems.push(`weeklyClosedDays[${i}]: ${JSON.stringify(day)} is not a weekday number 0..6`);
    });
    if (new Set(weekly).size !== weekly.length) problems.push('weeklyClosedDays: lists a weekday twice');
    if ([0, 1, 2, 3, 4, 5, 6].every((day) => weekly.includes(day)))
      problems.push('weeklyClosedDays: closes every day of the week, so the location would never open');
  }

  const dates = calendar.closedDates;
  if (!Array.isArray(dates)) problems.push('closedDates: must be a list of dates YYYY-MM-DD');
  else
    dates.forEach((day, i) => {
      if (!isLocalDate(day)) problems.push(`closedDates[${i}]: ${JSON.stringify(day)} is not a calendar date YYYY-MM-DD`);
    });

  const ranges = calendar.closedRanges;
  if (!Array.isArray(ranges)) problems.push('closedRanges: must be a list of { from, to, reason? }');
  else ranges.forEach((range, i) => problems.push(...rangeProblems(range, `closedRanges[${i}]`)));

  for (const flag of ['closedOnNationalHolidays', 'closedDayAfterNationalHoliday'] as const) {
    if (typeof calendar[flag] !== 'boolean') problems.push(`${flag}: must be true or false`);
  }
  if (problems.length > 0) return problems;
  const closure = longestClosure(calendar as unknown as LocationCalendar);
  if (closure && closure.days > MAX_CLOSED_DAYS_IN_A_ROW)
    problems.push(
      `closes the location from ${closure.from} to ${closure.to}, ${closure.days} days in a row with no open day (at most ${MAX_CLOSED_DAYS_IN_A_ROW}, R30)`,
    );
  return problems;
}

function rangeProblems(range: unknown, at: string): string[] {
  if (!isRecord(range)) return [`${at}: must be an object { from, to, reason? }`];
  const problems: string[] = [];
  for (const key of Object.keys(range)) {
    if (!['from', 'to', 'reason'].includes(key)) problems.push(`${at}.${key}: is not a range field`);
  }
  if (!isLocalDate(range.from)) problems.push(`${at}.from: ${JSON.stringify(range.from)} is not a calendar date YYYY-MM-DD`);
  if (!isLocalDate(range.to)) problems.push(`${at}.to: ${JSON.stringify(range.to)} is not a calendar date YYYY-MM-DD`);
  if (isLocalDate(range.from) && isLocalDate(range.to) && range.from > range.to) problems.push(`${at}: from ${range.from} is after to ${range.to}`);
  if (range.reason !== undefined && typeof range.reason !== 'string') problems.push(`${at}.reason: must be text`);
  return problems;
}

export function isLocationCalendar(calendar: unknown): calendar is LocationCalendar {
  return calendarProblems(calendar).length === 0;
}
