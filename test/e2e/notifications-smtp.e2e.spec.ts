import { SmtpTestServer } from '../../libs/notifications/test/smtp-test-server';
import { bearer, LibraryFixture, patronToken } from '../support/library-fixture';
import type { TestApp } from '../support/test-app';
import { mailsOf, positionOf, reactorReached, startMailApp, STATUS_PAGE, waitForMailOf } from './notifications-harness';

/** Library B over a real SMTP server: every mail it sends, triggered through the HTTP API. */
describe('mails through SMTP (library-b)', () => {
  let server: SmtpTestServer;
  let app: TestApp;
  let library: LibraryFixture;

  /** A title whose only copy is on loan, so Library B takes online holds on it (R9). */
  async function titleOnLoan(titleId: string, name: string) {
    await library.title(titleId, 'book', name);
    await library.copy(`${titleId}-c`, titleId, 'central');
    await library.checkout(`${titleId}-c`, '100000001');
  }

  async function patronWithEmail(cardNumber: string, email: string) {
    const token = await library.patron(cardNumber);
    await app.http().put('/me/email').set(bearer(token)).send({ email }).expect(204);
    return token;
  }

  async function placeHold(token: string, titleId: string, contactMethod: string) {
    const response = await app.http().post('/me/holds').set(bearer(token)).send({ titleId, pickupLocationId: 'central', contactMethod }).expect(201);
    return response.body.holdId as string;
  }

  beforeAll(async () => {
    server = await SmtpTestServer.start();
    app = await startMailApp(server);
    library = await LibraryFixture.create(app);
    await library.location('central', '中央図書館');
    await library.patron('100000001');
  });
  afterAll(async () => {
    await app.close();
    await server.stop();
  });

  it('R25: registering and changing the address each mail "change completed" to the new address, with the status link (R24)', async () => {
    const token = await library.patron('100000010');
    await app.http().put('/me/email').set(bearer(token)).send({ email: 'first@example.jp' }).expect(204);
    const first = await waitForMailOf(server, 'email-registered', 'first@example.jp');
    expect(first.subject).toBe('【Library B】メールアドレス変更完了のお知らせ');
    expect(first.text).toContain('登録したメールアドレス：first@example.jp');
    expect(first.text).toContain(STATUS_PAGE);

    await app.http().put('/me/email').set(bearer(token)).send({ email: 'second@example.jp' }).expect(204);
    const second = await waitForMailOf(server, 'email-registered', 'second@example.jp');
    expect(second.subject).toBe('【Library B】メールアドレス変更完了のお知らせ');
    expect(mailsOf(server, 'email-registered', 'first@example.jp')).toHaveLength(1);
  });

  it('R15, R26: an online hold is confirmed by mail with the title and the pickup location', async () => {
    await titleOnLoan('T-placed', '坊っちゃん');
    const token = await patronWithEmail('100000020', 'placed@example.jp');
    await placeHold(token, 'T-placed', 'none');
    const mail = await waitForMailOf(server, 'hold-placed', 'placed@example.jp');
    expect(mail.subject).toBe('【Library B】予約受付のお知らせ');
    expect(mail.text).toContain('・坊っちゃん（受取場所：中央図書館）');
    expect(mail.text).toContain(STATUS_PAGE);
  });

  it('R17, R24: a copy checked in for an e-mail hold mails the title, the pickup location, the last pickup day and the status link, once', async () => {
    await titleOnLoan('T-ready', '吾輩は猫である');
    const token = await patronWithEmail('100000030', 'ready@example.jp');
    await placeHold(token, 'T-ready', 'email');
    const checkin = await app.http().post('/staff/checkins').set(bearer(library.staff)).send({ copyId: 'T-ready-c', locationId: 'central' }).expect(201);
    expect(checkin.body.outcome).toMatchObject({ action: 'hold-shelf' });

    const mail = await waitForMailOf(server, 'hold-ready', 'ready@example.jp');
    expect(mail.subject).toBe('【Library B】予約資料のご用意ができました');
    expect(mail.text).toContain('Patron 100000030 様');
    expect(mail.text).toContain('資料名：吾輩は猫である\n受取場所：中央図書館\n取置期限：2026年12月3日(木)');
    expect(mail.text).toContain(`予約や貸出の状況は、次のページでご確認いただけます。\n${STATUS_PAGE}`);
    expect(mail.from).toContain('library@example.invalid');

    await reactorReached(app, 'notifications', positionOf(checkin));
    expect(mailsOf(server, 'hold-ready', 'ready@example.jp')).toHaveLength(1);
  });

  it('R14: phone, ring-only and voicemail holds send no mail and wait on the call list until the patron is reached; "none" sends nothing', async () => {
    const token = await patronWithEmail('100000040', 'caller@example.jp');
    const holds: Record<string, string> = {};
    for (const method of ['phone', 'ring-only', 'voicemail', 'none']) {
      await titleOnLoan(`T-${method}`, `Title by ${method}`);
      holds[method] = await placeHold(token, `T-${method}`, method);
    }
    let last = 0n;
    for (const method of Object.keys(holds)) {
      const checkin = await app
        .http()
        .post('/staff/checkins')
        .set(bearer(library.staff))
        .send({ copyId: `T-${method}-c`, locationId: 'central' })
        .expect(201);
      expect(checkin.body.outcome).toMatchObject({ action: 'hold-shelf', holdId: holds[method] });
      last = positionOf(checkin);
    }
    await reactorReached(app, 'notifications', last);
    expect(mailsOf(server, 'hold-ready', 'caller@example.jp')).toEqual([]);

    const callList = async () =>
      (await app.http().get('/staff/locations/central/call-list').set(bearer(library.staff)).expect(200)).body.items as {
        holdId: string;
        contactMethod: string;
        contactAttempts: number;
      }[];
    const listed = await callList();
    const ours = listed.filter((entry) => Object.values(holds).includes(entry.holdId));
    expect(ours).toHaveLength(3);
    expect(ours).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ holdId: holds.phone, contactMethod: 'phone', contactAttempts: 0 }),
        expect.objectContaining({ holdId: holds['ring-only'], contactMethod: 'ring-only' }),
        expect.objectContaining({ holdId: holds.voicemail, contactMethod: 'voicemail' }),
      ]),
    );
    expect(listed.map((entry) => entry.holdId)).not.toContain(holds.none);

    await app.http().post(`/staff/holds/${holds.phone}/contacts`).set(bearer(library.staff)).send({ outcome: 'no-answer' }).expect(204);
    expect((await callList()).find((entry) => entry.holdId === holds.phone)).toMatchObject({ contactAttempts: 1 });
    await app.http().post(`/staff/holds/${holds.phone}/contacts`).set(bearer(library.staff)).send({ outcome: 'called' }).expect(204);
    const after = (await callList()).map((entry) => entry.holdId);
    expect(after).not.toContain(holds.phone);
    expect(after).toEqual(expect.arrayContaining([holds['ring-only'], holds.voicemail]));
  });

  it('R27: a forgotten password mails a link whose token sets a new password once', async () => {
    await patronWithEmail('100000050', 'forgot@example.jp');
    await app.http().post('/auth/password-reset').send({ cardNumber: '100000050', email: 'Forgot@example.jp' }).expect(202);
    const mail = await waitForMailOf(server, 'password-reset', 'forgot@example.jp');
    expect(mail.subject).toBe('【Library B】パスワード再設定のご案内');
    const link = /http:\/\/localhost\/patron\/password-reset\?token=(\S+)/.exec(mail.text);
    expect(link).not.toBeNull();
    const token = decodeURIComponent((link as RegExpExecArray)[1]);

    await app.http().post('/auth/password-reset/confirm').send({ token, newPassword: 'a-new-password' }).expect(204);
    const again = await app.http().post('/auth/password-reset/confirm').send({ token, newPassword: 'another-password' });
    expect(again.status).toBeGreaterThanOrEqual(400);
    expect(again.status).toBeLessThan(500);
    expect(await patronToken(app, '100000050', 'a-new-password')).toEqual(expect.any(String));
    await app.http().post('/auth/login').send({ cardNumber: '100000050', password: 'patron-password' }).expect(401);
  });
});
