import { openCalendar, type LocationCalendar } from '@libs/domain';
import { pickupReminderDue } from './pickup-reminder-day';

const everyDay = openCalendar();
const closedOnSundays: LocationCalendar = { ...openCalendar(), weeklyClosedDays: [0] };

describe('the pickup reminder day (optional policy pickupReminderOpenDaysBefore, R18, R30)', () => {
  it('is due once two open days are left before the last pickup day, up to that day', () => {
    const due = (today: string) => pickupReminderDue(today, '2026-11-23', '2026-12-03', 2, everyDay);
    expect(due('2026-11-30')).toBe(false);
    expect(due('2026-12-01')).toBe(true);
    expect(due('2026-12-02')).toBe(true);
    expect(due('2026-12-03')).toBe(true);
    expect(due('2026-12-04')).toBe(false);
  });

  it('counts open days only: a closed Sunday does not count as one left', () => {
    // Last pickup day Monday 2026-12-07; Sunday 12-06 is closed, so on Friday 12-04 two open days are left (Sat, Mon).
    const due = (today: string) => pickupReminderDue(today, '2026-11-23', '2026-12-07', 2, closedOnSundays);
    expect(due('2026-12-03')).toBe(false);
    expect(due('2026-12-04')).toBe(true);
  });

  it('is never due on the notice day, even when the window is shorter than the reminder lead', () => {
    expect(pickupReminderDue('2026-11-23', '2026-11-23', '2026-11-24', 2, everyDay)).toBe(false);
    expect(pickupReminderDue('2026-11-24', '2026-11-23', '2026-11-24', 2, everyDay)).toBe(true);
  });
});
