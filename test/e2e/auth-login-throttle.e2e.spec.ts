import type { Response } from 'supertest';
import { PasswordHashing } from '../../apps/api/src/auth/passwords';
import { ADMIN, readModelModes, redisMode, startLibrary, type LibraryFixture, type LibraryRun } from '../support/library-fixture';
import { startTestApp, type TestApp } from '../support/test-app';

const PASSWORD = 'patron-password';
const FIFTEEN_MINUTES = 15 * 60;

const login = (app: TestApp, from: string, cardNumber: string, password: string) =>
  app.http().post('/auth/login').set('X-Forwarded-For', from).send({ cardNumber, password });
const staffLogin = (app: TestApp, from: string, staffId: string, password: string) =>
  app.http().post('/staff/auth/login').set('X-Forwarded-For', from).send({ staffId, password });
const later = (app: TestApp, seconds: number) => app.clock.set(new Date(app.clock.now().getTime() + seconds * 1000));
const withoutInstance = (body: Record<string, unknown>) => ({ ...body, instance: undefined });
/**
 * How many answers of a burst had their password checked (401), how many the throttle refused unchecked (429) or the
 * full hashing queue did (503 hashing-busy, also unchecked), and anything else.
 */
const tally = (answers: Response[]) => ({
  checked: answers.filter((answer) => answer.status === 401).length,
  unchecked: answers.filter((answer) => answer.status === 429 || answer.status === 503).length,
  other: answers.filter((answer) => ![401, 429, 503].includes(answer.status)).map((answer) => answer.status),
});
const passwordChecks = (app: TestApp) => app.app.get(PasswordHashing).stats().checked;

/**
 * Failed logins are counted per (account, address) pair (3 back to back, then 1 s and 2 s between tries, locked at 5),
 * per account from every address (delays after 10, locked at 15) and per address for each kind of login (30), all in
 * 15 minutes, the same way for accounts that do not exist. Each attempt is counted before its password is checked.
 * Each case comes from its own client address (the app trusts X-Forwarded-For from the loopback proxy).
 */
