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

  it('refuses a closure of more than a year in a row, counting what closes the days around it; a year exactly is accepted', () => {
    const years = calendarProblems(calendarWith({ closedRanges: [{ from: '2026-12-01', to: '2030-12-31' }] }));
    expect(years).toEqual([expect.stringContaining('2026-12-01 to 2030-12-31, 1492 days in a row with no open day (at most 366, R30)')]);
    // 364 days of range to a Sunday, then the weekly Monday closure and two closed dates join it: 367 days in a row.
    const joined = calendarWith({ weeklyClosedDays: [1], closedDates: ['2027-11-30', '2027-12-01'], closedRanges: [{ from: '2026-11-30', to: '2027-11-28' }] });
    expect(calendarProblems(joined)).toEqual([expect.stringContaining('2026-11-30 to 2027-12-01, 367 days in a row')]);
    expect(calendarProblems(calendarWith({ closedRanges: [{ from: '2027-01-01', to: '2027-12-31' }] }))).toEqual([]);
    expect(calendarProblems(calendarWith({ closedRanges: [{ from: '2028-01-01', to: '2028-12-31' }] }))).toEqual([]);
  });
});
