import { addMonths, libraryToday, monthStart, type LocalDate } from '../../shared/dates';
import { MonthView, type PickupWindow } from '../calendar/MonthView';
import { useHolidays } from '../calendar/use-holidays';
import { useConsole } from '../console-context';

interface PickupWindowViewProps {
  locationId: string;
  window: PickupWindow;
  pickupOpenDays: number | null;
}

/** The pickup window drawn over the location's calendar, one month view per month it touches. */
export function PickupWindowView({ locationId, window, pickupOpenDays }: PickupWindowViewProps) {
  const { api, text, lang, locationName, calendarOf } = useConsole();
  const calendar = calendarOf(locationId);
  const today = libraryToday();
  const first = monthStart(window.noticeDay);
  const last = monthStart(window.lastPickupDay);
  const months: LocalDate[] = [first];
  while (months[months.length - 1] < last) months.push(addMonths(months[months.length - 1], 1));
  const holidays = useHolidays(api, first, addMonths(last, 1), lang === 'en');
  const legend = text.hold.windowLegend;
  return (
    <section aria-labelledby="window-heading">
      <h2 id="window-heading">{text.screenAt(text.hold.window, locationName(locationId))}</h2>
      {pickupOpenDays !== null && <p>{text.hold.windowNote(pickupOpenDays)}</p>}
      <ul class="legend">
        <li>
          <span class="swatch" style={{ background: 'var(--window-surface)' }} />
          {legend.window}
        </li>
        <li>
          <span class="swatch" style={{ background: 'var(--closed-surface)' }} />
          {legend.closed}
        </li>
        <li>
          <span class="swatch" style={{ outline: '3px solid var(--primary)', outlineOffset: '-3px' }} />
          {legend.last}
        </li>
      </ul>
      {holidays ? (
        months.map((month) => (
          <MonthView key={month} month={month} calendar={calendar} holidays={holidays} today={today} text={text} lang={lang} window={window} />
        ))
      ) : (
        <p>{text.loading}</p>
      )}
    </section>
  );
}
