/** Library days are local dates of the library's time zone, never the browser's or UTC (architecture: Time). */
export const LIBRARY_TIME_ZONE = 'Asia/Tokyo';

/** A local date, YYYY-MM-DD. */
export type LocalDate = string;

const isoDay = new Intl.DateTimeFormat('en-CA', { timeZone: LIBRARY_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

export function libraryToday(now: Date = new Date()): LocalDate {
  return isoDay.format(now);
}

const MS_PER_DAY = 86_400_000;
const epochDay = (day: LocalDate) => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / MS_PER_DAY;
const fromEpochDay = (days: number): LocalDate => new Date(days * MS_PER_DAY).toISOString().slice(0, 10);

export function addDays(day: LocalDate, days: number): LocalDate {
  return fromEpochDay(epochDay(day) + days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return epochDay(to) - epochDay(from);
}

/** 0 = Sunday … 6 = Saturday, as the API's weeklyClosedDays. */
export function weekdayOf(day: LocalDate): number {
  return (((epochDay(day) + 4) % 7) + 7) % 7;
}

export function monthStart(day: LocalDate): LocalDate {
  return `${day.slice(0, 7)}-01`;
}

export function addMonths(month: LocalDate, months: number): LocalDate {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + months;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

export function daysInMonth(month: LocalDate): LocalDate[] {
  const first = monthStart(month);
  const next = addMonths(first, 1);
  return Array.from({ length: daysBetween(first, next) }, (_, index) => addDays(first, index));
}

export type Lang = 'ja' | 'en';
const locale = (lang: Lang) => (lang === 'ja' ? 'ja-JP' : 'en-GB');

/** A date format in each language, built once: a list or a month grid formats a date per row or cell. */
function perLanguage(options: Intl.DateTimeFormatOptions): (lang: Lang) => Intl.DateTimeFormat {
  const built: Partial<Record<Lang, Intl.DateTimeFormat>> = {};
  return (lang) => (built[lang] ??= new Intl.DateTimeFormat(locale(lang), options));
}

const dayFormat = perLanguage({ timeZone: 'UTC', year: 'numeric', month: 'short', day: 'numeric', weekday: 'short' });
const monthFormat = perLanguage({ timeZone: 'UTC', year: 'numeric', month: 'long' });
const weekdayFormat = perLanguage({ timeZone: 'UTC', weekday: 'short' });
const instantFormat = perLanguage({ timeZone: LIBRARY_TIME_ZONE, dateStyle: 'medium', timeStyle: 'medium' });

/** A library day for people: 2026年12月3日(木) / Thu 3 Dec 2026. */
export function formatDay(day: LocalDate, lang: Lang): string {
  const [year, month, date] = day.split('-').map(Number);
  return dayFormat(lang).format(new Date(Date.UTC(year, month - 1, date)));
}

export function formatMonth(month: LocalDate, lang: Lang): string {
  const [year, index] = month.split('-').map(Number);
  return monthFormat(lang).format(new Date(Date.UTC(year, index - 1, 1)));
}

export function weekdayNames(lang: Lang): string[] {
  const format = weekdayFormat(lang);
  return Array.from({ length: 7 }, (_, weekday) => format.format(new Date(Date.UTC(2026, 10, 1 + weekday))));
}

/** An instant in the library's time zone, to the second. */
export function formatInstant(instant: string | number, lang: Lang): string {
  return instantFormat(lang).format(new Date(instant));
}
