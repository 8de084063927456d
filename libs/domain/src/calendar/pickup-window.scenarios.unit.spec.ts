import { calendarWith } from '../test/calendar-fixtures';
import { nationalHolidaysBetween } from './national-holidays';
import { isOpenDay } from './open-days';
import { expiryDay, isExpired, pickupDeadline } from './pickup-window';

const MONDAY = 1;

describe('R18/R30 scenarios on real Japanese calendars', () => {
  it('Golden Week 2026: closed Mondays and national holidays', () => {
    const calendar = calendarWith({ weeklyClosedDays: [MONDAY], closedOnNationalHolidays: true });
    // Notice Friday 4/24. Open: 4/25, 4/26, (Mon 4/27), 4/28, (Showa Day 4/29), 4/30, 5/1, 5/2,
    // (5/3–5/6: holidays, 5/4 also a Monday), 5/7, 5/8, 5/9, 5/10 → ten open days; Monday 5/11 closed.
    expect(pickupDeadline('2026-04-24', 10, calendar)).toBe('2026-05-10');
    expect(expiryDay('2026-04-24', 10, calendar)).toBe('2026-05-12');
    expect(isExpired('2026-05-11', '2026-04-24', 10, calendar)).toBe(false);
    expect(isExpired('2026-05-12', '2026-04-24', 10, calendar)).toBe(true);
  });

  it('Golden Week 2026 with the day-after-holiday closure as well: Thursday 4/30 and Thursday 5/7 closed', () => {
    const calendar = calendarWith({ weeklyClosedDays: [MONDAY], closedOnNationalHolidays: true, closedDayAfterNationalHoliday: true });
    expect(isOpenDay('2026-04-30', calendar)).toBe(false);
    expect(isOpenDay('2026-05-07', calendar)).toBe(false);
    // Open: 4/25, 4/26, 4/28, 5/1, 5/2, 5/8, 5/9, 5/10, 5/12, 5/13.
    expect(pickupDeadline('2026-04-24', 10, calendar)).toBe('2026-05-13');
    expect(expiryDay('2026-04-24', 10, calendar)).toBe('2026-05-14');
  });

  it('year-end closure 12/29–1/3 with Mondays and holidays closed', () => {
    const calendar = calendarWith({
      weeklyClosedDays: [MONDAY],
      closedOnNationalHolidays: true,
      closedRanges: [{ from: '2026-12-29', to: '2027-01-03', reason: 'year-end and new-year closure' }],
    });
    // Notice Friday 12/25. Open: 12/26, 12/27, (Mon 12/28, 12/29–1/3, Mon 1/4), 1/5 … 1/10 (6 days),
    // (Coming of Age Day, Monday 1/11), 1/12, 1/13.
    expect(pickupDeadline('2026-12-25', 10, calendar)).toBe('2027-01-13');
    expect(expiryDay('2026-12-25', 10, calendar)).toBe('2027-01-14');
  });

  it('a location closed every Monday and the day after a national holiday (Marine Day 2026)', () => {
    const calendar = calendarWith({ weeklyClosedDays: [MONDAY], closedDayAfterNationalHoliday: true });
    // Notice Saturday 7/18: Sunday 7/19 (1), Monday 7/20 closed (holiday and Monday), Tuesday 7/21 closed (day after),
    // 7/22–7/26 (6), Monday 7/27 closed, 7/28–7/31 (10).
    expect(pickupDeadline('2026-07-18', 10, calendar)).toBe('2026-07-31');
    expect(expiryDay('2026-07-18', 10, calendar)).toBe('2026-08-01');
  });

  it('R30: an emergency closure added after the notice lengthens the running window', () => {
    const before = calendarWith({ weeklyClosedDays: [MONDAY] });
    expect(pickupDeadline('2026-06-01', 10, before)).toBe('2026-06-12');
    // A typhoon closes Thursday 6/4 and Friday 6/5 after the notice was sent.
    const after = { ...before, closedDates: ['2026-06-04', '2026-06-05'] };
    expect(pickupDeadline('2026-06-01', 10, after)).toBe('2026-06-14');
    expect(isExpired('2026-06-13', '2026-06-01', 10, before)).toBe(true);
    expect(isExpired('2026-06-13', '2026-06-01', 10, after)).toBe(false);
    expect(isExpired('2026-06-16', '2026-06-01', 10, after)).toBe(true);
  });

  it('a library imports the national holidays of the year as closed dates: same days as the holiday flag', () => {
    const imported = calendarWith({ closedDates: nationalHolidaysBetween('2026-01-01', '2026-12-31').map((holiday) => holiday.date) });
    const flagged = calendarWith({ closedOnNationalHolidays: true });
    expect(pickupDeadline('2026-04-24', 10, imported)).toBe(pickupDeadline('2026-04-24', 10, flagged));
  });
});
