import { useState } from 'preact/hooks';
import { ProblemAlert, TextField, useCommand } from '../../shared/ui';
import { useConsole } from '../console-context';

/** The password for online service is issued at the counter after an identity check (R1, R27). */
export function PasswordIssueForm({ cardNumber, onIssued }: { cardNumber: string; onIssued(message: string): Promise<void> }) {
  const { api, text } = useConsole();
  const [password, setPassword] = useState('');
  const command = useCommand();
  const t = text.patrons;
  const submit = (event: Event) => {
    event.preventDefault();
    void command.run(async () => {
      await api.send('POST', `/staff/patrons/${encodeURIComponent(cardNumber)}/password`, { password });
      setPassword('');
      await onIssued(t.passwordIssued);
    });
  };
  return (
    <section aria-labelledby="password-heading">
      <h2 id="password-heading">{t.password}</h2>
      <form onSubmit={submit}>
        <TextField
          id="issue-password"
          label={t.newPassword}
          hint={t.passwordHint}
          type="password"
          autocomplete="new-password"
          required
          value={password}
          onValue={setPassword}
        />
        <ProblemAlert problem={command.problem} text={text} />
        <div>
          <button type="submit" disabled={command.busy}>
            {t.passwordSubmit}
          </button>
        </div>
      </form>
    </section>
  );
}
