import { useMemo, useState } from 'preact/hooks';
import type { LocalDate } from '../../shared/dates';
import { Loading, ScreenHeading, useLoad } from '../../shared/ui';
import type { HistoryEntry, HoldAsOf } from '../api-types';
import { useConsole } from '../console-context';
import { AsOfPanel } from './AsOfPanel';
import { PickupWindowView } from './PickupWindowView';
import { Timeline } from './Timeline';

/** The slider starts a little before the first event, where the hold did not exist yet. */
const BEFORE_FIRST_MS = 60_000;

interface WindowSource {
  locationId: string;
  window: { noticeDay: LocalDate; lastPickupDay: LocalDate };
  pickupOpenDays: number | null;
}

/**
 * The pickup window to draw: the one the hold had at the slider's instant when it was ready then; else the
 * last one it had, as the history records it (an expired hold keeps the last pickup day it ended with).
 */
function pickupWindowOf(state: HoldAsOf | null, history: HistoryEntry[]): WindowSource | null {
  const ready = history.filter((entry) => entry.type === 'HoldReady').at(-1);
  const expired = history.find((entry) => entry.type === 'PickupExpired');
  const pickupOpenDays = ready ? Number(ready.data.pickupOpenDays) : null;
  if (state?.status === 'ready' && state.noticeDay && state.lastPickupDay && state.pickupLocationId)
    return { locationId: state.pickupLocationId, window: { noticeDay: state.noticeDay, lastPickupDay: state.lastPickupDay }, pickupOpenDays };
  if (!ready) return null;
  const lastPickupDay = String((expired ?? ready).data.lastPickupDay);
  return { locationId: String(ready.data.pickupLocationId), window: { noticeDay: String(ready.data.noticeDay), lastPickupDay }, pickupOpenDays };
}

function HoldDetails({ holdId, history }: { holdId: string; history: HistoryEntry[] }) {
  const range = useMemo(() => {
    // The API folds the events that happened (occurredAt, the library's clock) up to the chosen instant.
    const happened = history.map((entry) => Date.parse(entry.occurredAt));
    return { min: Math.min(...happened) - BEFORE_FIRST_MS, max: Math.max(...happened, Date.now()) };
  }, [history]);
  const [asOf, setAsOf] = useState(range.max);
  const [state, setState] = useState<HoldAsOf | null>(null);
  const window = pickupWindowOf(state, history);
  return (
    <>
      <AsOfPanel holdId={holdId} range={range} asOf={asOf} onAsOf={setAsOf} state={state} onState={setState} />
      {window && <PickupWindowView locationId={window.locationId} window={window.window} pickupOpenDays={window.pickupOpenDays} />}
      <Timeline history={history} asOf={asOf} onShowMoment={setAsOf} />
    </>
  );
}

export function HoldScreen({ holdId }: { holdId: string }) {
  const { api, text } = useConsole();
  const history = useLoad(async () => (await api.get<{ items: HistoryEntry[] }>(`/staff/holds/${encodeURIComponent(holdId)}/history`)).items, [api, holdId]);
  const title = history.data?.find((entry) => entry.type === 'HoldPlaced')?.data.titleId;
  const heading = title ? text.screenAt(text.hold.heading, String(title)) : text.hold.heading;
  return (
    <>
      <ScreenHeading documentTitle={`${heading} — ${text.appName}`}>{heading}</ScreenHeading>
      <p class="hint">{holdId}</p>
      {history.data ? <HoldDetails key={holdId} holdId={holdId} history={history.data} /> : <Loading loaded={history} text={text} />}
    </>
  );
}
