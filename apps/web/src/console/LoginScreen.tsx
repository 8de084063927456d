import { useState } from 'preact/hooks';
import { useMessages } from '../shared/language';
import type { Session } from '../shared/session';
import { ProblemAlert, ScreenHeading, TextField, useCommand } from '../shared/ui';
import { consoleMessages } from './messages';

export function LoginScreen({ session }: { session: Session }) {
  const text = useMessages(consoleMessages);
  const [staffId, setStaffId] = useState('');
  const [password, setPassword] = useState('');
  const command = useCommand();
  const submit = (event: Event) => {
    event.preventDefault();
    void command.run(async () => {
      const { body } = await session.api.send<{ accessToken: string }>('POST', '/staff/auth/login', { staffId, password });
      session.signIn(body.accessToken);
    });
  };
  return (
    <main id="main">
      <ScreenHeading documentTitle={`${text.login.heading} — ${text.appName}`}>{text.login.heading}</ScreenHeading>
      {session.expired && <p class="note">{text.sessionExpired}</p>}
      <form onSubmit={submit}>
        <TextField id="staff-id" label={text.login.staffId} name="staffId" autocomplete="username" required value={staffId} onValue={setStaffId} />
        <TextField
          id="staff-password"
          label={text.login.password}
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
            {text.login.submit}
          </button>
        </div>
      </form>
    </main>
  );
}
