import type { Response } from 'supertest';
import type { MailKind } from '@libs/notifications';
import { SmtpTestServer, type ReceivedMail } from '../../libs/notifications/test/smtp-test-server';
import { WorkerReactors } from '../../apps/worker/src/reactors/worker-reactors';
import { startTestApp, type TestApp, type TestAppOptions } from '../support/test-app';
import { until } from '../support/until';

export const STATUS_PAGE = 'http://localhost/patron';

/** The real app sending through a real SMTP server in this process. */
export function startMailApp(server: SmtpTestServer, options: TestAppOptions = {}): Promise<TestApp> {
  return startTestApp({
    ...options,
    env: { MAIL_TRANSPORT: 'smtp', SMTP_HOST: '127.0.0.1', SMTP_PORT: String(server.port), STATUS_PAGE_BASE_URL: STATUS_PAGE, ...options.env },
  });
}

/** The global position a command answered with (X-Event-Position). */
export function positionOf(response: Response): bigint {
  const header = response.headers['x-event-position'];
  if (typeof header !== 'string') throw new Error('the answer carries no X-Event-Position');
  return BigInt(header);
}

/** Waits until a reactor has handled (or passed over) every event up to `position`: whatever it would mail is mailed. */
export async function reactorReached(app: TestApp, name: 'notifications' | 'hold-slots', position: bigint, timeoutMs = 10_000): Promise<void> {
  const runner = app.app.get(WorkerReactors).runner(name);
  if (!runner) throw new Error(`no reactor named ${name} in this process`);
  await until(
    () => {
      const reached = runner.status().position;
      return reached !== null && BigInt(reached) >= position;
    },
    `reactor ${name} to reach ${position}`,
    timeoutMs,
  );
}

/** Mails of one kind, told apart by their Message-ID (`<kind.cause@domain>`). */
export function mailsOf(server: SmtpTestServer, kind: MailKind, to?: string): ReceivedMail[] {
  return server.received.filter((mail) => mail.messageId.startsWith(`<${kind}.`) && (to === undefined || mail.envelopeTo.includes(to)));
}

export async function waitForMailOf(server: SmtpTestServer, kind: MailKind, to: string, timeoutMs = 10_000): Promise<ReceivedMail> {
  await until(() => mailsOf(server, kind, to).length > 0, `a ${kind} mail to ${to}`, timeoutMs);
  return mailsOf(server, kind, to)[0];
}
