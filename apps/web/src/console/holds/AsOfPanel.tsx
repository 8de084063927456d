import { useEffect, useState } from 'preact/hooks';
import { formatDay, formatInstant } from '../../shared/dates';
import { ProblemAlert, problemOf } from '../../shared/ui';
import type { Problem } from '../../shared/api-client';
import type { HoldAsOf } from '../api-types';
import { useConsole } from '../console-context';

/** Waits this long after the slider stops moving before asking the API, so dragging sends few requests. */
const SETTLE_MS = 200;

interface AsOfPanelProps {
  holdId: string;
  range: { min: number; max: number };
  asOf: number;
  onAsOf(instant: number): void;
  /** The hold at `asOf`, as the last answer said; the screen keeps it, as the pickup window is drawn from it too. */
  state: HoldAsOf | null;
  onState(state: HoldAsOf | null): void;
}

/** A time slider over the hold's life; below it, the hold as it stood at that instant (GET /staff/holds/:id?asOf=). */
export function AsOfPanel({ holdId, range, asOf, onAsOf, state, onState }: AsOfPanelProps) {
  const { api, text, lang, locationName } = useConsole();
  const [problem, setProblem] = useState<Problem | null>(null);
  useEffect(() => {
    const timer = setTimeout(async () => {
      try {
        const answer = await api.get<HoldAsOf>(`/staff/holds/${encodeURIComponent(holdId)}?asOf=${encodeURIComponent(new Date(asOf).toISOString())}`);
        setProblem(null);
        onState(answer);
      } catch (error) {
        setProblem(problemOf(error));
      }
    }, SETTLE_MS);
    return () => clearTimeout(timer);
  }, [api, holdId, asOf]);
  const facts = text.hold.facts;
  const when = formatInstant(asOf, lang);
  return (
    <section aria-labelledby="as-of-heading">
      <h2 id="as-of-heading">{text.hold.asOf}</h2>
      <div class="field">
        <label for="as-of">{text.hold.asOfState(when)}</label>
        <input
          id="as-of"
          type="range"
          min={Math.floor(range.min / 1000)}
          max={Math.ceil(range.max / 1000)}
          step={1}
          value={Math.floor(asOf / 1000)}
          aria-valuetext={when}
          aria-describedby="as-of-hint"
          onInput={(event) => onAsOf(Number(event.currentTarget.value) * 1000 + 999)}
        />
        <span id="as-of-hint" class="hint">
          {text.hold.asOfHint}
        </span>
      </div>
      <div class="actions">
        <button type="button" class="secondary" onClick={() => onAsOf(range.max)}>
          {text.hold.toNow}
        </button>
      </div>
      <ProblemAlert problem={problem} text={text} />
      <div aria-live="polite" id="as-of-state">
        {state && state.status === null && <p>{text.hold.notYet}</p>}
        {state && state.status !== null && (
          <dl class="facts">
            <dt>{facts.status}</dt>
            <dd data-testid="as-of-status">{text.holdStatus[state.status]}</dd>
            <dt>{facts.title}</dt>
            <dd>{state.titleId}</dd>
            <dt>{facts.card}</dt>
            <dd>{state.cardNumber}</dd>
            <dt>{facts.pickup}</dt>
            <dd>{state.pickupLocationId ? locationName(state.pickupLocationId) : text.none}</dd>
            <dt>{facts.copy}</dt>
            <dd>{state.copyId ?? text.none}</dd>
            <dt>{facts.queue}</dt>
            <dd>{state.queuePosition ?? text.none}</dd>
            <dt>{facts.noticeDay}</dt>
            <dd>{state.noticeDay ? formatDay(state.noticeDay, lang) : text.none}</dd>
            <dt>{facts.lastPickupDay}</dt>
            <dd>{state.lastPickupDay ? formatDay(state.lastPickupDay, lang) : text.none}</dd>
            <dt>{facts.events}</dt>
            <dd>{state.eventsApplied}</dd>
          </dl>
        )}
      </div>
    </section>
  );
}
