import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Response } from 'supertest';
import { NotificationsGateway } from '@libs/application';
import { LmdbEventStore } from '@libs/event-store';
import { RequestPasswordResetHandler } from '../../apps/api/src/auth/password-reset';
import { PasswordHashing } from '../../apps/api/src/auth/passwords';
import { bearer, eventStoreOf, headPosition, LibraryFixture } from '../support/library-fixture';
import { startTestApp, type TestApp } from '../support/test-app';
import { HeldReadsEventStore } from './support/held-reads-event-store';

const PASSWORD = 'patron-password';

const later = (app: TestApp, seconds: number) => app.clock.set(new Date(app.clock.now().getTime() + seconds * 1000));
const statuses = (answers: Response[]) => answers.map((answer) => answer.status);
const requestReset = (app: TestApp, from: string, cardNumber: string, email: string) =>
  app.http().post('/auth/password-reset').set('X-Forwarded-For', from).send({ cardNumber, email });
/** Every reset request answered so far decided (the deciding runs after the answer). */
const resetsSettled = (app: TestApp) => app.app.get(RequestPasswordResetHandler).settled();
const hashingOf = (app: TestApp) => app.app.get(PasswordHashing);

/** Guessing passwords and flooding the password endpoints (library-b: resets online); what each attempt costs and records. */
describe('guessing and flooding', () => {
  let app: TestApp;
  let library: LibraryFixture;
  let mailed: jest.SpyInstance;

  beforeAll(async () => {
    app = await startTestApp({ env: { LIBRARY_POLICY: 'library-b' } });
    library = await LibraryFixture.create(app);
    mailed = jest.spyOn(app.app.get(NotificationsGateway), 'sendPasswordReset');
  });
  afterAll(() => app.close());

  async function patronWithEmail(cardNumber: string, email: string) {
    const token = await library.patron(cardNumber, PASSWORD);
    await library.registerEmail(token, email);
    return token;
  }

  const resetRequestsIn = async (cardNumber: string) =>
    (await eventStoreOf(app).readStream(`patron-${cardNumber}`)).filter((event) => event.type === 'PasswordResetRequested');

  describe('R27: POST /auth/password-reset', () => {
    it('is throttled per card: a 4th request for one card within the hour is 429 with Retry-After, from any address and with any e-mail', async () => {
      await patronWithEmail('410000001', 'card-limit@example.jp');
      const answers = [];
      for (const [i, email] of ['card-limit@example.jp', 'other-1@example.jp', 'other-2@example.jp', 'card-limit@example.jp'].entries())
        answers.push(await requestReset(app, `203.0.113.${i + 1}`, '410000001', email));
      expect(statuses(answers)).toEqual([202, 202, 202, 429]);
      const refused = answers[3];
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(refused.body).toMatchObject({ type: '/problems/too-many-reset-requests', status: 429 });
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(3600);
    });

    it('is throttled per e-mail address: a 4th request naming one address, whatever the cards (known or not), is 429', async () => {
      await patronWithEmail('410000002', 'inbox@example.jp');
      const cards = ['410000002', '419999991', '419999992', '419999993'];
      const answers = [];
      for (const [i, card] of cards.entries())
        answers.push(await requestReset(app, `203.0.113.${10 + i}`, card, i === 3 ? 'InBox@Example.JP' : 'inbox@example.jp'));
      expect(statuses(answers)).toEqual([202, 202, 202, 429]);
    });

    it('is throttled per client address: the 21st request from one address is 429, and another address still gets 202', async () => {
      const answers = [];
      for (let i = 0; i < 21; i++) answers.push(await requestReset(app, '198.51.100.20', String(420000000 + i), `someone${i}@example.jp`));
      expect(statuses(answers)).toEqual([...Array(20).fill(202), 429]);
      await requestReset(app, '198.51.100.21', '420000099', 'someone-else@example.jp').expect(202);
    });

    it('a flood of 50 parallel requests for one patron records 3 requests and hands over 3 mails, not 50; none names the patron as its actor', async () => {
      await patronWithEmail('410000003', 'flooded@example.jp');
      const mailsBefore = mailed.mock.calls.length;
      const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => requestReset(app, `192.0.2.${i + 1}`, '410000003', 'flooded@example.jp')));
      await resetsSettled(app);
      expect(statuses(answers).filter((status) => status === 202)).toHaveLength(3);
      expect(statuses(answers).filter((status) => status === 429)).toHaveLength(47);
      const recorded = await resetRequestsIn('410000003');
      expect(recorded).toHaveLength(3);
      expect(mailed.mock.calls.length - mailsBefore).toBe(3);
      for (const event of recorded) expect(event.metadata.actor).toEqual({ kind: 'system', id: 'password-reset-request' });
    });

    it('an unmatched request (unknown card, another address, a patron without one) and a throttled one append nothing and mail nothing', async () => {
      await patronWithEmail('410000004', 'matched@example.jp');
      await library.patron('410000005', PASSWORD);
      await resetsSettled(app);
      const before = await headPosition(app);
      const mailsBefore = mailed.mock.calls.length;
      const answers = [
        await requestReset(app, '192.0.2.201', '419999999', 'matched@example.jp'),
        await requestReset(app, '192.0.2.202', '410000004', 'not-theirs@example.jp'),
        await requestReset(app, '192.0.2.203', '410000005', 'matched@example.jp'),
        await requestReset(app, '192.0.2.204', '410000003', 'flooded@example.jp'), // that card's hour is used up
      ];
      await resetsSettled(app);
      expect(statuses(answers)).toEqual([202, 202, 202, 429]);
      expect(await headPosition(app)).toBe(before);
      expect(mailed.mock.calls.length).toBe(mailsBefore);
    });
  });

  describe('R27: POST /auth/password-reset/confirm', () => {
    it('a malformed token, an unknown card’s and a wrong one are refused before anything is hashed; the right one costs one hash', async () => {
      await patronWithEmail('410000006', 'confirm@example.jp');
      await requestReset(app, '192.0.2.210', '410000006', 'confirm@example.jp').expect(202);
      await resetsSettled(app);
      const sent = mailed.mock.calls.find(([cardNumber]) => cardNumber === '410000006');
      const token = (sent?.[1] as { token: string }).token;

      const hashedBefore = hashingOf(app).stats().hashed;
      const bogus = ['no-card-number-in-this-token', '../../etc/passwd.aaaaaaaaaaaaaaaa', `419999999.${'x'.repeat(32)}`, `410000006.${'x'.repeat(32)}`];
      for (const bogusToken of bogus) {
        const refused = await app.http().post('/auth/password-reset/confirm').send({ token: bogusToken, newPassword: 'a new long password' }).expect(403);
        expect(refused.body).toMatchObject({ type: '/problems/password-reset-token-invalid', rule: 'R27' });
      }
      expect(hashingOf(app).stats().hashed).toBe(hashedBefore);

      await app.http().post('/auth/password-reset/confirm').send({ token, newPassword: 'a new long password' }).expect(204);
      expect(hashingOf(app).stats().hashed).toBe(hashedBefore + 1);
      const reused = await app.http().post('/auth/password-reset/confirm').send({ token, newPassword: 'another long password' }).expect(403);
      expect(reused.body).toMatchObject({ type: '/problems/password-reset-token-invalid' });
      expect(hashingOf(app).stats().hashed).toBe(hashedBefore + 1);
    });
  });

  it('R28: PUT /me/password is throttled like a login, on the login’s counts; a wrong current password never gets the new one hashed', async () => {
    const token = await library.patron('410000007', PASSWORD);
    const change = (currentPassword: string, newPassword = 'a brand new password') =>
      app.http().put('/me/password').set(bearer(token)).set('X-Forwarded-For', '203.0.113.70').send({ currentPassword, newPassword });
    const before = hashingOf(app).stats();

    for (let i = 0; i < 3; i++) expect((await change(`guess-${i}`)).body).toMatchObject({ type: '/problems/wrong-current-password', status: 403 });
    const burst = await Promise.all(Array.from({ length: 30 }, (_, i) => change(`burst-${i}`)));
    expect(statuses(burst)).toEqual(Array(30).fill(429));
    expect(burst[0].body).toMatchObject({ type: '/problems/too-many-login-attempts', status: 429 });
    expect(burst[0].headers['retry-after']).toBe('1');
    // Three guesses checked, none hashed a new password.
    expect(hashingOf(app).stats().checked - before.checked).toBe(3);
    expect(hashingOf(app).stats().hashed).toBe(before.hashed);
    // The same counts as the login form: from that address the login waits too.
    await app.http().post('/auth/login').set('X-Forwarded-For', '203.0.113.70').send({ cardNumber: '410000007', password: PASSWORD }).expect(429);

    later(app, 1);
    await change(PASSWORD).expect(204);
    await app.http().post('/auth/login').set('X-Forwarded-For', '203.0.113.70').send({ cardNumber: '410000007', password: 'a brand new password' }).expect(200);
  });

  it('R1: an unknown card and a card without a password each cost one real password check, like a wrong password', async () => {
    await library.patron('410000008', PASSWORD);
    await library.registerOnly('410000009');
    const cases = [
      ['410000008', 'wrong-password'],
      ['419999998', 'wrong-password'],
      ['410000009', 'any-password'],
    ];
    for (const [i, [cardNumber, password]] of cases.entries()) {
      const checkedBefore = hashingOf(app).stats().checked;
      const answer = await app
        .http()
        .post('/auth/login')
        .set('X-Forwarded-For', `203.0.113.${80 + i}`)
        .send({ cardNumber, password })
        .expect(401);
      expect(answer.body).toMatchObject({ type: '/problems/invalid-credentials' });
      expect(hashingOf(app).stats().checked - checkedBefore).toBe(1);
    }
  });

  it('beyond the hashing queue a login is answered at once, 503 hashing-busy with Retry-After, and not counted against the account', async () => {
    await library.patron('410000010', PASSWORD);
    const hashing = hashingOf(app);
    const argon2 = (hashing as unknown as { argon2: { hash: (password: string) => Promise<string> } }).argon2;
    let release = () => undefined as void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const realHash = argon2.hash;
    argon2.hash = async (password) => {
      await held;
      return `held:${password}`;
    };
    const filling = Array.from({ length: hashing.limits.concurrency + hashing.limits.queue }, () => hashing.hash('filler'));
    try {
      const busy = [];
      for (let i = 0; i < 5; i++)
        busy.push(await app.http().post('/auth/login').set('X-Forwarded-For', '203.0.113.90').send({ cardNumber: '410000010', password: PASSWORD }));
      expect(statuses(busy)).toEqual(Array(5).fill(503));
      expect(busy[0].headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(busy[0].body).toMatchObject({ type: '/problems/hashing-busy', status: 503 });
      expect(busy[0].headers['retry-after']).toBe('1');
    } finally {
      release();
      await Promise.all(filling);
      argon2.hash = realHash;
    }
    // Five unchecked attempts took nothing from the pair's allowance: three wrong ones still go back to back.
    for (let i = 0; i < 3; i++)
      await app.http().post('/auth/login').set('X-Forwarded-For', '203.0.113.90').send({ cardNumber: '410000010', password: 'wrong-password' }).expect(401);
  });
});

