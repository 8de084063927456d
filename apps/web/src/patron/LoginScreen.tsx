import { useState } from 'preact/hooks';
import { useMessages } from '../shared/language';
import type { Session } from '../shared/session';
import { ProblemAlert, ScreenHeading, TextField, useCommand } from '../shared/ui';
import { patronMessages } from './messages';

/** Card number and the password issued at the counter (R1). */
export function LoginScreen({ session }: { session: Session }) {
  const text = useMessages(patronMessages);
  const [cardNumber, setCardNumber] = useState('');
  const [password, setPassword] = useState('');
  const command = useCommand();
  const t = text.login;
  const submit = (event: Event) => {
    event.preventDefault();
    void command.run(async () => {
      const { body } = await session.api.send<{ accessToken: string }>('POST', '/auth/login', { cardNumber: cardNumber.trim(), password });
      session.signIn(body.accessToken);
    });
  };
  return (
    <main id="main">
      <ScreenHeading documentTitle={`${t.heading} — ${text.appName}`}>{t.heading}</ScreenHeading>
      {session.expired && <p class="note">{text.sessionExpired}</p>}
      <form onSubmit={submit}>
        <TextField
          id="card-number"
          label={t.cardNumber}
          hint={t.cardHint}
          name="cardNumber"
          inputMode="numeric"
          autocomplete="username"
          required
          value={cardNumber}
          onValue={setCardNumber}
        />
        <TextField
          id="password"
          label={t.password}
          hint={t.passwordHint}
          name="password"
          type="password"
          autocomplete="current-password"
          required
          value={password}
          onValue={setPassword}
        />
        <ProblemAlert problem={command.problem} text={text} />
        <div>
          <button type="submit" disabled={command.busy}>
            {t.submit}
          </button>
        </div>
      </form>
    </main>
  );
}
