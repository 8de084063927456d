import { useState } from 'preact/hooks';
import { CONTACT_METHODS, type ContactMethod } from '../../shared/common-messages';
import { ProblemAlert, TextField, useCommand } from '../../shared/ui';
import { useConsole } from '../console-context';

/** A hold placed at the counter for the patron; it counts toward the patron's limit (R7). */
export function CounterHoldForm({ cardNumber, onPlaced }: { cardNumber: string; onPlaced(message: string): Promise<void> }) {
  const { api, text, locations, locationId } = useConsole();
  const [titleId, setTitleId] = useState('');
  const [pickup, setPickup] = useState(locationId ?? '');
  const [contact, setContact] = useState<ContactMethod>('phone');
  const command = useCommand();
  const t = text.patrons;
  const submit = (event: Event) => {
    event.preventDefault();
    void command.run(async () => {
      const { body } = await api.send<{ queuePosition: number }>('POST', '/staff/holds', {
        cardNumber,
        titleId: titleId.trim(),
        pickupLocationId: pickup,
        contactMethod: contact,
      });
      setTitleId('');
      await onPlaced(t.placed(body.queuePosition));
    });
  };
  return (
    <section aria-labelledby="counter-hold-heading">
      <h2 id="counter-hold-heading">{t.counterHold}</h2>
      <form onSubmit={submit}>
        <TextField id="counter-title" label={t.titleId} required autocomplete="off" value={titleId} onValue={setTitleId} />
        <div class="field">
          <label for="counter-pickup">{t.pickup}</label>
          <select id="counter-pickup" required value={pickup} onChange={(event) => setPickup(event.currentTarget.value)}>
            {!pickup && <option value="">{text.chooseLocation}</option>}
            {(locations.data ?? []).map((location) => (
              <option key={location.locationId} value={location.locationId}>
                {location.name}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="counter-contact">{t.contact}</label>
          <select id="counter-contact" value={contact} onChange={(event) => setContact(event.currentTarget.value as ContactMethod)}>
            {CONTACT_METHODS.map((method) => (
              <option key={method} value={method}>
                {text.contactMethod[method]}
              </option>
            ))}
          </select>
        </div>
        <ProblemAlert problem={command.problem} text={text} />
        <div>
          <button type="submit" disabled={command.busy}>
            {t.place}
          </button>
        </div>
      </form>
    </section>
  );
}
