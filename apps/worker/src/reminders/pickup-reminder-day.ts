import { openDaysBetween, type LocalDate, type LocationCalendar } from '@libs/domain';

/**
 * Whether a ready hold's pickup reminder is due today: from the day on which `openDaysBefore` open days are
 * left after it up to the last pickup day (a run missed while the worker was down is made up the next day),
 * never on the notice day itself (the ready mail just went out) and never after the last pickup day.
 */
export function pickupReminderDue(
  today: LocalDate,
  noticeDay: LocalDate,
  lastPickupDay: LocalDate,
  openDaysBefore: number,
  calendar: LocationCalendar,
): boolean {
  if (today <= noticeDay || today > lastPickupDay) return false;
  return openDaysBetween(today, lastPickupDay, calendar) <= openDaysBefore;
}
