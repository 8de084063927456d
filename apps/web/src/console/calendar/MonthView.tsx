import { daysInMonth, formatDay, formatMonth, weekdayNames, weekdayOf, type Lang, type LocalDate } from '../../shared/dates';
import type { Calendar } from '../api-types';
import type { ConsoleMessages } from '../messages';
import { closureOn, isInPickupWindow, type Closure, type HolidayNames } from './closed-days';

export interface PickupWindow {
  noticeDay: LocalDate;
  lastPickupDay: LocalDate;
}

interface MonthViewProps {
  month: LocalDate;
  calendar: Calendar;
  holidays: HolidayNames;
  today: LocalDate;
  text: ConsoleMessages;
  lang: Lang;
  window?: PickupWindow;
}

function closureLabel(closure: Closure, text: ConsoleMessages): string {
  switch (closure.kind) {
    case 'closed-range':
      return closure.reason ?? text.calendar.closures['closed-range'];
    case 'national-holiday':
      return closure.name;
    case 'weekly':
    case 'closed-date':
    case 'day-after-holiday':
      return text.calendar.closures[closure.kind];
    default: {
      const _exhaustive: never = closure;
      return _exhaustive;
    }
  }
}

/** One month, Sunday first; closed days shaded and named, the pickup window (if any) marked day by day. */
export function MonthView({ month, calendar, holidays, today, text, lang, window }: MonthViewProps) {
  const days = daysInMonth(month);
  const cells: (LocalDate | null)[] = [...Array<null>(weekdayOf(days[0])).fill(null), ...days];
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks = Array.from({ length: cells.length / 7 }, (_, week) => cells.slice(week * 7, week * 7 + 7));
  const names = weekdayNames(lang);
  return (
    <div class="month">
      <table>
        <caption>{formatMonth(month, lang)}</caption>
        <thead>
          <tr>
            {names.map((name) => (
              <th key={name} scope="col">
                {name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week.find(Boolean)}>
              {week.map((day, index) => {
                if (!day) return <td key={`blank-${index}`} />;
                const closure = closureOn(day, calendar, holidays);
                const inWindow = window ? isInPickupWindow(day, window.noticeDay, window.lastPickupDay) : false;
                const lastDay = window?.lastPickupDay === day;
                const classes = [closure && 'closed', inWindow && 'in-window', lastDay && 'last-day', day === today && 'today'].filter(Boolean).join(' ');
                const notes = [closure && closureLabel(closure, text), lastDay && text.hold.windowLegend.last].filter(Boolean).join(text.listSeparator);
                return (
                  <td key={day} class={classes || undefined} title={formatDay(day, lang)} data-day={day}>
                    <span class="day-number">{Number(day.slice(8))}</span>
                    {notes && <span class="day-note">{notes}</span>}
                    {inWindow && !lastDay && <span class="visually-hidden">{text.hold.windowLegend.window}</span>}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
