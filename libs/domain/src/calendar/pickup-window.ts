import type { LocalDate, LocationCalendar } from '../events';
import { requireLocalDate } from './local-date';
import { nthOpenDayAfter } from './open-days';

/**
 * The pickup window (R18): a ready hold is kept for `openDays` open days of its pickup location, counted
 * from the day after the notice day; if not collected it is cancelled automatically on the next open day.
 * Library B: "連絡日の次の日から休館日を除く10日間 … 11日目に自動的に予約取り消し".
 * Always computed from the location's current calendar, so a closure added later lengthens it (R30).
 */

/** The last day the patron can collect: the `openDays`-th open day after the notice day. */
export function pickupDeadline(noticeDay: LocalDate, openDays: number, calendar: LocationCalendar): LocalDate {
  return nthOpenDayAfter(noticeDay, openDays, calendar);
}

/** The day the hold is cancelled automatically: the (openDays + 1)-th open day after the notice day. */
export function expiryDay(noticeDay: LocalDate, openDays: number, calendar: LocationCalendar): LocalDate {
  return nthOpenDayAfter(noticeDay, openDays + 1, calendar);
}

/** True from the expiry day on: closed days after the deadline do not expire it early, a late sweep still does. */
export function isExpired(today: LocalDate, noticeDay: LocalDate, openDays: number, calendar: LocationCalendar): boolean {
  return requireLocalDate(today, 'today') >= expiryDay(noticeDay, openDays, calendar);
}
