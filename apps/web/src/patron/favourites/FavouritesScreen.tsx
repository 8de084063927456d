import { useEffect, useRef, useState } from 'preact/hooks';
import { ProblemAlert, ScreenHeading, TextField, useCommand } from '../../shared/ui';
import { HoldOptionsFields, type HoldOptions } from '../HoldOptionsFields';
import { usePatron } from '../patron-context';
import { lastPickup, rememberPickup } from '../pickup-locations';
import type { BatchResult } from './batch-results';
import { BatchResults } from './BatchResults';
import { useFavourites, type Favourite } from './favourites-store';

type Step = { name: 'choose' } | { name: 'confirm' } | { name: 'results'; results: BatchResult[] };

const labelOf = (favourite: Favourite) => (favourite.note ? `${favourite.note} (${favourite.titleId})` : favourite.titleId);

function AddFavouriteForm({ onAdd }: { onAdd(favourite: Favourite): void }) {
  const { text } = usePatron();
  const [titleId, setTitleId] = useState('');
  const [note, setNote] = useState('');
  const t = text.favourites;
  const submit = (event: Event) => {
    event.preventDefault();
    onAdd({ titleId, note });
    setTitleId('');
    setNote('');
  };
  return (
    <form class="inline" onSubmit={submit} aria-label={t.add}>
      <TextField id="favourite-title" label={t.titleId} required autocomplete="off" value={titleId} onValue={setTitleId} />
      <TextField id="favourite-note" label={t.note} autocomplete="off" value={note} onValue={setNote} />
      <button type="submit">{t.add}</button>
    </form>
  );
}

/** Favourites in this browser and the batch hold: choose, confirm, then each title's outcome (R15). */
export function FavouritesScreen({ cardNumber }: { cardNumber: string }) {
  const { api, text, changed } = usePatron();
  const store = useFavourites(cardNumber);
  const [selected, setSelected] = useState<string[]>([]);
  const [options, setOptions] = useState<HoldOptions>({ pickupLocationId: lastPickup(), contactMethod: 'email' });
  const [step, setStep] = useState<Step>({ name: 'choose' });
  const [needSelection, setNeedSelection] = useState(false);
  const command = useCommand();
  const stepHeading = useRef<HTMLHeadingElement>(null);
  const t = text.favourites;
  const firstStep = useRef(true);
  // Moving between steps puts the focus on the new step's heading; opening the screen leaves it on the h1.
  useEffect(() => {
    if (firstStep.current) firstStep.current = false;
    else stepHeading.current?.focus();
  }, [step.name]);

  const chosen = store.favourites.filter((favourite) => selected.includes(favourite.titleId));
  const toggle = (titleId: string, on: boolean) => setSelected(on ? [...selected, titleId] : selected.filter((id) => id !== titleId));
  const review = (event: Event) => {
    event.preventDefault();
    setNeedSelection(chosen.length === 0);
    if (chosen.length > 0) setStep({ name: 'confirm' });
  };
  const confirm = () =>
    command.run(async () => {
      const { body, position } = await api.send<{ results: BatchResult[] }>('POST', '/me/holds/batch', {
        titleIds: chosen.map((item) => item.titleId),
        ...options,
      });
      rememberPickup(options.pickupLocationId);
      setSelected([]);
      setStep({ name: 'results', results: body.results });
      changed(position);
    });

  return (
    <>
      <ScreenHeading documentTitle={`${t.heading} — ${text.appName}`}>{t.heading}</ScreenHeading>
      <p>{t.intro}</p>
      <AddFavouriteForm onAdd={store.add} />

      {step.name === 'confirm' ? (
        <section aria-labelledby="confirm-heading">
          <h2 id="confirm-heading" ref={stepHeading} tabIndex={-1}>
            {t.confirmHeading}
          </h2>
          <p>{t.confirmIntro(chosen.length)}</p>
          <ul>
            {chosen.map((favourite) => (
              <li key={favourite.titleId}>{labelOf(favourite)}</li>
            ))}
          </ul>
          <dl class="facts">
            <dt>{t.pickup}</dt>
            <dd>{options.pickupLocationId}</dd>
            <dt>{t.contact}</dt>
            <dd>{text.contactMethod[options.contactMethod]}</dd>
          </dl>
          <ProblemAlert problem={command.problem} text={text} />
          <div class="actions">
            <button type="button" disabled={command.busy} onClick={() => void confirm()}>
              {t.confirm}
            </button>
            <button type="button" class="secondary" onClick={() => setStep({ name: 'choose' })}>
              {t.back}
            </button>
          </div>
        </section>
      ) : (
        <section aria-labelledby="batch-heading">
          <h2 id="batch-heading" ref={step.name === 'choose' ? stepHeading : undefined} tabIndex={-1}>
            {t.batchHeading}
          </h2>
          {store.favourites.length === 0 ? (
            <p>{t.empty}</p>
          ) : (
            <form onSubmit={review}>
              <fieldset>
                <legend>{t.heading}</legend>
                <ul class="cards">
                  {store.favourites.map((favourite) => (
                    <li key={favourite.titleId}>
                      <input
                        id={`pick-${favourite.titleId}`}
                        type="checkbox"
                        checked={selected.includes(favourite.titleId)}
                        onChange={(event) => toggle(favourite.titleId, event.currentTarget.checked)}
                      />{' '}
                      <label for={`pick-${favourite.titleId}`}>{labelOf(favourite)}</label>{' '}
                      <button type="button" class="link-button" aria-label={t.removeFor(labelOf(favourite))} onClick={() => store.remove(favourite.titleId)}>
                        {t.remove}
                      </button>
                    </li>
                  ))}
                </ul>
              </fieldset>
              <HoldOptionsFields idPrefix="batch" value={options} onChange={setOptions} />
              {needSelection && (
                <p class="problem" role="alert">
                  {t.chooseSome}
                </p>
              )}
              <div>
                <button type="submit">{t.review}</button>
              </div>
            </form>
          )}
        </section>
      )}
      {step.name === 'results' && <BatchResults results={step.results} favourites={store.favourites} onRemove={store.remove} />}
    </>
  );
}
