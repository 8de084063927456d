import holidayJp from '@holiday-jp/holiday_jp';
import type { LocalDate } from '../events';
import { requireLocalDate } from './local-date';

/** A Japanese national holiday, including substitute holidays (振替休日) and citizens' holidays (国民の休日). */
export interface NationalHoliday {
  date: LocalDate;
  /** The official Japanese name, as libraries print it on their calendars. */
  name: string;
  nameEn: string;
}

interface HolidayRecord {
  date: string;
  name: string;
  name_en: string;
}

// Looked up by key: the package's own isHoliday/between convert through server-local Date objects.
const table = holidayJp.holidays as unknown as Readonly<Record<string, HolidayRecord>>;
const sortedDays = Object.keys(table).sort();

/** The years the holiday table covers; outside it no day is known to be a national holiday. */
export const nationalHolidayCoverage = { from: sortedDays[0].slice(0, 4) + '-01-01', to: sortedDays[sortedDays.length - 1].slice(0, 4) + '-12-31' };

export function nationalHoliday(day: LocalDate): NationalHoliday | null {
  const record = Object.prototype.hasOwnProperty.call(table, day) ? table[day] : undefined;
  return record ? { date: record.date, name: record.name, nameEn: record.name_en } : null;
}

export function isNationalHoliday(day: LocalDate): boolean {
  return Object.prototype.hasOwnProperty.call(table, day);
}

/** The national holidays from `from` to `to` inclusive, in date order: the import for libraries that close on them. */
export function nationalHolidaysBetween(from: LocalDate, to: LocalDate): NationalHoliday[] {
  requireLocalDate(from, 'from');
  requireLocalDate(to, 'to');
  return sortedDays.filter((day) => from <= day && day <= to).map((day) => nationalHoliday(day) as NationalHoliday);
}
