import { useState } from 'preact/hooks';
import { daysBetween, formatDay, libraryToday } from '../../shared/dates';
import { Link } from '../../shared/router';
import { Loading, StatusMessage, useLoad } from '../../shared/ui';
import type { PatronRecord } from '../api-types';
import { useConsole } from '../console-context';
import { CancelHoldControl } from './CancelHoldControl';
import { CardRenewalForm } from './CardRenewalForm';
import { CounterHoldForm } from './CounterHoldForm';
import { PasswordIssueForm } from './PasswordIssueForm';

/** One patron at the counter: who they are, their three lists, and what staff can do for them. */
export function PatronRecordView({ cardNumber }: { cardNumber: string }) {
  const { api, text, lang, locationName } = useConsole();
  const record = useLoad(() => api.get<PatronRecord>(`/staff/patrons/${encodeURIComponent(cardNumber)}`), [api, cardNumber]);
  const [done, setDone] = useState<string | null>(null);
  const t = text.patrons;
  const c = text.columns;
  // The lists are read again before the message, so what it says is already on the screen.
  const after = async (message: string) => {
    await record.reload();
    setDone(message);
  };
  const patron = record.data;
  if (!patron) return <Loading loaded={record} text={text} />;
  const expired = daysBetween(libraryToday(), patron.cardExpiresOn) < 0;
  return (
    <>
      <StatusMessage message={done} />
      <section aria-labelledby="patron-heading">
        <h2 id="patron-heading">{patron.name}</h2>
        <dl class="facts">
          <dt>{t.facts.card}</dt>
          <dd>{patron.cardNumber}</dd>
          <dt>{t.facts.birthDate}</dt>
          <dd>{formatDay(patron.birthDate, lang)}</dd>
          <dt>{t.facts.expires}</dt>
          <dd>
            {formatDay(patron.cardExpiresOn, lang)} {expired && <span class="badge refused">{t.expired}</span>}
          </dd>
          <dt>{t.facts.wideArea}</dt>
          <dd>{patron.wideArea ? text.yes : text.no}</dd>
          <dt>{t.facts.email}</dt>
          <dd>{patron.email ?? text.none}</dd>
          <dt>{t.facts.password}</dt>
          <dd>{patron.passwordIssued ? t.issued : t.notIssued}</dd>
          <dt>{t.facts.activeHolds}</dt>
          <dd>{patron.activeHolds}</dd>
        </dl>
      </section>

      <section aria-labelledby="ready-heading">
        <h2 id="ready-heading">{t.ready}</h2>
        {patron.readyHolds.length === 0 ? (
          <p>{t.noItems}</p>
        ) : (
          <ul class="cards">
            {patron.readyHolds.map((hold) => (
              <li key={hold.holdId}>
                <Link href={`/console/holds/${hold.holdId}`}>{hold.titleName}</Link>
                <dl class="facts">
                  <dt>{c.pickup}</dt>
                  <dd>{hold.pickupLocationName}</dd>
                  <dt>{c.lastPickupDay}</dt>
                  <dd>{formatDay(hold.lastPickupDay, lang)}</dd>
                  <dt>{c.copy}</dt>
                  <dd>{hold.copyId}</dd>
                </dl>
                <CancelHoldControl holdId={hold.holdId} titleName={hold.titleName} onCancelled={after} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="holds-heading">
        <h2 id="holds-heading">{t.holds}</h2>
        {patron.holds.length === 0 ? (
          <p>{t.noItems}</p>
        ) : (
          <ul class="cards">
            {patron.holds.map((hold) => (
              <li key={hold.holdId}>
                <Link href={`/console/holds/${hold.holdId}`}>{hold.titleName}</Link>
                <dl class="facts">
                  <dt>{c.status}</dt>
                  <dd>{text.holdStatus[hold.status]}</dd>
                  <dt>{c.queue}</dt>
                  <dd>{t.queue(hold.queuePosition, hold.queueLength)}</dd>
                  <dt>{c.pickup}</dt>
                  <dd>{locationName(hold.pickupLocationId)}</dd>
                </dl>
                <CancelHoldControl holdId={hold.holdId} titleName={hold.titleName} onCancelled={after} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="loans-heading">
        <h2 id="loans-heading">{t.loans}</h2>
        {patron.loans.length === 0 ? (
          <p>{t.noItems}</p>
        ) : (
          <ul class="cards">
            {patron.loans.map((loan) => (
              <li key={loan.copyId}>
                {loan.titleName} ({loan.copyId}) — {c.dueOn} {formatDay(loan.dueOn, lang)} {loan.overdue && <span class="badge refused">{t.overdue}</span>}
              </li>
            ))}
          </ul>
        )}
      </section>

      <CounterHoldForm cardNumber={patron.cardNumber} onPlaced={after} />
      <CardRenewalForm cardNumber={patron.cardNumber} onRenewed={after} />
      <PasswordIssueForm cardNumber={patron.cardNumber} onIssued={after} />
    </>
  );
}
