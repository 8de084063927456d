import { useEffect, useRef } from 'preact/hooks';
import { problemText } from '../../shared/problem-text';
import { usePatron } from '../patron-context';
import type { BatchResult } from './batch-results';
import type { Favourite } from './favourites-store';

interface BatchResultsProps {
  results: BatchResult[];
  favourites: Favourite[];
  onRemove(titleId: string): void;
}

/** Each title's outcome; refused ones in red with the reason, and a way to drop them from the list (R15). */
export function BatchResults({ results, favourites, onRemove }: BatchResultsProps) {
  const { text } = usePatron();
  const t = text.favourites;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const refused = results.filter((result) => !result.placed).length;
  const label = (titleId: string) => {
    const note = favourites.find((item) => item.titleId === titleId)?.note;
    return note ? `${note} (${titleId})` : titleId;
  };
  return (
    <section aria-labelledby="batch-results-heading">
      <h2 id="batch-results-heading" ref={heading} tabIndex={-1}>
        {t.resultsHeading}
      </h2>
      <p role="status">{t.summary(results.length - refused, refused)}</p>
      {refused > 0 && <p class="note">{t.refusedNote}</p>}
      <ul class="cards">
        {results.map((result) => (
          <li key={result.titleId} class={result.placed ? undefined : 'refused'} data-title-id={result.titleId}>
            <h3>{label(result.titleId)}</h3>
            {result.placed ? (
              <p class="placed">
                <span class="badge">{t.placed}</span> {t.queue(result.queuePosition)}
              </p>
            ) : (
              <>
                <p class="refused">
                  <span class="badge">{t.refused}</span>{' '}
                  {problemText(
                    {
                      type: result.problem.type,
                      title: result.problem.detail,
                      status: 0,
                      detail: result.problem.detail,
                      rule: result.problem.rule ?? undefined,
                    },
                    text,
                  )}
                </p>
                {favourites.some((item) => item.titleId === result.titleId) && (
                  <button type="button" class="secondary" aria-label={t.removeFor(label(result.titleId))} onClick={() => onRemove(result.titleId)}>
                    {t.remove}
                  </button>
                )}
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
