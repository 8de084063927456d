import { useEffect, useRef, useState } from 'preact/hooks';
import { formatDay, formatInstant } from '../shared/dates';
import type { PatronHold, PatronLoan, PatronReadyHold } from '../shared/patron-lists';
import { Loading, ProblemAlert, ScreenHeading, StatusMessage, useCommand, useLoad } from '../shared/ui';
import { usePatron } from './patron-context';

interface PatronLists {
  loans: PatronLoan[];
  holds: PatronHold[];
  ready: PatronReadyHold[];
}

/** Online cancel for a hold that is not ready yet (R19), with a confirmation step in place of the button. */
function CancelButton({ hold, onCancelled }: { hold: PatronHold; onCancelled(message: string, position: string | null): void }) {
  const { api, text } = usePatron();
  const [confirming, setConfirming] = useState(false);
  const command = useCommand();
  const yes = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) yes.current?.focus();
  }, [confirming]);
  const t = text.lists;
  if (!confirming)
    return (
      <button type="button" class="secondary" aria-label={t.cancelFor(hold.titleName)} onClick={() => setConfirming(true)}>
        {t.cancel}
      </button>
    );
  const cancel = () =>
    command.run(async () => {
      const { position } = await api.send('DELETE', `/me/holds/${encodeURIComponent(hold.holdId)}`);
      onCancelled(t.cancelled(hold.titleName), position);
    });
  return (
    <div role="group" aria-label={t.confirmCancel(hold.titleName)}>
      <p>{t.confirmCancel(hold.titleName)}</p>
      <ProblemAlert problem={command.problem} text={text} />
      <div class="actions">
        <button type="button" class="danger" ref={yes} disabled={command.busy} onClick={() => void cancel()}>
          {t.confirmYes}
        </button>
        <button type="button" class="secondary" onClick={() => setConfirming(false)}>
          {t.confirmNo}
        </button>
      </div>
    </div>
  );
}

/** The patron's three lists: ready for pickup first (they have a deadline), then holds, then loans (R21-R23). */
export function ListsScreen() {
  const { api, text, lang, afterQuery, changed } = usePatron();
  const lists = useLoad(async (): Promise<PatronLists> => {
    const [loans, holds, ready] = await Promise.all([
      api.get<{ items: PatronLoan[] }>(`/me/loans${afterQuery}`),
      api.get<{ items: PatronHold[] }>(`/me/holds${afterQuery}`),
      api.get<{ items: PatronReadyHold[] }>(`/me/holds/ready${afterQuery}`),
    ]);
    return { loans: loans.items, holds: holds.items, ready: ready.items };
  }, [api, afterQuery]);
  const [done, setDone] = useState<string | null>(null);
  const t = text.lists;
  const onCancelled = (message: string, position: string | null) => {
    setDone(message);
    changed(position);
  };
  return (
    <>
      <ScreenHeading documentTitle={`${t.heading} — ${text.appName}`}>{t.heading}</ScreenHeading>
      <StatusMessage message={done} />
      {!lists.data ? (
        <Loading loaded={lists} text={text} />
      ) : (
        <>
          <section aria-labelledby="ready-heading">
            <h2 id="ready-heading">{t.ready}</h2>
            {lists.data.ready.length === 0 ? (
              <p>{t.noReady}</p>
            ) : (
              <>
                <ul class="cards">
                  {lists.data.ready.map((hold) => (
                    <li key={hold.holdId} data-hold-id={hold.holdId}>
                      <h3>{hold.titleName}</h3>
                      <dl class="facts">
                        <dt>{t.pickupAt}</dt>
                        <dd>{hold.pickupLocationName}</dd>
                        <dt>{t.lastPickupDay}</dt>
                        <dd>{formatDay(hold.lastPickupDay, lang)}</dd>
                      </dl>
                    </li>
                  ))}
                </ul>
                <p class="note">{t.readyNote}</p>
              </>
            )}
          </section>
          <section aria-labelledby="holds-heading">
            <h2 id="holds-heading">{t.holds}</h2>
            {lists.data.holds.length === 0 ? (
              <p>{t.noHolds}</p>
            ) : (
              <ul class="cards">
                {lists.data.holds.map((hold) => (
                  <li key={hold.holdId} data-hold-id={hold.holdId}>
                    <h3>{hold.titleName}</h3>
                    <dl class="facts">
                      <dt>{t.status}</dt>
                      <dd>{text.holdStatus[hold.status]}</dd>
                      <dt>{t.queueLabel}</dt>
                      <dd>{t.queue(hold.queuePosition, hold.queueLength)}</dd>
                      <dt>{t.pickup}</dt>
                      <dd>{hold.pickupLocationId}</dd>
                      <dt>{t.contact}</dt>
                      <dd>{text.contactMethod[hold.contactMethod]}</dd>
                      <dt>{t.placedAt}</dt>
                      <dd>{formatInstant(hold.placedAt, lang)}</dd>
                    </dl>
                    <CancelButton hold={hold} onCancelled={onCancelled} />
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="loans-heading">
            <h2 id="loans-heading">{t.loans}</h2>
            {lists.data.loans.length === 0 ? (
              <p>{t.noLoans}</p>
            ) : (
              <ul class="cards">
                {lists.data.loans.map((loan) => (
                  <li key={loan.copyId}>
                    <h3>{loan.titleName}</h3>
                    <dl class="facts">
                      <dt>{t.dueOn}</dt>
                      <dd>
                        {formatDay(loan.dueOn, lang)} {loan.overdue && <span class="badge refused">{t.overdue}</span>}
                      </dd>
                    </dl>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </>
  );
}
