import { SmtpTestServer } from '../../libs/notifications/test/smtp-test-server';
import { bearer, LibraryFixture } from '../support/library-fixture';
import type { TestApp } from '../support/test-app';
import { mailsOf, positionOf, reactorReached, startMailApp, waitForMailOf } from './notifications-harness';

describe('mail retries and failures (library-b over SMTP)', () => {
  let server: SmtpTestServer;
  let app: TestApp;
  let library: LibraryFixture;

  beforeAll(async () => {
    server = await SmtpTestServer.start();
    app = await startMailApp(server);
    library = await LibraryFixture.create(app);
  });
  afterAll(async () => {
    await app.close();
    await server.stop();
  });

  it('R25: a relay that answers "451 try again later" twice gets the mail on the third attempt, once', async () => {
    const token = await library.patron('100000001');
    server.failNextDeliveries(2);
    const attemptsBefore = server.dataAttempts;
    const changed = await app.http().put('/me/email').set(bearer(token)).send({ email: 'deferred@example.jp' }).expect(204);
    const mail = await waitForMailOf(server, 'email-registered', 'deferred@example.jp', 20_000);
    await reactorReached(app, 'notifications', positionOf(changed));
    expect(server.dataAttempts - attemptsBefore).toBe(3);
    expect(mailsOf(server, 'email-registered', 'deferred@example.jp')).toEqual([mail]);
    const failed = await app.http().get('/staff/notifications/failed').set(bearer(library.staff)).expect(200);
    expect(failed.body.items.map((item: { recipient: string }) => item.recipient)).not.toContain('deferred@example.jp');
  }, 30_000);

  it('a recipient the relay refuses for good (550) is not retried and shows on the staff list of failed mails', async () => {
    server.refuseRecipient('gone@example.jp');
    const token = await library.patron('100000002');
    const changed = await app.http().put('/me/email').set(bearer(token)).send({ email: 'gone@example.jp' }).expect(204);
    await reactorReached(app, 'notifications', positionOf(changed));

    const failed = await app.http().get('/staff/notifications/failed').set(bearer(library.staff)).expect(200);
    expect(failed.body.total).toBe(1);
    expect(failed.body.items).toEqual([
      expect.objectContaining({
        kind: 'email-registered',
        recipient: 'gone@example.jp',
        state: 'failed',
        attempts: 1,
        lastError: expect.stringContaining('550'),
      }),
    ]);
    expect(mailsOf(server, 'email-registered', 'gone@example.jp')).toEqual([]);

    const asPatron = await app.http().get('/staff/notifications/failed').set(bearer(token));
    expect(asPatron.status).toBe(403);
  });
});
