import { SchedulerRegistry } from '@nestjs/schedule';
import { SmtpTestServer } from '../../libs/notifications/test/smtp-test-server';
import { OverdueReminderSweep } from '../../apps/worker/src/reminders/overdue-reminder-sweep';
import { bearer, LibraryFixture, staffToken } from '../support/library-fixture';
import type { TestApp } from '../support/test-app';
import { mailsOf, positionOf, reactorReached, startMailApp, STATUS_PAGE, waitForMailOf } from './notifications-harness';

/** Library A over a real SMTP server: its own wording, no status link, no confirmations, overdue reminders. */
describe('mails through SMTP (library-a)', () => {
  let server: SmtpTestServer;
  let app: TestApp;
  let library: LibraryFixture;

  async function patronWithEmail(cardNumber: string, email: string) {
    const token = await library.patron(cardNumber);
    await app.http().put('/me/email').set(bearer(token)).send({ email }).expect(204);
    return token;
  }

  const sweep = () => app.app.get(OverdueReminderSweep).run();

  beforeAll(async () => {
    server = await SmtpTestServer.start();
    app = await startMailApp(server, { env: { LIBRARY_POLICY: 'library-a' } });
    library = await LibraryFixture.create(app);
    await library.location('main', '本館');
  });
  afterAll(async () => {
    await app.close();
    await server.stop();
  });

  it('R25: a registered address gets the "registration confirmation" notice, without a status link (R24 is Library B)', async () => {
    await patronWithEmail('2001', 'a-first@example.jp');
    const mail = await waitForMailOf(server, 'email-registered', 'a-first@example.jp');
    expect(mail.subject).toBe('【Library A】メールアドレスの登録確認通知');
    expect(mail.text).toContain('メールアドレスの登録を確認しました。');
    expect(mail.text).not.toContain(STATUS_PAGE);
  });

  it('R17, R15: the ready mail names title, location and last pickup day; a placed hold is not confirmed by mail', async () => {
    await library.title('A-ready', 'book', 'こころ');
    await library.copy('A-ready-c', 'A-ready', 'main');
    await library.checkout('A-ready-c', '2001');
    const token = await patronWithEmail('2002', 'a-ready@example.jp');
    const placed = await app
      .http()
      .post('/me/holds')
      .set(bearer(token))
      .send({ titleId: 'A-ready', pickupLocationId: 'main', contactMethod: 'email' })
      .expect(201);
    await reactorReached(app, 'notifications', positionOf(placed));
    expect(mailsOf(server, 'hold-placed')).toEqual([]);

    await library.checkin('A-ready-c', 'main');
    const mail = await waitForMailOf(server, 'hold-ready', 'a-ready@example.jp');
    expect(mail.subject).toBe('【Library A】予約資料のご用意ができました');
    expect(mail.text).toContain('資料名：こころ\n受取場所：本館\n取置期限：2026年12月3日(木)');
    expect(mail.text).not.toContain(STATUS_PAGE);
  });

  it('R27: Library A resets passwords at the counter only, so no reset mail can be asked for', async () => {
    const answer = await app.http().post('/auth/password-reset').send({ cardNumber: '2002', email: 'a-ready@example.jp' }).expect(404);
    expect(answer.body).toMatchObject({ type: '/problems/password-reset-not-offered', rule: 'R27' });
  });

  it('R26: the overdue reminder is a daily job at 09:00 library time', () => {
    // Every module that imports ScheduleModule.forRoot() has a registry of its own: look through them all.
    const jobs = new Map(app.app.get(SchedulerRegistry, { each: true }).flatMap((registry) => [...registry.getCronJobs()]));
    expect(jobs.get('overdue-reminders')?.nextDate().setZone('Asia/Tokyo').toFormat('HH:mm')).toBe('09:00');
    expect([...jobs.keys()]).not.toContain('pickup-reminders');
  });

  it('R26: the daily sweep reminds the borrower of an overdue loan once per loan and day, until it comes back', async () => {
    await library.title('A-late', 'book', '三四郎');
    await library.copy('A-late-1', 'A-late', 'main');
    await library.title('A-late-2', 'book', 'それから');
    await library.copy('A-late-2-c', 'A-late-2', 'main');
    await patronWithEmail('2003', 'a-late@example.jp');
    await library.patron('2004');
    expect((await library.checkout('A-late-1', '2003')).dueOn).toBe('2026-12-07');
    await library.checkout('A-late-2-c', '2004');

    app.clock.set('2026-12-07T01:00:00Z');
    expect(await sweep()).toMatchObject({ day: '2026-12-07', sent: 0 });

    app.clock.set('2026-12-08T01:00:00Z');
    // The borrower without an address gets nothing; the other one mail for the overdue loan.
    expect(await sweep()).toMatchObject({ day: '2026-12-08', sent: 1, nothingToSend: 1, errors: 0 });
    const mail = await waitForMailOf(server, 'overdue-reminder', 'a-late@example.jp');
    expect(mail.subject).toBe('【Library A】返却期限を過ぎた資料の返却のお願い');
    expect(mail.text).toContain('・三四郎（返却期限：2026年12月7日(月)）');

    app.clock.set('2026-12-08T09:00:00Z');
    expect(await sweep()).toMatchObject({ sent: 0, alreadyHandled: 1 });
    expect(mailsOf(server, 'overdue-reminder', 'a-late@example.jp')).toHaveLength(1);

    app.clock.set('2026-12-09T01:00:00Z');
    expect(await sweep()).toMatchObject({ day: '2026-12-09', sent: 1 });
    expect(mailsOf(server, 'overdue-reminder', 'a-late@example.jp')).toHaveLength(2);

    library = new LibraryFixture(app, await staffToken(app));
    await library.checkin('A-late-1', 'main');
    app.clock.set('2026-12-10T01:00:00Z');
    expect(await sweep()).toMatchObject({ sent: 0, alreadyHandled: 0 });
    expect(mailsOf(server, 'overdue-reminder', 'a-late@example.jp')).toHaveLength(2);
  });
});
