import { InvalidDate } from '../errors';
import type { LocalDate } from '../events';

/**
 * Calendar-day arithmetic on 'YYYY-MM-DD' strings. The arithmetic runs on UTC midnight only as a counting
 * device: a LocalDate has no time zone, and converting an instant to one is `localDate` (time-zone.ts).
 */

const DAY_MS = 86_400_000;
const SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01, or NaN when the text is not a real calendar date (2026-02-30). */
function epochDayOf(day: string): number {
  const match = SHAPE.exec(day);
  if (!match) return Number.NaN;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, date);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== date) return Number.NaN;
  return ms / DAY_MS;
}

export function isLocalDate(value: unknown): value is LocalDate {
  return typeof value === 'string' && !Number.isNaN(epochDayOf(value));
}

/** The day as a day number; throws InvalidDate naming the field when it is not a calendar date. */
export function toEpochDay(day: LocalDate, field = 'date'): number {
  const epochDay = epochDayOf(day);
  if (Number.isNaN(epochDay)) throw new InvalidDate(field, day);
  return epochDay;
}

export function fromEpochDay(epochDay: number): LocalDate {
  return new Date(epochDay * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(day: LocalDate, n: number): LocalDate {
  return fromEpochDay(toEpochDay(day) + n);
}

/** 0 = Sunday … 6 = Saturday, as in LocationCalendar.weeklyClosedDays. */
export function dayOfWeek(day: LocalDate): number {
  return epochDayToWeekday(toEpochDay(day));
}

/** 1970-01-01 was a Thursday (4). */
export function epochDayToWeekday(epochDay: number): number {
  return (((epochDay + 4) % 7) + 7) % 7;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return toEpochDay(to) - toEpochDay(from);
}

/** Throws InvalidDate naming the field unless the value is a real calendar date. */
export function requireLocalDate(value: unknown, field: string): LocalDate {
  if (!isLocalDate(value)) throw new InvalidDate(field, value);
  return value;
}
