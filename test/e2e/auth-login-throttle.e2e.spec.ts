import { readModelModes, startLibrary, type LibraryFixture, type LibraryRun } from '../support/library-fixture';
import type { TestApp } from '../support/test-app';

const PASSWORD = 'patron-password';

/** Failed logins lock the card (5 in 15 minutes) and the client address (30), the same way for cards that do not exist. */
describe.each(readModelModes())('login throttling (store: %s)', (_name, mode) => {
  let run: LibraryRun;
  let app: TestApp;
  let library: LibraryFixture;

  beforeAll(async () => {
    run = await startLibrary(mode());
    ({ app, library } = run);
    await library.patron('100000001', PASSWORD);
    await library.patron('100000002', PASSWORD);
    await library.patron('100000003', PASSWORD);
  });
  afterAll(() => run.close());

  // Each case comes from its own client address (the app trusts X-Forwarded-For from the loopback proxy).
  const login = (from: string, cardNumber: string, password: string) =>
    app.http().post('/auth/login').set('X-Forwarded-For', from).send({ cardNumber, password });
  const withoutInstance = (body: Record<string, unknown>) => ({ ...body, instance: undefined });

  it('R1: after 5 wrong passwords the 6th try answers 429 with Retry-After even with the right password; an unknown card gets the same answer', async () => {
    for (let i = 0; i < 5; i++) await login('203.0.113.1', '100000001', 'wrong-password').expect(401);
    const locked = await login('203.0.113.1', '100000001', PASSWORD).expect(429);
    expect(locked.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(locked.headers['retry-after'])).toBeLessThanOrEqual(15 * 60);
    expect(locked.body).toMatchObject({ type: '/problems/too-many-login-attempts', status: 429 });

    const unknownAnswers = [];
    for (let i = 0; i < 5; i++) unknownAnswers.push(await login('203.0.113.2', '199999999', 'wrong-password'));
    const known = [];
    for (let i = 0; i < 5; i++) known.push(await login('203.0.113.3', '100000002', 'wrong-password'));
    for (const [index, answer] of unknownAnswers.entries()) {
      expect(answer.status).toBe(401);
      expect(answer.body).toEqual(known[index].body);
    }
    const unknownLocked = await login('203.0.113.2', '199999999', 'any-password').expect(429);
    expect(withoutInstance(unknownLocked.body)).toEqual(withoutInstance(locked.body));
    expect(unknownLocked.headers['retry-after']).toBe(locked.headers['retry-after']);
  });

  it('the card stays locked from every address until the window has passed', async () => {
    await login('203.0.113.9', '100000001', PASSWORD).expect(429);
    app.clock.set(new Date(app.clock.now().getTime() + 15 * 60 * 1000 + 1000));
    await login('203.0.113.9', '100000001', PASSWORD).expect(200);
  });

  it('a successful login forgets the card’s earlier failures', async () => {
    for (let i = 0; i < 4; i++) await login('203.0.113.10', '100000003', 'wrong-password').expect(401);
    await login('203.0.113.10', '100000003', PASSWORD).expect(200);
    for (let i = 0; i < 4; i++) await login('203.0.113.11', '100000003', 'wrong-password').expect(401);
    await login('203.0.113.11', '100000003', PASSWORD).expect(200);
  });

  it('throttled per client address too: 30 failures on different cards lock the address, not the cards', async () => {
    for (let i = 0; i < 30; i++) await login('198.51.100.7', String(300000000 + i), 'wrong-password').expect(401);
    const locked = await login('198.51.100.7', '100000002', PASSWORD).expect(429);
    expect(locked.body).toMatchObject({ type: '/problems/too-many-login-attempts' });
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    await login('198.51.100.8', '100000002', PASSWORD).expect(200);
  });

  it('staff logins are throttled the same way', async () => {
    for (let i = 0; i < 5; i++)
      await app.http().post('/staff/auth/login').set('X-Forwarded-For', '192.0.2.1').send({ staffId: 'admin', password: 'wrong-password' }).expect(401);
    const locked = await app
      .http()
      .post('/staff/auth/login')
      .set('X-Forwarded-For', '192.0.2.1')
      .send({ staffId: 'admin', password: 'change-me-now' })
      .expect(429);
    expect(locked.headers['retry-after']).toBeDefined();
  });
});
