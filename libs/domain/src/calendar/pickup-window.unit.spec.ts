import fc from 'fast-check';
import type { LocalDate, LocationCalendar } from '../events';
import { calendarWith } from '../test/calendar-fixtures';
import { addDays, dayOfWeek, daysBetween } from './local-date';
import { isNationalHoliday } from './national-holidays';
import { isOpenDay, openCalendar, openDaysBetween } from './open-days';
import { expiryDay, isExpired, pickupDeadline } from './pickup-window';

describe('R18: the pickup window counts open days from the day after the notice', () => {
  it('with no closures: notice 6/1, ten days 6/2–6/11, cancelled automatically on the 11th day 6/12', () => {
    expect(pickupDeadline('2026-06-01', 10, openCalendar())).toBe('2026-06-11');
    expect(expiryDay('2026-06-01', 10, openCalendar())).toBe('2026-06-12');
  });

  it('closed days are not counted (Library B: 休館日を除く10日間)', () => {
    const mondaysClosed = calendarWith({ weeklyClosedDays: [1] });
    // Notice Monday 6/1: 6/2–6/7 (6), Monday 6/8 closed, 6/9–6/12 (10).
    expect(pickupDeadline('2026-06-01', 10, mondaysClosed)).toBe('2026-06-12');
    expect(expiryDay('2026-06-01', 10, mondaysClosed)).toBe('2026-06-13');
  });

  it('expires on the first open day after the last pickup day, not on a closed day in between', () => {
    const mondaysClosed = calendarWith({ weeklyClosedDays: [1] });
    // Notice Tuesday 6/2 with 5 days: 6/3–6/7, Monday 6/8 closed, expires Tuesday 6/9.
    expect(pickupDeadline('2026-06-02', 5, mondaysClosed)).toBe('2026-06-07');
    expect(isExpired('2026-06-07', '2026-06-02', 5, mondaysClosed)).toBe(false);
    expect(isExpired('2026-06-08', '2026-06-02', 5, mondaysClosed)).toBe(false);
    expect(isExpired('2026-06-09', '2026-06-02', 5, mondaysClosed)).toBe(true);
    // A sweep that was down for days still finds it expired.
    expect(isExpired('2026-07-01', '2026-06-02', 5, mondaysClosed)).toBe(true);
  });

  it('a notice on a closed day still counts from the next day', () => {
    const mondaysClosed = calendarWith({ weeklyClosedDays: [1] });
    expect(pickupDeadline('2026-06-08', 1, mondaysClosed)).toBe('2026-06-09');
  });
});

// ---- property-based: random calendars and notice days ----

const FIRST_DAY = '2026-01-01';
const dayIn = (span: number) => fc.integer({ min: 0, max: span }).map((offset) => addDays(FIRST_DAY, offset));

/** Random weekly closures (at least one weekday stays open), closed dates and ranges, holiday flags. */
const calendarArbitrary = (withHolidayRules: boolean): fc.Arbitrary<LocationCalendar> =>
  fc.record({
    weeklyClosedDays: fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { maxLength: 6 }),
    closedDates: fc.array(dayIn(760), { maxLength: 40 }),
    closedRanges: fc.array(
      fc.tuple(dayIn(760), fc.integer({ min: 0, max: 20 })).map(([from, length]) => ({ from, to: addDays(from, length) })),
      { maxLength: 6 },
    ),
    closedOnNationalHolidays: withHolidayRules ? fc.boolean() : fc.constant(false),
    closedDayAfterNationalHoliday: withHolidayRules ? fc.boolean() : fc.constant(false),
  });

/** An oracle written independently of open-days.ts: the plain reading of the calendar fields. */
function oracleIsOpen(day: LocalDate, calendar: LocationCalendar): boolean {
  return (
    !calendar.weeklyClosedDays.includes(dayOfWeek(day)) &&
    !calendar.closedDates.includes(day) &&
    !calendar.closedRanges.some((range) => range.from <= day && day <= range.to) &&
    !(calendar.closedOnNationalHolidays && isNationalHoliday(day))
  );
}

const oracleOpenDaysBetween = (from: LocalDate, to: LocalDate, calendar: LocationCalendar) =>
  Array.from({ length: Math.max(0, daysBetween(from, to)) }, (_, i) => addDays(from, i + 1)).filter((day) => oracleIsOpen(day, calendar)).length;

describe('R18 properties over random calendars', () => {
  it('the deadline is exactly the N-th open day after the notice (checked against an independent oracle)', () => {
    fc.assert(
      fc.property(calendarArbitrary(false), dayIn(365), fc.integer({ min: 1, max: 15 }), (calendar, noticeDay, openDays) => {
        const deadline = pickupDeadline(noticeDay, openDays, calendar);
        expect(deadline > noticeDay).toBe(true);
        expect(oracleIsOpen(deadline, calendar)).toBe(true);
        expect(oracleOpenDaysBetween(noticeDay, deadline, calendar)).toBe(openDays);
      }),
      { numRuns: 300 },
    );
  });

  it('with the holiday rules too, the deadline is an open day with exactly N open days up to it', () => {
    fc.assert(
      fc.property(calendarArbitrary(true), dayIn(365), fc.integer({ min: 1, max: 15 }), (calendar, noticeDay, openDays) => {
        const deadline = pickupDeadline(noticeDay, openDays, calendar);
        expect(isOpenDay(deadline, calendar)).toBe(true);
        expect(openDaysBetween(noticeDay, deadline, calendar)).toBe(openDays);
      }),
      { numRuns: 200 },
    );
  });

  it('isExpired becomes true exactly on the next open day after the deadline, and stays true', () => {
    fc.assert(
      fc.property(calendarArbitrary(false), dayIn(365), fc.integer({ min: 1, max: 15 }), (calendar, noticeDay, openDays) => {
        const deadline = pickupDeadline(noticeDay, openDays, calendar);
        let nextOpen = addDays(deadline, 1);
        while (!oracleIsOpen(nextOpen, calendar)) nextOpen = addDays(nextOpen, 1);
        expect(expiryDay(noticeDay, openDays, calendar)).toBe(nextOpen);
        for (let day = noticeDay; day <= addDays(nextOpen, 3); day = addDays(day, 1)) {
          expect(isExpired(day, noticeDay, openDays, calendar)).toBe(day >= nextOpen);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('R30: adding a closure never shortens a window, and a closure inside it lengthens it by exactly one open day', () => {
    fc.assert(
      fc.property(
        calendarArbitrary(false),
        dayIn(365),
        fc.integer({ min: 1, max: 15 }),
        fc.integer({ min: 1, max: 15 }),
        (calendar, noticeDay, openDays, pick) => {
          const deadline = pickupDeadline(noticeDay, openDays, calendar);
          const storm = addDays(noticeDay, pick);
          const later = { ...calendar, closedDates: [...calendar.closedDates, storm] };
          const newDeadline = pickupDeadline(noticeDay, openDays, later);
          expect(newDeadline >= deadline).toBe(true);
          if (storm <= deadline && isOpenDay(storm, calendar)) expect(newDeadline).toBe(pickupDeadline(deadline, 1, later));
          else expect(newDeadline).toBe(deadline);
        },
      ),
      { numRuns: 200 },
    );
  });
});
