import { createHash } from 'node:crypto';
import { Redis } from 'ioredis';
import { bearer, LibraryFixture, redisMode, REDIS_URL, type ReadModelMode } from '../support/library-fixture';
import { startTestApp, type TestApp } from '../support/test-app';
import { startLoggedApp, type LoggedApp } from './support/logged-app';

const CARD = '400000001';
/** What an argon2 hash, or any hex digest of 32+ bytes, looks like wherever it would surface in an answer. */
const CREDENTIAL_SHAPES = /\$argon2|passwordHash|tokenHash|[0-9a-f]{64}/i;

describe('issue 12, what must never be stored or shown: credentials in answers', () => {
  let app: TestApp;
  let library: LibraryFixture;

  beforeAll(async () => {
    app = await startTestApp();
    library = await LibraryFixture.create(app);
    const patron = await library.patron(CARD, 'first counter password');
    await library.registerEmail(patron, 'hanako@example.jp');
    await app.http().post('/auth/password-reset').send({ cardNumber: CARD, email: 'hanako@example.jp' }).expect(202);
    await app
      .http()
      .put('/me/password')
      .set(bearer(patron))
      .send({ currentPassword: 'first counter password', newPassword: 'second long password' })
      .expect(204);
  });
  afterAll(() => app.close());

  it("no answer carries a password hash or a reset-token hash: every staff role, the auditor included, reads a patron's history as 'password set by staff X, via counter'", async () => {
    const auditor = await library.staffMember('auditor-1', ['auditor']);
    const circulation = await library.staffMember('desk-1', ['circulation']);
    for (const token of [library.staff, auditor, circulation]) {
      const history = await app.http().get(`/staff/patrons/${CARD}/history`).set(bearer(token)).expect(200);
      expect(history.text).not.toMatch(CREDENTIAL_SHAPES);
      const types = history.body.items.map((entry: { type: string }) => entry.type);
      expect(types).toEqual(expect.arrayContaining(['PasswordSet', 'PasswordResetRequested']));
      const counter = history.body.items.find(
        (entry: { type: string; data: { via?: string } }) => entry.type === 'PasswordSet' && entry.data.via === 'counter',
      );
      expect(counter).toMatchObject({ data: { cardNumber: CARD, via: 'counter' }, actor: { kind: 'staff', id: 'admin' } });
      expect(Object.keys(counter.data).sort()).toEqual(['cardNumber', 'via']);
      const reset = history.body.items.find((entry: { type: string }) => entry.type === 'PasswordResetRequested');
      expect(Object.keys(reset.data).sort()).toEqual(['cardNumber', 'expiresAt']);
    }
    for (const path of [`/staff/patrons/${CARD}`, '/me']) {
      const token = path === '/me' ? await library.patron('400000002') : library.staff;
      expect((await app.http().get(path).set(bearer(token)).expect(200)).text).not.toMatch(CREDENTIAL_SHAPES);
    }
  });
});

describe('issue 12, what must never be stored or shown: idempotency fingerprints', () => {
  let mode: ReadModelMode;
  let app: TestApp;
  let library: LibraryFixture;
  let redis: Redis;

  beforeAll(async () => {
    mode = redisMode();
    app = await startTestApp({ env: mode.env });
    library = await LibraryFixture.create(app);
    await library.registerOnly('400000011');
    await library.registerOnly('400000012');
    redis = new Redis(REDIS_URL);
  });
  afterAll(async () => {
    redis.disconnect();
    await app.close();
    await mode.cleanup();
  });

  const issuePassword = (card: string, key: string, body: string) =>
    app
      .http()
      .post(`/staff/patrons/${card}/password`)
      .set(bearer(library.staff))
      .set('Idempotency-Key', key)
      .set('Content-Type', 'application/json')
      .send(body);

  it('the fingerprint kept a day in Redis is keyed (HMAC with a server key): a dictionary of SHA-256 digests of likely bodies finds nothing', async () => {
    const body = '{"password":"summer2026"}';
    await issuePassword('400000011', 'key-dictionary', body).expect(204);
    const keys = await redis.keys(`${mode.env.REDIS_KEY_PREFIX}idempotency:*key-dictionary`);
    expect(keys).toHaveLength(1);
    const stored = await redis.get(keys[0]);
    const { fingerprint } = JSON.parse(stored as string) as { fingerprint: string };
    expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);
    const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
    const dictionary = ['summer2026', 'password', 'winter2026', 'change-me-now'].flatMap((guess) => {
      const guessed = JSON.stringify({ password: guess });
      return [sha256(guessed), sha256(`POST /staff/patrons/400000011/password\n${guessed}`)];
    });
    expect(dictionary).not.toContain(fingerprint);
    expect(stored).not.toContain('summer2026');
  });

  it('the fingerprint reads canonical JSON: the same body with its keys in another order is the same request (a replay, not a 422)', async () => {
    const token = await library.patron('400000013');
    await library.location('central');
    await library.registerOnly('400000019');
    await library.titleOnLoan('T-ORDER', 'central', '400000019');
    const place = (body: string) =>
      app.http().post('/me/holds').set(bearer(token)).set('Idempotency-Key', 'key-order').set('Content-Type', 'application/json').send(body);
    const first = await place('{"titleId":"T-ORDER","pickupLocationId":"central","contactMethod":"none"}').expect(201);
    const reordered = await place('{"contactMethod":"none","pickupLocationId":"central","titleId":"T-ORDER"}');
    expect(reordered.status).toBe(201);
    expect(reordered.headers['idempotent-replayed']).toBe('true');
    expect(reordered.body).toEqual(first.body);
    // Another body is still another request.
    expect((await place('{"titleId":"T-ORDER","pickupLocationId":"central","contactMethod":"phone"}')).status).toBe(422);
  });
});

describe('issue 12, what must never be stored or shown: the logs', () => {
  let app: LoggedApp;

  beforeAll(async () => {
    app = await startLoggedApp();
  });
  afterAll(() => app.close());

  it('reset tokens sent as ?token= never reach the access log: every query value is redacted, its name kept', async () => {
    const token = 'Zm9vYmFyYmF6cXV4LXJlc2V0LXRva2VuLTEyMzQ1';
    app.logLines.length = 0;
    await app.http().get(`/patron/password-reset?token=${token}&lang=ja`);
    await app.http().post(`/auth/password-reset/confirm?token=${token}`).send({ token, newPassword: 'a brand new password' });
    await app.http().get(`/no-such-page?token=${token}`);
    const logs = app.logLines.join('');
    // The requests were logged, so the absence below means redaction, not silence.
    expect(logs).toContain('"url":"/patron/password-reset?token=[Redacted]&lang=[Redacted]"');
    expect(logs).toContain('"url":"/auth/password-reset/confirm?token=[Redacted]"');
    expect(logs).not.toContain(token);
    expect(logs).not.toMatch(/"query":\{/);
  });
});
