import type { LocalDate } from '@libs/domain';
import type { MailLanguage } from './mail-kinds';

const japaneseWeekdays = ['日', '月', '火', '水', '木', '金', '土'];
const englishWeekdays = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const englishMonths = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * A local calendar date as patrons read it: `2026年12月5日(土)` or `Saturday, 5 December 2026`.
 * The weekday comes from the date itself, so neither the server's zone nor UTC can shift it.
 */
export function formatDay(day: LocalDate, language: MailLanguage): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) throw new Error(`not a local date (YYYY-MM-DD): ${day}`);
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const weekday = new Date(Date.UTC(year, month - 1, date)).getUTCDay();
  return language === 'ja'
    ? `${year}年${month}月${date}日(${japaneseWeekdays[weekday]})`
    : `${englishWeekdays[weekday]}, ${date} ${englishMonths[month - 1]} ${year}`;
}

/** An instant as a day and a 24-hour time in the library's zone: `2026年12月5日(土) 14:30`. */
export function formatInstant(instant: string, language: MailLanguage, timeZone: string): string {
  const at = new Date(instant);
  if (Number.isNaN(at.getTime())) throw new Error(`not an ISO-8601 instant: ${instant}`);
  const day = localDateIn(at, timeZone);
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  const time = `${part(parts, 'hour')}:${part(parts, 'minute')}`;
  return language === 'ja' ? `${formatDay(day, 'ja')} ${time}` : `${formatDay(day, 'en')}, ${time}`;
}

/** The calendar date an instant falls on in a time zone. */
export function localDateIn(at: Date, timeZone: string): LocalDate {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(at);
  return `${part(parts, 'year')}-${part(parts, 'month')}-${part(parts, 'day')}`;
}

function part(parts: Intl.DateTimeFormatPart[], type: Intl.DateTimeFormatPartTypes): string {
  const found = parts.find((candidate) => candidate.type === type);
  if (!found) throw new Error(`no ${type} in formatted date`);
  return found.value;
}
