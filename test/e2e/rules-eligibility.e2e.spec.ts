import { bearer, LibraryFixture, patronToken, staffToken } from '../support/library-fixture';
import { startTestApp, type TestApp } from '../support/test-app';

/** Who may place holds online (R1–R5), over HTTP, for both policy presets. Today is 2026-11-23 in Tokyo. */
describe.each(['library-a', 'library-b'] as const)('who may hold online (%s)', (policy) => {
  const isA = policy === 'library-a';
  let app: TestApp;
  let library: LibraryFixture;

  beforeAll(async () => {
    app = await startTestApp({ env: { LIBRARY_POLICY: policy } });
    library = await LibraryFixture.create(app);
    await library.location('central');
    await library.registerOnly('900000001');
  });
  afterAll(() => app.close());

  const login = (cardNumber: string, password: string) => app.http().post('/auth/login').send({ cardNumber, password });

  it('R1: no password issued yet, any password is refused with 401; once issued, a wrong password is 401 too', async () => {
    await library.registerOnly('100000001');
    const never = await login('100000001', 'patron-password').expect(401);
    expect(never.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(never.body).toMatchObject({ type: '/problems/invalid-credentials', status: 401 });

    await app.http().post('/staff/patrons/100000001/password').set(bearer(library.staff)).send({ password: 'issued-at-counter' }).expect(204);
    await login('100000001', 'not-the-password').expect(401);
    const token = await patronToken(app, '100000001', 'issued-at-counter');
    await app.http().get('/me').set(bearer(token)).expect(200);
  });

  it.each([
    ['2014-04-01', true],
    ['2014-04-02', !isA],
  ])('R2: a patron born %s may hold online on 2026-11-23: %s', async (birthDate, allowed) => {
    const card = birthDate === '2014-04-01' ? '100000011' : '100000012';
    const token = await library.patron(card, 'patron-password', { birthDate });
    await library.titleOnLoan(`T-R2-${card}`, 'central', '900000001');
    const answer = await library.placeHold(token, `T-R2-${card}`, 'central');
    if (allowed) {
      expect(answer.status).toBe(201);
    } else {
      expect(answer.status).toBe(403);
      expect(answer.body).toMatchObject({ type: '/problems/below-junior-high-age', rule: 'R2', details: { eligibleFrom: '2027-04-01' } });
      // The rule is written for online holds: at the counter staff decide (R2).
      await library.counterHold(card, `T-R2-${card}`, 'central', 'none').expect(201);
    }
  });

  it(`R3: a wide-area patron ${isA ? 'may not' : 'may'} hold online`, async () => {
    const token = await library.patron('100000021', 'patron-password', { wideArea: true });
    await library.titleOnLoan('T-R3', 'central', '900000001');
    const answer = await library.placeHold(token, 'T-R3', 'central');
    if (isA) {
      expect(answer.status).toBe(403);
      expect(answer.body).toMatchObject({ type: '/problems/wide-area-patron', rule: 'R3' });
    } else {
      expect(answer.status).toBe(201);
    }
  });

  it('R4: an expired card cannot log in, naming the rule; renewing it at the counter lets the patron back in', async () => {
    // Registered while the card was valid (an already expired card is refused at registration), a week earlier.
    const now = app.clock.now();
    app.clock.set('2026-11-16T01:00:00Z');
    await new LibraryFixture(app, await staffToken(app)).registerOnly('100000031', { cardExpiresOn: '2026-11-22' });
    app.clock.set(now);
    await app.http().post('/staff/patrons/100000031/password').set(bearer(library.staff)).send({ password: 'patron-password' }).expect(204);
    const refused = await login('100000031', 'patron-password').expect(403);
    expect(refused.body).toMatchObject({ type: '/problems/card-expired', rule: 'R4', status: 403 });
    expect(refused.body.detail).toContain('2026-11-22');

    await app.http().post('/staff/patrons/100000031/renewal').set(bearer(library.staff)).send({ cardExpiresOn: '2029-03-31' }).expect(200);
    const token = await patronToken(app, '100000031', 'patron-password');
    await library.titleOnLoan('T-R4', 'central', '900000001');
    await library.placeHold(token, 'T-R4', 'central').expect(201);
  });

  it('R4: a token that outlives the card (issued on its last day) cannot place holds after midnight', async () => {
    const start = app.clock.now();
    await library.registerOnly('100000032', { cardExpiresOn: '2026-11-23' });
    await app.http().post('/staff/patrons/100000032/password').set(bearer(library.staff)).send({ password: 'patron-password' }).expect(204);
    await library.titleOnLoan('T-R4-late', 'central', '900000001');
    app.clock.set('2026-11-23T14:30:00Z');
    const token = await patronToken(app, '100000032', 'patron-password');
    app.clock.set('2026-11-23T15:10:00Z');
    const answer = await library.placeHold(token, 'T-R4-late', 'central').expect(403);
    expect(answer.body).toMatchObject({ type: '/problems/card-expired', rule: 'R4' });
    app.clock.set(start);
  });
});

describe.each(['library-a', 'library-b'] as const)('R5: overdue loans (%s)', (policy) => {
  let app: TestApp;
  let library: LibraryFixture;

  beforeAll(async () => {
    app = await startTestApp({ env: { LIBRARY_POLICY: policy } });
    library = await LibraryFixture.create(app);
    await library.location('central');
    await library.registerOnly('900000001');
  });
  afterAll(() => app.close());

  it(`a patron with an item past its due date ${policy === 'library-a' ? 'cannot' : 'can'} hold online; returning it lifts the block`, async () => {
    await library.patron('100000041');
    await library.title('T-LENT');
    await library.copy('T-LENT-c1', 'T-LENT', 'central');
    const loan = await library.checkout('T-LENT-c1', '100000041');
    expect(loan.dueOn).toBe('2026-12-07');
    await library.titleOnLoan('T-R5', 'central', '900000001');

    app.clock.set('2026-12-08T01:00:00Z');
    await library.relogin();
    const token = await patronToken(app, '100000041', 'patron-password');
    const loans = await app.http().get('/me/loans').set(bearer(token)).expect(200);
    expect(loans.body.items).toEqual([expect.objectContaining({ copyId: 'T-LENT-c1', dueOn: '2026-12-07', overdue: true })]);

    const answer = await library.placeHold(token, 'T-R5', 'central');
    if (policy === 'library-a') {
      expect(answer.status).toBe(403);
      expect(answer.body).toMatchObject({ type: '/problems/overdue-loans', rule: 'R5' });
      await library.checkin('T-LENT-c1', 'central');
      await library.placeHold(token, 'T-R5', 'central').expect(201);
    } else {
      expect(answer.status).toBe(201);
    }
  });
});