describe.each(readModelModes())('login throttling (store: %s)', (_name, mode) => {
  let run: LibraryRun;
  let app: TestApp;
  let library: LibraryFixture;

  beforeAll(async () => {
    run = await startLibrary(mode());
    ({ app, library } = run);
    for (const card of ['100000001', '100000002', '100000003', '100000004', '100000005']) await library.patron(card, PASSWORD);
  });
  afterAll(() => run.close());

  it('R1: on one (card, address) pair, 3 wrong passwords back to back, then 1 s and 2 s apart, then 429 with Retry-After even with the right one; an unknown card answers alike', async () => {
    const tryPair = async (from: string, cardNumber: string) => {
      const answers: Response[] = [];
      for (let i = 0; i < 3; i++) answers.push(await login(app, from, cardNumber, 'wrong-password'));
      answers.push(await login(app, from, cardNumber, 'wrong-password')); // too soon: 1 s after the 3rd
      later(app, 1);
      answers.push(await login(app, from, cardNumber, 'wrong-password'));
      answers.push(await login(app, from, cardNumber, 'wrong-password')); // too soon: 2 s after the 4th
      later(app, 2);
      answers.push(await login(app, from, cardNumber, 'wrong-password'));
      later(app, 60);
      answers.push(await login(app, from, cardNumber, cardNumber === '100000001' ? PASSWORD : 'any-password')); // locked
      return answers;
    };
    const known = await tryPair('203.0.113.1', '100000001');
    expect(known.map((answer) => answer.status)).toEqual([401, 401, 401, 429, 401, 429, 401, 429]);
    expect(known.map((answer) => answer.headers['retry-after'])).toEqual([
      undefined,
      undefined,
      undefined,
      '1',
      undefined,
      '2',
      undefined,
      String(FIFTEEN_MINUTES - 63),
    ]);
    const locked = known[7];
    expect(locked.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(locked.body).toMatchObject({ type: '/problems/too-many-login-attempts', status: 429 });

    const unknown = await tryPair('203.0.113.2', '199999999');
    expect(unknown.map((answer) => [answer.status, answer.headers['retry-after'], withoutInstance(answer.body)])).toEqual(
      known.map((answer) => [answer.status, answer.headers['retry-after'], withoutInstance(answer.body)]),
    );
  });

  it('a locked pair does not lock the card from another address: the owner signs in elsewhere; the pair unlocks after the window', async () => {
    await login(app, '203.0.113.1', '100000001', PASSWORD).expect(429);
    await login(app, '203.0.113.9', '100000001', PASSWORD).expect(200);
    later(app, FIFTEEN_MINUTES + 1);
    await login(app, '203.0.113.1', '100000001', PASSWORD).expect(200);
  });

  it('the looser per-account ceiling: 15 failures from five addresses lock the card from everywhere, with growing delays after the 10th', async () => {
    const statuses: number[] = [];
    for (let address = 1; address <= 5; address++)
      for (let i = 0; i < 3; i++) {
        // After 10 failures on the account, each further try must wait (1, 2, 4, 8 s after the latest): 20 s is enough.
        if (statuses.length >= 10) later(app, 20);
        statuses.push((await login(app, `198.51.100.${address}`, '100000002', 'wrong-password')).status);
      }
    expect(statuses).toEqual(Array(15).fill(401));
    const locked = await login(app, '198.51.100.99', '100000002', PASSWORD).expect(429);
    // Until the first of the 15 leaves the window: it was 5 × 20 s ago.
    expect(locked.headers['retry-after']).toBe(String(FIFTEEN_MINUTES - 5 * 20));
    later(app, FIFTEEN_MINUTES + 1);
    await login(app, '198.51.100.99', '100000002', PASSWORD).expect(200);
  });

  it('a successful login takes its own attempt back and forgets its pair’s failures', async () => {
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 3; i++) await login(app, '203.0.113.10', '100000003', 'wrong-password').expect(401);
      later(app, 1);
      await login(app, '203.0.113.10', '100000003', PASSWORD).expect(200);
    }
  });

  it('per client address and per kind: 30 patron failures on different cards lock the address for patrons, not the cards, and never the staff', async () => {
    for (let i = 0; i < 30; i++) await login(app, '198.51.100.7', String(300000000 + i), 'wrong-password').expect(401);
    const locked = await login(app, '198.51.100.7', '100000004', PASSWORD).expect(429);
    expect(locked.body).toMatchObject({ type: '/problems/too-many-login-attempts' });
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    await login(app, '198.51.100.8', '100000004', PASSWORD).expect(200);
    // The library's shared network full of failed patron logins: the administrator still signs in from it.
    await staffLogin(app, '198.51.100.7', ADMIN.staffId, ADMIN.password).expect(200);
  });

  it('staff logins are throttled the same way, on their own counts', async () => {
    for (let i = 0; i < 3; i++) await staffLogin(app, '192.0.2.1', ADMIN.staffId, 'wrong-password').expect(401);
    const waiting = await staffLogin(app, '192.0.2.1', ADMIN.staffId, ADMIN.password).expect(429);
    expect(waiting.headers['retry-after']).toBe('1');
    await staffLogin(app, '192.0.2.2', ADMIN.staffId, ADMIN.password).expect(200);
  });

  it('reserve, then verify: a parallel burst of 60 wrong passwords on one pair gets 3 checked, the rest 429 unchecked', async () => {
    const checksBefore = passwordChecks(app);
    const answers = await Promise.all(Array.from({ length: 60 }, () => login(app, '203.0.113.20', '100000005', 'wrong-password')));
    expect(tally(answers)).toEqual({ checked: 3, unchecked: 57, other: [] });
    expect(passwordChecks(app) - checksBefore).toBe(3);
  });

  it('reserve, then verify: a parallel burst of 60 wrong passwords on one card from 60 addresses gets 10 checked (the account’s delays), the rest 429 or 503, unchecked', async () => {
    const checksBefore = passwordChecks(app);
    const answers = await Promise.all(Array.from({ length: 60 }, (_, i) => login(app, `192.0.2.${100 + i}`, '100000006', 'wrong-password')));
    // Ten checks fill a two-core box's hashing (2 running, 8 queued): some of the rest may find it full (503) before the throttle (429).
    expect(tally(answers)).toEqual({ checked: 10, unchecked: 50, other: [] });
    expect(passwordChecks(app) - checksBefore).toBe(10);
  });
});

/** Two api instances on one Redis, as replicas behind a load balancer: one count, so a burst split across them gets no more checks. */
describe('login throttling across two api instances sharing Redis', () => {
  const shared = redisMode();
  let apps: TestApp[] = [];

  beforeAll(async () => {
    apps = await Promise.all([startTestApp({ env: shared.env }), startTestApp({ env: shared.env })]);
  });
  afterAll(async () => {
    await Promise.all(apps.map((app) => app.close()));
    await shared.cleanup();
  });

  it('a parallel burst of 60 wrong passwords on one pair, half through each instance, gets 3 checked in all, the rest 429', async () => {
    const answers = await Promise.all(Array.from({ length: 60 }, (_, i) => login(apps[i % 2], '203.0.113.30', '123456789', 'wrong-password')));
    expect(tally(answers)).toEqual({ checked: 3, unchecked: 57, other: [] });
  });

  it('a pair locked through one instance is locked through the other, with the same Retry-After', async () => {
    for (let i = 0; i < 3; i++) await login(apps[0], '203.0.113.31', '123456780', 'wrong-password').expect(401);
    const [first, second] = await Promise.all(apps.map((app) => login(app, '203.0.113.31', '123456780', 'wrong-password')));
    expect([first.status, second.status]).toEqual([429, 429]);
    expect(first.headers['retry-after']).toBe(second.headers['retry-after']);
  });
});
