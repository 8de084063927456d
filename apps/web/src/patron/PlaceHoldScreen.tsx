import { useState } from 'preact/hooks';
import { ProblemAlert, ScreenHeading, StatusMessage, TextField, useCommand } from '../shared/ui';
import { addFavourite } from './favourites/favourites-store';
import { HoldOptionsFields, type HoldOptions } from './HoldOptionsFields';
import { usePatron } from './patron-context';
import { lastPickup, rememberPickup } from './pickup-locations';

/** One hold on a title by its id, with the pickup location and contact method (R13, R14). */
export function PlaceHoldScreen() {
  const { api, text, profile, changed } = usePatron();
  const [titleId, setTitleId] = useState('');
  const [options, setOptions] = useState<HoldOptions>({ pickupLocationId: lastPickup(), contactMethod: 'email' });
  const [favourite, setFavourite] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const command = useCommand();
  const t = text.place;
  const submit = (event: Event) => {
    event.preventDefault();
    setDone(null);
    void command.run(async () => {
      const { body, position } = await api.send<{ queuePosition: number }>('POST', '/me/holds', { titleId: titleId.trim(), ...options });
      rememberPickup(options.pickupLocationId);
      if (favourite && profile.data) addFavourite(profile.data.cardNumber, { titleId, note: '' });
      setDone(t.placed(body.queuePosition));
      setTitleId('');
      changed(position);
    });
  };
  return (
    <>
      <ScreenHeading documentTitle={`${t.heading} — ${text.appName}`}>{t.heading}</ScreenHeading>
      <form onSubmit={submit}>
        <TextField id="place-title" label={t.titleId} hint={t.titleHint} required autocomplete="off" value={titleId} onValue={setTitleId} />
        <HoldOptionsFields idPrefix="place" value={options} onChange={setOptions} />
        <div>
          <input id="place-favourite" type="checkbox" checked={favourite} onChange={(event) => setFavourite(event.currentTarget.checked)} />{' '}
          <label for="place-favourite">{t.addFavourite}</label>
        </div>
        <ProblemAlert problem={command.problem} text={text} />
        <div>
          <button type="submit" disabled={command.busy}>
            {t.submit}
          </button>
        </div>
      </form>
      <StatusMessage message={done} />
      <p class="note">{t.volumeHint}</p>
    </>
  );
}
