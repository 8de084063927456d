import { useState } from 'preact/hooks';
import { navigate } from '../../shared/router';
import { ScreenHeading, TextField } from '../../shared/ui';
import { useConsole } from '../console-context';
import { PatronRecordView } from './PatronRecordView';

/** Patron lookup at the counter by card number (GET /staff/patrons/:card). */
export function PatronScreen({ cardNumber }: { cardNumber: string | null }) {
  const { text } = useConsole();
  const [card, setCard] = useState(cardNumber ?? '');
  const heading = cardNumber ? text.screenAt(text.patrons.heading, cardNumber) : text.patrons.heading;
  const submit = (event: Event) => {
    event.preventDefault();
    navigate(`/console/patrons/${encodeURIComponent(card.trim())}`);
  };
  return (
    <>
      <ScreenHeading documentTitle={`${heading} — ${text.appName}`}>{heading}</ScreenHeading>
      <form class="inline" role="search" onSubmit={submit}>
        <TextField id="lookup-card" label={text.patrons.lookup} required inputMode="numeric" autocomplete="off" value={card} onValue={setCard} />
        <button type="submit">{text.patrons.search}</button>
      </form>
      {cardNumber && <PatronRecordView key={cardNumber} cardNumber={cardNumber} />}
    </>
  );
}
