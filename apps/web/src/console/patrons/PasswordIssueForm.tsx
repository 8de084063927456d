import { useState } from 'preact/hooks';
import { ProblemAlert, useCommand } from '../../shared/ui';
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
        <div class="field">
          <label for="issue-password">{t.newPassword}</label>
          <input id="issue-password" type="password" autocomplete="new-password" required aria-describedby="issue-password-hint" value={password} onInput={(event) => setPassword(event.currentTarget.value)} />
          <span id="issue-password-hint" class="hint">
            {t.passwordHint}
          </span>
        </div>
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
