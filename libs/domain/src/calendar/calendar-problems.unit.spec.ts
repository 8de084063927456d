import { calendarWith } from '../test/calendar-fixtures';
import { calendarProblems, isLocationCalendar } from './calendar-problems';
import { openCalendar } from './open-days';

describe('R30: validating a calendar staff entered', () => {
  it('accepts a valid calendar', () => {
    const calendar = calendarWith({
      weeklyClosedDays: [1],
      closedDates: ['2026-06-10'],
      closedRanges: [{ from: '2026-12-29', to: '2027-01-03', reason: 'year-end' }],
      closedOnNationalHolidays: true,
    });
    expect(calendarProblems(calendar)).toEqual([]);
    expect(isLocationCalendar(openCalendar())).toBe(true);
  });

  it('lists every problem: weekday numbers 0..6, real dates, ranges with from <= to, flags, unknown fields', () => {
    const problems = calendarProblems({
      weeklyClosedDays: [1, 7, 1.5, 1],
      closedDates: ['2026-02-30', 'tomorrow'],
      closedRanges: [{ from: '2026-12-31', to: '2026-12-29' }, { from: 'x', to: '2026-01-01', reason: 3, note: 'n' }, 'range'],
      closedOnNationalHolidays: 'yes',
      closedDayAfterNationalHoliday: false,
      openOnSundays: true,
    });
    expect(problems).toEqual([
      'openOnSundays: is not a calendar field',
      'weeklyClosedDays[1]: 7 is not a weekday number 0..6',
      'weeklyClosedDays[2]: 1.5 is not a weekday number 0..6',
      'weeklyClosedDays: lists a weekday twice',
      'closedDates[0]: "2026-02-30" is not a calendar date YYYY-MM-DD',
      'closedDates[1]: "tomorrow" is not a calendar date YYYY-MM-DD',
      'closedRanges[0]: from 2026-12-31 is after to 2026-12-29',
      'closedRanges[1].note: is not a range field',
      'closedRanges[1].from: "x" is not a calendar date YYYY-MM-DD',
      'closedRanges[1].reason: must be text',
      'closedRanges[2]: must be an object { from, to, reason? }',
      'closedOnNationalHolidays: must be true or false',
    ]);
  });

  it('refuses a week closed on all seven days, missing lists and a non-object', () => {
    expect(calendarProblems(calendarWith({ weeklyClosedDays: [0, 1, 2, 3, 4, 5, 6] }))).toEqual([
      'weeklyClosedDays: closes every day of the week, so the location would never open',
    ]);
    expect(calendarProblems({ closedOnNationalHolidays: true, closedDayAfterNationalHoliday: true })).toEqual([
      'weeklyClosedDays: must be a list of weekday numbers (0 = Sunday … 6 = Saturday)',
      'closedDates: must be a list of dates YYYY-MM-DD',
      'closedRanges: must be a list of { from, to, reason? }',
    ]);
    expect(calendarProblems(null)).toEqual(['the calendar must be an object']);
    expect(calendarProblems([])).toEqual(['the calendar must be an object']);
  });
});
