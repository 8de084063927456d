import { SmtpTestServer } from '../../libs/notifications/test/smtp-test-server';
import { bearer, headPosition, LibraryFixture, patronToken } from '../support/library-fixture';
import { startTestApp, type TestApp } from '../support/test-app';

/** The patron's own account online: e-mail (R25), password change (R28), forgotten password (R27). Mails go to a real SMTP server. */
describe.each(['library-a', 'library-b'] as const)('the patron account (%s)', (policy) => {
  const isA = policy === 'library-a';
  let smtp: SmtpTestServer;
  let app: TestApp;
  let library: LibraryFixture;

  beforeAll(async () => {
    smtp = await SmtpTestServer.start();
    app = await startTestApp({ env: { LIBRARY_POLICY: policy, MAIL_TRANSPORT: 'smtp', SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port) } });
    library = await LibraryFixture.create(app);
  });
  afterAll(async () => {
    await app.close();
    await smtp.stop();
  });

  const login = (cardNumber: string, password: string) => app.http().post('/auth/login').send({ cardNumber, password });
  const mailTo = async (address: string, subject: string) => {
    const deadline = Date.now() + 5000;
    for (;;) {
      const mail = smtp.mailsTo(address).find((candidate) => candidate.subject.includes(subject));
      if (mail) return mail;
      if (Date.now() > deadline) throw new Error(`no mail "${subject}" to ${address}; got ${smtp.received.map((m) => m.subject).join(', ')}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };

  it(`R25: registering or changing the e-mail address sends the ${isA ? 'registration confirmation' : 'change-completed'} mail to the new address`, async () => {
    const token = await library.patron('100000001');
    await library.registerEmail(token, 'first@example.jp');
    expect((await app.http().get('/me').set(bearer(token)).expect(200)).body.email).toBe('first@example.jp');
    const subject = isA ? 'メールアドレスの登録確認通知' : 'メールアドレス変更完了のお知らせ';
    expect((await mailTo('first@example.jp', subject)).text).toContain('first@example.jp');

    await library.registerEmail(token, 'second@example.jp');
    expect((await mailTo('second@example.jp', subject)).text).toContain('second@example.jp');
    expect((await app.http().get('/me').set(bearer(token)).expect(200)).body.email).toBe('second@example.jp');

    const bad = await app.http().put('/me/email').set(bearer(token)).send({ email: 'not an address' }).expect(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'email' })]);
  });

  it('R28: a password change needs the current password; the new one works and the old one no longer does', async () => {
    const token = await library.patron('100000002', 'first-password');
    const before = await headPosition(app);
    const wrong = await app.http().put('/me/password').set(bearer(token)).send({ currentPassword: 'not-it', newPassword: 'second-password' }).expect(403);
    expect(wrong.body).toMatchObject({ type: '/problems/wrong-current-password', rule: 'R28' });
    expect(await headPosition(app)).toBe(before);
    const short = await app.http().put('/me/password').set(bearer(token)).send({ currentPassword: 'first-password', newPassword: 'short' }).expect(400);
    expect(short.body.errors).toEqual([expect.objectContaining({ field: 'newPassword' })]);

    await app.http().put('/me/password').set(bearer(token)).send({ currentPassword: 'first-password', newPassword: 'second-password' }).expect(204);
    await login('100000002', 'first-password').expect(401);
    await patronToken(app, '100000002', 'second-password');
  });

  if (isA) {
    it('R27: forgotten passwords are reset at the counter, not online', async () => {
      await library.patron('100000003');
      const answer = await app.http().post('/auth/password-reset').send({ cardNumber: '100000003', email: 'x@example.jp' }).expect(404);
      expect(answer.body).toMatchObject({ type: '/problems/password-reset-not-offered', rule: 'R27' });
      expect(answer.body.detail).toMatch(/counter/);
    });
  } else {
    it('R27: a reset request answers 202 whether or not card and address match; the mailed token sets a new password once', async () => {
      const token = await library.patron('100000004', 'forgotten-password');
      await library.registerEmail(token, 'reset@example.jp');
      await mailTo('reset@example.jp', 'メールアドレス変更完了のお知らせ');

      const requests = [
        { cardNumber: '100000004', email: 'other@example.jp' },
        { cardNumber: '199999999', email: 'reset@example.jp' },
        { cardNumber: '100000004', email: 'reset@example.jp' },
      ];
      const answers = await Promise.all(requests.map((body) => app.http().post('/auth/password-reset').send(body)));
      for (const answer of answers) {
        expect(answer.status).toBe(202);
        expect(answer.body).toEqual(answers[0].body);
      }

      const mail = await mailTo('reset@example.jp', 'パスワード再設定のご案内');
      const code = /確認コード：(\S+)/.exec(mail.text)?.[1];
      expect(code).toBeDefined();
      // Once the reset mail has arrived, every mail the three requests caused is here.
      expect(smtp.received.filter((sent) => sent.subject.includes('パスワード再設定'))).toHaveLength(1);
      expect(smtp.mailsTo('other@example.jp')).toEqual([]);

      await app.http().post('/auth/password-reset/confirm').send({ token: code, newPassword: 'remembered-password' }).expect(204);
      await login('100000004', 'forgotten-password').expect(401);
      await patronToken(app, '100000004', 'remembered-password');
      const reused = await app.http().post('/auth/password-reset/confirm').send({ token: code, newPassword: 'third-password-x' }).expect(403);
      expect(reused.body).toMatchObject({ type: '/problems/password-reset-token-invalid', rule: 'R27' });
      await login('100000004', 'third-password-x').expect(401);
    });
  }
});