/**
 * R27, timing: the answer to a reset request is decided before anything about the patron is read, so an unknown
 * card, a known card with another address and a match take the same path and the same time. Proven without a clock:
 * with every read of a patron stream held, all three are answered.
 */
describe('R27: a reset request answers before the patron is looked at', () => {
  let dataDir: string;
  let store: HeldReadsEventStore;
  let inner: LmdbEventStore;
  let app: TestApp;
  let library: LibraryFixture;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'holds-reset-timing-'));
    inner = await LmdbEventStore.open({ path: join(dataDir, 'events') });
    store = new HeldReadsEventStore(inner, 'patron-');
    app = await startTestApp({ env: { LIBRARY_POLICY: 'library-b' }, dataDir, eventStore: store });
    library = await LibraryFixture.create(app);
  });
  // Should the answers never come (they waited for the held reads), the test fails on its timeout and the reads go on.
  afterEach(() => store.release());
  afterAll(async () => {
    await app.close();
    await inner.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('an unknown card, a known card with another address and a match all answer 202 alike while every patron read is held; only the match is recorded', async () => {
    const token = await library.patron('430000001', PASSWORD);
    await library.registerEmail(token, 'timing@example.jp');
    const before = await headPosition(app);

    store.hold();
    let answers: Response[];
    try {
      answers = await Promise.all([
        requestReset(app, '192.0.2.1', '439999999', 'timing@example.jp'),
        requestReset(app, '192.0.2.2', '430000001', 'someone-else@example.jp'),
        requestReset(app, '192.0.2.3', '430000001', 'timing@example.jp'),
      ]);
      // Answered, and the patron streams are only now waiting to be read.
      expect(store.heldReads).toEqual(expect.arrayContaining(['patron-430000001', 'patron-439999999']));
    } finally {
      store.release();
    }
    expect(statuses(answers)).toEqual([202, 202, 202]);
    for (const answer of answers) expect(answer.body).toEqual(answers[0].body);

    await resetsSettled(app);
    const appended = await eventStoreOf(app).readAll({ after: before });
    expect(appended.map((event) => [event.streamId, event.type])).toEqual([['patron-430000001', 'PasswordResetRequested']]);
  });
});
