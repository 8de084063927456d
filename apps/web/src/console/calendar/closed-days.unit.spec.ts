import type { Calendar } from '../api-types';
import { closureOn, OPEN_EVERY_DAY, isInPickupWindow } from './closed-days';

// Golden Week 2026 and the autumn holidays, as GET /staff/locations/holidays gives them.
const holidays = new Map([
  ['2026-04-29', '昭和の日'],
  ['2026-05-03', '憲法記念日'],
  ['2026-05-04', 'みどりの日'],
  ['2026-05-05', 'こどもの日'],
  ['2026-05-06', '休日'],
  ['2026-07-20', '海の日'],
  ['2026-11-03', '文化の日'],
  ['2026-11-23', '勤労感謝の日'],
]);
const mondaysAndHolidays: Calendar = { ...OPEN_EVERY_DAY, weeklyClosedDays: [1], closedOnNationalHolidays: true, closedDayAfterNationalHoliday: true };

describe('the month view shades the days the API counts as closed (R30)', () => {
  it('R30 weekly closing day, holiday and the day after it, each with its own label', () => {
    expect(closureOn('2026-11-02', mondaysAndHolidays, holidays)).toEqual({ kind: 'weekly' });
    expect(closureOn('2026-11-03', mondaysAndHolidays, holidays)).toEqual({ kind: 'national-holiday', name: '文化の日' });
    expect(closureOn('2026-11-04', mondaysAndHolidays, holidays)).toEqual({ kind: 'day-after-holiday' });
    expect(closureOn('2026-11-05', mondaysAndHolidays, holidays)).toBeNull();
  });

  it('R30 the day-after-holiday closure moves past weekends, weekly closings and further holidays (Golden Week, Marine Day)', () => {
    expect(closureOn('2026-04-30', mondaysAndHolidays, holidays)).toEqual({ kind: 'day-after-holiday' });
    expect(closureOn('2026-05-07', mondaysAndHolidays, holidays)).toEqual({ kind: 'day-after-holiday' });
    expect(closureOn('2026-05-08', mondaysAndHolidays, holidays)).toBeNull();
    expect(closureOn('2026-07-21', mondaysAndHolidays, holidays)).toEqual({ kind: 'day-after-holiday' });
  });

  it('R30 an unscheduled closure shows its reason; holidays stay open unless the calendar closes on them', () => {
    const storm: Calendar = { ...OPEN_EVERY_DAY, closedRanges: [{ from: '2026-11-25', to: '2026-11-26', reason: '台風' }], closedDates: ['2026-11-30'] };
    expect(closureOn('2026-11-26', storm, holidays)).toEqual({ kind: 'closed-range', reason: '台風' });
    expect(closureOn('2026-11-30', storm, holidays)).toEqual({ kind: 'closed-date' });
    expect(closureOn('2026-11-23', storm, holidays)).toBeNull();
  });

  it('R18 the pickup window starts the day after the notice and ends on the last pickup day', () => {
    expect(isInPickupWindow('2026-11-23', '2026-11-23', '2026-12-03')).toBe(false);
    expect(isInPickupWindow('2026-11-24', '2026-11-23', '2026-12-03')).toBe(true);
    expect(isInPickupWindow('2026-12-03', '2026-11-23', '2026-12-03')).toBe(true);
    expect(isInPickupWindow('2026-12-04', '2026-11-23', '2026-12-03')).toBe(false);
  });
});
