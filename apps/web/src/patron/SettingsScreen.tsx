import { useState } from 'preact/hooks';
import { formatDay } from '../shared/dates';
import { ProblemAlert, ScreenHeading, StatusMessage, TextField, useCommand } from '../shared/ui';
import { usePatron } from './patron-context';

/** One e-mail address per patron, registered or changed online; a confirmation mail follows (R25). */
function EmailForm() {
  const { api, text, profile, changed } = usePatron();
  const [email, setEmail] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const command = useCommand();
  const t = text.settings;
  const submit = (event: Event) => {
    event.preventDefault();
    setDone(null);
    void command.run(async () => {
      const { position } = await api.send('PUT', '/me/email', { email: email.trim() });
      setEmail('');
      setDone(t.emailSaved);
      changed(position);
    });
  };
  return (
    <section aria-labelledby="email-heading">
      <h2 id="email-heading">{t.email}</h2>
      <p>{t.currentEmail(profile.data?.email ?? null)}</p>
      <form onSubmit={submit}>
        <TextField id="new-email" label={t.newEmail} type="email" autocomplete="email" required value={email} onValue={setEmail} />
        <ProblemAlert problem={command.problem} text={text} />
        <div>
          <button type="submit" disabled={command.busy}>
            {t.emailSubmit}
          </button>
        </div>
      </form>
      <StatusMessage message={done} />
    </section>
  );
}

/** Password change online, proving the current one (R28). */
function PasswordForm() {
  const { api, text } = usePatron();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const command = useCommand();
  const t = text.settings;
  const submit = (event: Event) => {
    event.preventDefault();
    setDone(null);
    setMismatch(next !== again);
    if (next !== again) return;
    void command.run(async () => {
      await api.send('PUT', '/me/password', { currentPassword: current, newPassword: next });
      setCurrent('');
      setNext('');
      setAgain('');
      setDone(t.passwordSaved);
    });
  };
  return (
    <section aria-labelledby="password-heading">
      <h2 id="password-heading">{t.password}</h2>
      <form onSubmit={submit}>
        <TextField
          id="current-password"
          label={t.currentPassword}
          type="password"
          autocomplete="current-password"
          required
          value={current}
          onValue={setCurrent}
        />
        <TextField id="new-password" label={t.newPassword} type="password" autocomplete="new-password" required value={next} onValue={setNext} />
        <TextField
          id="new-password-again"
          label={t.confirmPassword}
          type="password"
          autocomplete="new-password"
          required
          aria-invalid={mismatch}
          value={again}
          onValue={setAgain}
        />
        {mismatch && (
          <p class="problem" role="alert">
            {t.passwordMismatch}
          </p>
        )}
        <ProblemAlert problem={command.problem} text={text} />
        <div>
          <button type="submit" disabled={command.busy}>
            {t.passwordSubmit}
          </button>
        </div>
      </form>
      <StatusMessage message={done} />
    </section>
  );
}

export function SettingsScreen() {
  const { text, lang, profile } = usePatron();
  const t = text.settings;
  return (
    <>
      <ScreenHeading documentTitle={`${t.heading} — ${text.appName}`}>{t.heading}</ScreenHeading>
      {profile.data && <p>{t.card(formatDay(profile.data.cardExpiresOn, lang))}</p>}
      <EmailForm />
      <PasswordForm />
    </>
  );
}
