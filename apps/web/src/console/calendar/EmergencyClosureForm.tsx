import { useState } from 'preact/hooks';
import { formatDay, libraryToday } from '../../shared/dates';
import { ProblemAlert, StatusMessage, TextField, useCommand } from '../../shared/ui';
import type { Calendar, ShelfHold } from '../api-types';
import { useConsole } from '../console-context';
import { fetchLocationList } from '../lists/use-location-list';
import { movedHolds, type MovedHold } from './moved-holds';

interface EmergencyClosureFormProps {
  locationId: string;
  calendar: Calendar;
  onChanged(): Promise<void>;
}

/**
 * An unscheduled closure (a storm) added to the location's calendar (PUT /staff/locations/:id/calendar).
 * The hold shelf is read before and after, so the desk sees whose last pickup day moved (R30).
 */
export function EmergencyClosureForm({ locationId, calendar, onChanged }: EmergencyClosureFormProps) {
  const { api, text, lang } = useConsole();
  const [from, setFrom] = useState(libraryToday());
  const [to, setTo] = useState(libraryToday());
  const [reason, setReason] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const [moved, setMoved] = useState<MovedHold[] | null>(null);
  const command = useCommand();
  const t = text.calendar;
  const submit = (event: Event) => {
    event.preventDefault();
    setDone(null);
    setMoved(null);
    void command.run(async () => {
      const before = await fetchLocationList<ShelfHold>(api, locationId, 'hold-shelf');
      const closure = { from, to: to < from ? from : to, ...(reason.trim() ? { reason: reason.trim() } : {}) };
      await api.send('PUT', `/staff/locations/${encodeURIComponent(locationId)}/calendar`, { ...calendar, closedRanges: [...calendar.closedRanges, closure] });
      const after = await fetchLocationList<ShelfHold>(api, locationId, 'hold-shelf');
      await onChanged();
      setMoved(movedHolds(before, after));
      setDone(t.added(formatDay(closure.from, lang), formatDay(closure.to, lang)));
      setReason('');
    });
  };
  return (
    <section aria-labelledby="emergency-heading">
      <h2 id="emergency-heading">{t.emergency}</h2>
      <form onSubmit={submit}>
        <TextField id="closure-from" label={t.from} type="date" required value={from} onValue={setFrom} />
        <TextField id="closure-to" label={t.to} type="date" required min={from} value={to} onValue={setTo} />
        <TextField id="closure-reason" label={t.reason} placeholder={t.reasonExample} value={reason} onValue={setReason} />
        <ProblemAlert problem={command.problem} text={text} />
        <div>
          <button type="submit" disabled={command.busy}>
            {t.add}
          </button>
        </div>
      </form>
      <StatusMessage message={done} />
      {moved && <MovedHoldsTable moved={moved} />}
    </section>
  );
}

function MovedHoldsTable({ moved }: { moved: MovedHold[] }) {
  const { text, lang } = useConsole();
  const t = text.calendar;
  const c = text.columns;
  return (
    <section aria-labelledby="moved-heading">
      <h3 id="moved-heading">{t.moved}</h3>
      {moved.length === 0 ? (
        <p>{t.noneMoved}</p>
      ) : (
        <table class="responsive">
          <caption>{t.movedCaption(moved.length)}</caption>
          <thead>
            <tr>
              <th scope="col">{c.title}</th>
              <th scope="col">{c.card}</th>
              <th scope="col">{t.before}</th>
              <th scope="col">{t.after}</th>
            </tr>
          </thead>
          <tbody>
            {moved.map(({ hold, before, after }) => (
              <tr key={hold.holdId}>
                <td data-label={c.title}>{hold.titleName}</td>
                <td data-label={c.card}>{hold.cardNumber}</td>
                <td data-label={t.before}>{formatDay(before, lang)}</td>
                <td data-label={t.after}>{formatDay(after, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
