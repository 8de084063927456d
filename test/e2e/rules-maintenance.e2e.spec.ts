import { ADMIN, bearer, LibraryFixture } from '../support/library-fixture';
import { startTestApp, type TestApp } from '../support/test-app';

/** R29: Library A's online service is down 03:00–05:00 Tokyo time every day; staff work on. */
describe.each(['library-a', 'library-b'] as const)('R29: the maintenance window (%s)', (policy) => {
  const isA = policy === 'library-a';
  let app: TestApp;
  let library: LibraryFixture;
  let patron: string;

  beforeAll(async () => {
    // 02:50 in Tokyo: tokens issued now are still valid at 03:30.
    app = await startTestApp({ env: { LIBRARY_POLICY: policy }, now: '2026-11-22T17:50:00Z' });
    library = await LibraryFixture.create(app);
    await library.location('central');
    await library.registerOnly('900000001');
    await library.titleOnLoan('T-1', 'central', '900000001');
    patron = await library.patron('100000001');
  });
  afterAll(() => app.close());

  const patronCalls = () => [
    app.http().get('/me').set(bearer(patron)),
    app.http().get('/me/holds').set(bearer(patron)),
    app.http().get('/me/holds/ready').set(bearer(patron)),
    app.http().get('/me/loans').set(bearer(patron)),
    app.http().post('/me/holds').set(bearer(patron)).send({ titleId: 'T-1', pickupLocationId: 'central', contactMethod: 'none' }),
    app.http().post('/auth/login').send({ cardNumber: '100000001', password: 'patron-password' }),
  ];

  it(`at 03:30 patron endpoints ${isA ? 'answer 503 with Retry-After until 05:00' : 'work'}; staff endpoints work`, async () => {
    app.clock.set('2026-11-22T18:30:00Z');
    for (const call of patronCalls()) {
      const answer = await call;
      if (isA) {
        expect(answer.status).toBe(503);
        expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(answer.headers['retry-after']).toBe(String(90 * 60));
        expect(answer.body).toMatchObject({ type: '/problems/service-in-maintenance', rule: 'R29', status: 503 });
      } else {
        expect(answer.status).toBeLessThan(300);
      }
    }
    await library.checkin('T-1-c1', 'central');
    await app.http().get('/staff/patrons/100000001').set(bearer(library.staff)).expect(200);
    await app.http().post('/staff/auth/login').send(ADMIN).expect(200);
  });

  it('at 05:00 the patron endpoints are back', async () => {
    app.clock.set('2026-11-22T20:00:00Z');
    await library.relogin();
    const token = (await app.http().post('/auth/login').send({ cardNumber: '100000001', password: 'patron-password' }).expect(200)).body.accessToken;
    await app.http().get('/me/holds').set(bearer(token)).expect(200);
  });

  it('at 02:59 the patron endpoints still work', async () => {
    app.clock.set('2026-11-23T17:59:00Z');
    await app.http().post('/auth/login').send({ cardNumber: '100000001', password: 'patron-password' }).expect(200);
  });
});
