import { useState } from 'preact/hooks';
import { formatDay } from '../../shared/dates';
import { ProblemAlert, TextField, useCommand } from '../../shared/ui';
import { useConsole } from '../console-context';

/** Card renewal at the counter: an expired card blocks all online service until then (R4). */
export function CardRenewalForm({ cardNumber, onRenewed }: { cardNumber: string; onRenewed(message: string): Promise<void> }) {
  const { api, text, lang } = useConsole();
  const [expiresOn, setExpiresOn] = useState('');
  const command = useCommand();
  const t = text.patrons;
  const submit = (event: Event) => {
    event.preventDefault();
    void command.run(async () => {
      await api.send('POST', `/staff/patrons/${encodeURIComponent(cardNumber)}/renewal`, { cardExpiresOn: expiresOn });
      await onRenewed(t.renewed(formatDay(expiresOn, lang)));
    });
  };
  return (
    <section aria-labelledby="renewal-heading">
      <h2 id="renewal-heading">{t.renew}</h2>
      <form onSubmit={submit}>
        <TextField id="renewal-date" label={t.newExpiry} type="date" required value={expiresOn} onValue={setExpiresOn} />
        <ProblemAlert problem={command.problem} text={text} />
        <div>
          <button type="submit" disabled={command.busy}>
            {t.renewSubmit}
          </button>
        </div>
      </form>
    </section>
  );
}
