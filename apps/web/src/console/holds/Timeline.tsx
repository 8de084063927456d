import { formatInstant } from '../../shared/dates';
import type { Actor, HistoryEntry } from '../api-types';
import { useConsole } from '../console-context';
import { eventDetails, eventReason } from './event-details';

/** occurredAt and recordedAt differ only when a command was decided with a moved clock (tests, replays). */
const SAME_MOMENT_MS = 60_000;

function ActorName({ actor }: { actor: Actor | null }) {
  const { text } = useConsole();
  if (!actor) return <>{text.none}</>;
  return <>{text.hold.actor[actor.kind](actor.id)}</>;
}

interface TimelineProps {
  history: HistoryEntry[];
  /** The slider's instant: later events are shown as not yet happened. */
  asOf: number;
  onShowMoment(occurredAt: number): void;
}

/** Every event of the hold from the event log, oldest first: what, when, who and why. */
export function Timeline({ history, asOf, onShowMoment }: TimelineProps) {
  const { text, lang, locationName } = useConsole();
  return (
    <section aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">{text.hold.timeline}</h2>
      <p id="timeline-caption">{text.hold.timelineCaption(history.length)}</p>
      <ol class="timeline" aria-describedby="timeline-caption">
        {history.map((entry) => {
          const recordedAt = Date.parse(entry.recordedAt);
          const occurredAt = Date.parse(entry.occurredAt);
          const later = occurredAt > asOf;
          const reason = eventReason(entry);
          const details = eventDetails(entry, text, lang, locationName);
          return (
            <li key={entry.eventId} class={later ? 'after-slider' : undefined} data-event-type={entry.type}>
              <h3>
                {text.hold.events[entry.type] ?? entry.type}
                {later && <span class="hint"> {text.hold.afterSlider}</span>}
              </h3>
              <dl class="facts">
                <dt>{text.hold.when}</dt>
                <dd>
                  {formatInstant(entry.occurredAt, lang)}
                  {Math.abs(recordedAt - occurredAt) > SAME_MOMENT_MS && (
                    <span class="hint">
                      {' '}
                      ({text.hold.recordedAt} {formatInstant(entry.recordedAt, lang)})
                    </span>
                  )}
                </dd>
                <dt>{text.hold.who}</dt>
                <dd>
                  <ActorName actor={entry.actor} />
                </dd>
                {reason && (
                  <>
                    <dt>{text.hold.why}</dt>
                    <dd>{reason}</dd>
                  </>
                )}
              </dl>
              {details.length > 0 && <p>{details.join(text.listSeparator)}</p>}
              <button
                type="button"
                class="secondary"
                aria-label={`${text.hold.showAsOf}: ${text.hold.events[entry.type] ?? entry.type}`}
                onClick={() => onShowMoment(occurredAt)}
              >
                {text.hold.showAsOf}
              </button>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
