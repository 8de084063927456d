import { CalendarHasNoOpenDay } from '../errors';
import { calendarWith } from '../test/calendar-fixtures';
import { isDayAfterNationalHoliday, isOpenDay, nthOpenDayAfter, openCalendar, openDaysBetween, OPEN_DAY_SEARCH_HORIZON_DAYS } from './open-days';
import { addDays } from './local-date';

const MONDAY = 1;

describe('R30: open days of a pickup location', () => {
  it('an open calendar is open every day, holidays included', () => {
    expect(['2026-01-01', '2026-05-05', '2026-06-01', '2026-12-31'].every((day) => isOpenDay(day, openCalendar()))).toBe(true);
  });

  it('weekly closing days close that weekday every week', () => {
    const calendar = calendarWith({ weeklyClosedDays: [MONDAY] });
    expect(isOpenDay('2026-06-01', calendar)).toBe(false);
    expect(isOpenDay('2026-06-08', calendar)).toBe(false);
    expect(isOpenDay('2026-06-02', calendar)).toBe(true);
  });

  it('single closed dates and inclusive closed ranges (year-end, inventory) close those days', () => {
    const calendar = calendarWith({
      closedDates: ['2026-06-10'],
      closedRanges: [{ from: '2026-12-29', to: '2027-01-03', reason: 'year-end' }],
    });
    expect(isOpenDay('2026-06-10', calendar)).toBe(false);
    expect(isOpenDay('2026-06-11', calendar)).toBe(true);
    expect(isOpenDay('2026-12-28', calendar)).toBe(true);
    expect(isOpenDay('2026-12-29', calendar)).toBe(false);
    expect(isOpenDay('2027-01-03', calendar)).toBe(false);
    expect(isOpenDay('2027-01-04', calendar)).toBe(true);
  });

  it('national holidays close the location only when it says so', () => {
    expect(isOpenDay('2026-11-03', calendarWith({ closedOnNationalHolidays: true }))).toBe(false);
    expect(isOpenDay('2026-11-03', calendarWith({ closedOnNationalHolidays: false }))).toBe(true);
  });

  describe('the day after a national holiday: the first regular weekday after a holiday (or a run of them)', () => {
    const mondaysAndDayAfter = calendarWith({ weeklyClosedDays: [MONDAY], closedDayAfterNationalHoliday: true });

    it('holiday on a Tuesday (Culture Day 2026-11-03) → Wednesday closed, the holiday itself open', () => {
      expect(isOpenDay('2026-11-03', mondaysAndDayAfter)).toBe(true);
      expect(isOpenDay('2026-11-04', mondaysAndDayAfter)).toBe(false);
      expect(isOpenDay('2026-11-05', mondaysAndDayAfter)).toBe(true);
    });

    it('holiday on the weekly closing Monday (Marine Day 2026-07-20) → Tuesday closed too', () => {
      expect(isOpenDay('2026-07-20', mondaysAndDayAfter)).toBe(false);
      expect(isOpenDay('2026-07-21', mondaysAndDayAfter)).toBe(false);
      expect(isOpenDay('2026-07-22', mondaysAndDayAfter)).toBe(true);
    });

    it('holiday on a Friday (Vernal Equinox 2026-03-20) → the weekend stays open, Tuesday after the closed Monday is closed', () => {
      expect(['2026-03-21', '2026-03-22'].map((day) => isOpenDay(day, mondaysAndDayAfter))).toEqual([true, true]);
      expect(isOpenDay('2026-03-24', mondaysAndDayAfter)).toBe(false);
      expect(isOpenDay('2026-03-25', mondaysAndDayAfter)).toBe(true);
    });

    it('a run of holidays (Silver Week 2026: Mon 9/21 – Wed 9/23) closes only the first weekday after the run', () => {
      expect(isDayAfterNationalHoliday('2026-09-22', mondaysAndDayAfter)).toBe(false);
      expect(isOpenDay('2026-09-24', mondaysAndDayAfter)).toBe(false);
      expect(isOpenDay('2026-09-25', mondaysAndDayAfter)).toBe(true);
    });

    it('a one-off closure does not move it (the storm day and the day after both closed)', () => {
      const withStorm = { ...mondaysAndDayAfter, closedDates: ['2026-11-04'] };
      expect(isOpenDay('2026-11-04', withStorm)).toBe(false);
      expect(isOpenDay('2026-11-05', withStorm)).toBe(true);
    });

    it('without the flag, the day after a holiday is an ordinary day', () => {
      expect(isOpenDay('2026-11-04', calendarWith({ weeklyClosedDays: [MONDAY] }))).toBe(true);
    });

    it('only weekend opening: no regular weekday, so no day-after closure', () => {
      const weekendsOnly = calendarWith({ weeklyClosedDays: [1, 2, 3, 4, 5], closedDayAfterNationalHoliday: true });
      expect(isOpenDay('2026-03-21', weekendsOnly)).toBe(true);
      expect(isDayAfterNationalHoliday('2026-03-24', weekendsOnly)).toBe(false);
    });

    it('an ordinary weekday long after any holiday is not a day after', () => {
      expect(isDayAfterNationalHoliday('2026-06-10', mondaysAndDayAfter)).toBe(false);
    });
  });

  describe('counting open days', () => {
    const mondaysClosed = calendarWith({ weeklyClosedDays: [MONDAY] });

    it('the 0th open day after a day is the day itself; the n-th skips closed days', () => {
      expect(nthOpenDayAfter('2026-06-01', 0, mondaysClosed)).toBe('2026-06-01');
      expect(nthOpenDayAfter('2026-06-06', 1, mondaysClosed)).toBe('2026-06-07');
      expect(nthOpenDayAfter('2026-06-07', 1, mondaysClosed)).toBe('2026-06-09');
      expect(openDaysBetween('2026-06-06', '2026-06-09', mondaysClosed)).toBe(2);
    });

    it('refuses a negative or fractional count', () => {
      expect(() => nthOpenDayAfter('2026-06-01', -1, mondaysClosed)).toThrow(RangeError);
      expect(() => nthOpenDayAfter('2026-06-01', 1.5, mondaysClosed)).toThrow(RangeError);
    });

    it('a calendar with no open day at all throws CalendarHasNoOpenDay instead of looping forever', () => {
      const neverOpen = calendarWith({ weeklyClosedDays: [0, 1, 2, 3, 4, 5, 6] });
      expect(() => nthOpenDayAfter('2026-06-01', 1, neverOpen)).toThrow(CalendarHasNoOpenDay);
    });

    it('a closure longer than the search horizon throws; one just inside it is counted through', () => {
      const long = (days: number) => calendarWith({ closedRanges: [{ from: '2026-06-02', to: addDays('2026-06-01', days) }] });
      expect(nthOpenDayAfter('2026-06-01', 1, long(OPEN_DAY_SEARCH_HORIZON_DAYS))).toBe(addDays('2026-06-01', OPEN_DAY_SEARCH_HORIZON_DAYS + 1));
      expect(() => nthOpenDayAfter('2026-06-01', 1, long(OPEN_DAY_SEARCH_HORIZON_DAYS + 1))).toThrow(/no open day within/);
    });
  });
});
