import { useRef, useState } from 'preact/hooks';
import { formatDay } from '../shared/dates';
import { Link } from '../shared/router';
import { ProblemAlert, StatusMessage, TextField, useCommand } from '../shared/ui';
import type { CheckinAnswer, CheckoutAnswer } from './api-types';
import { useConsole } from './console-context';
import { ListHeading } from './lists/ListHeading';
import { NeedLocation } from './lists/NeedLocation';

/** What the desk must do with a copy that was just checked in, said loudly (a scan is done without looking). */
function CheckinOutcome({ answer }: { answer: CheckinAnswer }) {
  const { text, lang, locationName } = useConsole();
  const { outcome } = answer;
  const notOnLoan = answer.returned ? null : <span class="hint"> {text.desk.notOnLoan}</span>;
  switch (outcome.action) {
    case 'hold-shelf':
      return (
        <div class="outcome" role="alert">
          <p>
            {answer.copyId}: {text.desk.holdShelf(outcome.cardNumber)}
          </p>
          <p>
            {text.desk.holdShelfDetail(formatDay(outcome.lastPickupDay, lang))} — <Link href={`/console/holds/${outcome.holdId}`}>{text.holdDetails}</Link>
            {notOnLoan}
          </p>
        </div>
      );
    case 'transit':
      return (
        <div class="outcome" role="alert">
          <p>
            {answer.copyId}: {text.desk.transit(locationName(outcome.toLocationId))}
          </p>
          <p>
            {text.desk.transitDetail(outcome.cardNumber)} — <Link href={`/console/holds/${outcome.holdId}`}>{text.holdDetails}</Link>
            {notOnLoan}
          </p>
        </div>
      );
    case 'shelve':
      return (
        <div class="outcome to-shelf" role="alert">
          <p>
            {answer.copyId}: {text.desk.shelve}
            {notOnLoan}
          </p>
        </div>
      );
    default: {
      const _exhaustive: never = outcome;
      return _exhaustive;
    }
  }
}

function CheckinForm({ locationId }: { locationId: string }) {
  const { api, text } = useConsole();
  const [copyId, setCopyId] = useState('');
  const [answer, setAnswer] = useState<CheckinAnswer | null>(null);
  const command = useCommand();
  const input = useRef<HTMLInputElement>(null);
  const submit = (event: Event) => {
    event.preventDefault();
    setAnswer(null);
    void command.run(async () => {
      const { body } = await api.send<CheckinAnswer>('POST', '/staff/checkins', { copyId: copyId.trim(), locationId });
      setAnswer(body);
      setCopyId('');
    });
    input.current?.focus();
  };
  return (
    <section aria-labelledby="checkin-heading">
      <h2 id="checkin-heading">{text.desk.checkin}</h2>
      <form class="inline" onSubmit={submit}>
        <div class="field">
          <label for="checkin-copy">{text.desk.copyId}</label>
          <input id="checkin-copy" ref={input} required autocomplete="off" value={copyId} onInput={(event) => setCopyId(event.currentTarget.value)} />
        </div>
        <button type="submit" disabled={command.busy}>
          {text.desk.checkinSubmit}
        </button>
      </form>
      <ProblemAlert problem={command.problem} text={text} />
      {answer && <CheckinOutcome answer={answer} />}
    </section>
  );
}

function CheckoutForm() {
  const { api, text, lang } = useConsole();
  const [cardNumber, setCardNumber] = useState('');
  const [copyId, setCopyId] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const command = useCommand();
  const submit = (event: Event) => {
    event.preventDefault();
    setDone(null);
    void command.run(async () => {
      const { body } = await api.send<CheckoutAnswer>('POST', '/staff/checkouts', { copyId: copyId.trim(), cardNumber: cardNumber.trim() });
      const lent = text.desk.checkedOut(body.copyId, body.cardNumber, formatDay(body.dueOn, lang));
      setDone(body.fulfilledHoldId ? `${lent} ${text.desk.fulfilled}` : lent);
      setCopyId('');
    });
  };
  return (
    <section aria-labelledby="checkout-heading">
      <h2 id="checkout-heading">{text.desk.checkout}</h2>
      <form class="inline" onSubmit={submit}>
        <TextField id="checkout-card" label={text.desk.cardNumber} required autocomplete="off" inputMode="numeric" value={cardNumber} onValue={setCardNumber} />
        <TextField id="checkout-copy" label={text.desk.copyId} required autocomplete="off" value={copyId} onValue={setCopyId} />
        <button type="submit" disabled={command.busy}>
          {text.desk.checkoutSubmit}
        </button>
      </form>
      <ProblemAlert problem={command.problem} text={text} />
      <StatusMessage message={done} />
    </section>
  );
}

export function DeskScreen() {
  const { text } = useConsole();
  return (
    <>
      <ListHeading heading={text.desk.heading} />
      <NeedLocation>{(id) => <CheckinForm key={id} locationId={id} />}</NeedLocation>
      <CheckoutForm />
    </>
  );
}
