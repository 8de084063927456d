import { useState } from 'preact/hooks';
import { addMonths, formatDay, libraryToday, monthStart, weekdayNames } from '../../shared/dates';
import { useConsole } from '../console-context';
import { LocationScreen } from '../lists/LocationScreen';
import type { Calendar } from '../api-types';
import { EmergencyClosureForm } from './EmergencyClosureForm';
import { MonthView } from './MonthView';
import { useHolidays } from './use-holidays';

function ClosingRules({ calendar }: { calendar: Calendar }) {
  const { text, lang } = useConsole();
  const t = text.calendar;
  const names = weekdayNames(lang);
  const closures = [...calendar.closedDates.map((day) => ({ from: day, to: day, reason: undefined as string | undefined })), ...calendar.closedRanges];
  return (
    <section aria-labelledby="rules-heading">
      <h2 id="rules-heading">{t.rules}</h2>
      <ul>
        <li>{t.weeklyClosed(calendar.weeklyClosedDays.map((day) => names[day]).join(text.listSeparator))}</li>
        <li>{t.holidaysClosed(calendar.closedOnNationalHolidays)}</li>
        <li>{t.dayAfterClosed(calendar.closedDayAfterNationalHoliday)}</li>
      </ul>
      <h3>{t.closedList}</h3>
      {closures.length === 0 ? (
        <p>{text.none}</p>
      ) : (
        <ul>
          {closures.map((closure) => (
            <li key={`${closure.from}-${closure.to}`}>
              {formatDay(closure.from, lang)}
              {closure.to !== closure.from && ` – ${formatDay(closure.to, lang)}`}
              {closure.reason && ` — ${closure.reason}`}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function LocationCalendar({ locationId }: { locationId: string }) {
  const { api, text, lang, locations, calendarOf } = useConsole();
  const today = libraryToday();
  const [month, setMonth] = useState(monthStart(today));
  const holidays = useHolidays(api, month, addMonths(month, 1), lang === 'en');
  const calendar = calendarOf(locationId);
  const t = text.calendar;
  return (
    <>
      <div class="actions">
        <button type="button" class="secondary" onClick={() => setMonth(addMonths(month, -1))}>
          {t.previous}
        </button>
        <button type="button" class="secondary" onClick={() => setMonth(addMonths(month, 1))}>
          {t.next}
        </button>
      </div>
      {holidays ? <MonthView month={month} calendar={calendar} holidays={holidays} today={today} text={text} lang={lang} /> : <p>{text.loading}</p>}
      <ul class="legend">
        <li>
          <span class="swatch" style={{ background: 'var(--closed-surface)' }} />
          {t.legend.closed}
        </li>
        <li>{t.legend.today}</li>
      </ul>
      <EmergencyClosureForm locationId={locationId} calendar={calendar} onChanged={locations.reload} />
      <ClosingRules calendar={calendar} />
    </>
  );
}

export function CalendarScreen() {
  const { text } = useConsole();
  return <LocationScreen heading={text.calendar.heading} body={LocationCalendar} />;
}
