import { randomUUID } from 'node:crypto';
import { NotificationLookupsService } from '@libs/application';
import { ExpiryLibrary, type ReadyHold } from '../e2e/expiry-fixture';
import { bearer, eventStoreOf, LibraryFixture } from '../support/library-fixture';
import { startTestApp, type TestApp } from '../support/test-app';
import { problemFaults } from './support/answer-checks';
import { startLoggedApp, type LoggedApp } from './support/logged-app';

const OPEN_WEEK = { weeklyClosedDays: [], closedDates: [], closedOnNationalHolidays: false, closedDayAfterNationalHoliday: false };
/** Closed from the day after the notice for five years: no pickup window can be counted on it. */
const CLOSED_FOR_YEARS = { ...OPEN_WEEK, closedRanges: [{ from: '2026-12-02', to: '2031-12-31' }] };

describe('issue 12, bad input that hurts: a calendar with no open day for years', () => {
  let app: TestApp;
  let world: ExpiryLibrary;
  let central: ReadyHold;
  let annex: ReadyHold;

  beforeAll(async () => {
    app = await startTestApp();
    world = new ExpiryLibrary(app);
    await world.location('central');
    await world.location('annex');
    central = await world.readyHold('T-CENTRAL', 'central', '2026-12-01');
    annex = await world.readyHold('T-ANNEX', 'annex', '2026-12-01');
  });
  afterAll(() => app.close());

  it('R30: staff cannot save it: 422 invalid-calendar naming the rule and the closure, nothing appended', async () => {
    const staff = await world.staff();
    const answer = await app.http().put('/staff/locations/annex/calendar').set(bearer(staff)).send(CLOSED_FOR_YEARS);
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({ type: '/problems/invalid-calendar', rule: 'R30' });
    expect(answer.body.detail).toContain('2026-12-02 to 2031-12-31');
    expect(answer.body.detail).toContain('days in a row with no open day (at most 366, R30)');
  });

  it('one saved before the rule stops only its own location: the sweep and the due list go on for the others, the mail lookup answers, /health stays up and names it', async () => {
    // As an older version let it in: appended straight to the location's stream.
    await eventStoreOf(app).append(
      'location-annex',
      [
        {
          id: randomUUID(),
          type: 'CalendarChanged',
          data: { locationId: 'annex', calendar: CLOSED_FOR_YEARS },
          metadata: { correlationId: 'legacy', causationId: 'legacy', occurredAt: new Date().toISOString(), actor: { kind: 'system', id: 'legacy' } },
        },
      ],
      'any',
    );

    world.on('2026-12-20', '00:05');
    const report = await world.sweep();
    expect(report.expired.map((hold) => hold.holdId)).toEqual([central.holdId]);
    expect(report.leftOut).toEqual([{ holdId: annex.holdId, locationId: 'annex', reason: expect.stringContaining('no open day') }]);
    expect(await world.due()).toEqual([]);

    const lookups = app.app.get(NotificationLookupsService);
    expect(await lookups.lastPickupDay(annex.holdId, annex.titleId)).toMatch(/^2026-12-\d\d$/);

    const health = await app.http().get('/health').expect(200);
    expect(health.body.info.expiry).toMatchObject({ status: 'up', lastSweep: { result: 'succeeded', expired: 1 } });
    expect(health.body.info.locations.failing).toEqual({ annex: expect.objectContaining({ error: expect.stringContaining('no open day') }) });

    // Fixed by staff: the location drops off the list and the next sweep expires its hold.
    await world.calendar('annex', { closedRanges: [] });
    expect((await app.http().get('/health').expect(200)).body.info.locations.failing).toEqual({});
    expect((await world.sweep()).expired.map((hold) => hold.holdId)).toEqual([annex.holdId]);
  });
});

describe('issue 12, bad input that hurts: text, dates and ids', () => {
  let app: TestApp;
  let library: LibraryFixture;
  let patron: string;

  beforeAll(async () => {
    app = await startTestApp();
    library = await LibraryFixture.create(app);
    await library.location('central');
    patron = await library.patron('500000001');
  });
  afterAll(() => app.close());

  const send = (method: 'post' | 'put', path: string, body: string, token = library.staff) =>
    app.http()[method](path).set(bearer(token)).set('Content-Type', 'application/json').send(body);

  it('PUT /me/email with an unpaired surrogate ("\\ud800") is a 400 naming the field, not a 500 (isEmail threw)', async () => {
    for (const email of ['\\ud800', 'a\\udc00@example.jp', 'hanako\\u0000@example.jp']) {
      const answer = await send('put', '/me/email', `{"email":"${email}"}`, patron);
      expect({ email, status: answer.status }).toEqual({ email, status: 400 });
      expect(problemFaults(answer)).toEqual([]);
      expect(answer.body.errors.map((error: { field: string }) => error.field)).toEqual(['email']);
    }
  });

  it('names are refused with 400 when they hold an unpaired surrogate, NUL, CR/LF, a bidi override, or only spaces', async () => {
    const bad = ['\\ud800', 'Ann\\u0000a', 'Ann\\r\\nBcc: x', 'evil\\u202Etxt.exe', '   ', '\\u2067isolate'];
    const takers: [string, string, (name: string) => string][] = [
      [
        'post',
        '/staff/patrons',
        (name) => `{"cardNumber":"500000009","name":"${name}","birthDate":"1990-05-01","cardExpiresOn":"2030-03-31","wideArea":false}`,
      ],
      ['post', '/staff/accounts', (name) => `{"staffId":"named","name":"${name}","roles":["auditor"],"password":"a long staff password"}`],
      ['post', '/staff/locations', (name) => `{"locationId":"named","name":"${name}"}`],
      ['post', '/staff/titles', (name) => `{"titleId":"T-NAMED","name":"${name}","materialType":"book"}`],
      ['post', '/staff/titles', (name) => `{"titleId":"T-NAMED","name":"ok","author":"${name}","materialType":"book"}`],
      ['post', '/staff/titles', (name) => `{"titleId":"T-NAMED","name":"ok","volume":"${name}","materialType":"book"}`],
      [
        'put',
        '/staff/locations/central/calendar',
        (name) =>
          `{"weeklyClosedDays":[],"closedDates":[],"closedRanges":[{"from":"2026-12-29","to":"2027-01-03","reason":"${name}"}],"closedOnNationalHolidays":false,"closedDayAfterNationalHoliday":false}`,
      ],
    ];
    const accepted: string[] = [];
    for (const [method, path, body] of takers) {
      for (const name of bad) {
        const answer = await send(method as 'post' | 'put', path, body(name));
        if (answer.status !== 400 || problemFaults(answer).length > 0) accepted.push(`${method} ${path} ${body(name)} → ${answer.status}`);
      }
    }
    expect(accepted).toEqual([]);
    // A name in any script, with inner spaces, is still fine.
    await send('post', '/staff/locations', '{"locationId":"named","name":"中央図書館 分館"}').expect(201);
  });

  it('registration refuses a birth date in the future and a card that has already expired (R4); renewal is the way for those', async () => {
    const register = (extra: object) =>
      app
        .http()
        .post('/staff/patrons')
        .set(bearer(library.staff))
        .send({ cardNumber: '500000002', name: 'Future', birthDate: '1990-05-01', cardExpiresOn: '2030-03-31', wideArea: false, ...extra });
    const future = await register({ birthDate: '2027-01-01' });
    expect(future.status).toBe(422);
    expect(future.body).toMatchObject({ type: '/problems/birth-date-in-the-future' });
    const expired = await register({ cardExpiresOn: '2026-11-22' });
    expect(expired.status).toBe(422);
    expect(expired.body).toMatchObject({ type: '/problems/card-expires-in-the-past', rule: 'R4' });
    await register({ cardExpiresOn: '2026-11-23' }).expect(201);
  });

  it('asOf=2026-02-30 (which Date reads as 03-02) and other instants that do not exist are a 400', async () => {
    await library.registerOnly('500000003');
    await library.titleOnLoan('T-ASOF', 'central', '500000003');
    const holdId = (await library.placeHold(patron, 'T-ASOF', 'central').expect(201)).body.holdId as string;
    for (const asOf of ['2026-02-30T10:00:00+09:00', '2026-11-23T24:00:00Z', '2026-11-23T10:60:00Z', '2026-11-23T10:00:00+25:00']) {
      const answer = await app.http().get(`/staff/holds/${holdId}`).query({ asOf }).set(bearer(library.staff));
      expect({ asOf, status: answer.status }).toEqual({ asOf, status: 400 });
      expect(answer.body.errors.map((error: { field: string }) => error.field)).toEqual(['asOf']);
    }
    await app.http().get(`/staff/holds/${holdId}`).query({ asOf: '2026-11-23T10:00:00+09:00' }).set(bearer(library.staff)).expect(200);
  });

  it('a staff id that differs from a taken one only by case ("ADMIN" beside "admin") is refused as taken', async () => {
    const create = (staffId: string) =>
      app
        .http()
        .post('/staff/accounts')
        .set(bearer(library.staff))
        .send({ staffId, name: 'Lookalike', roles: ['auditor'], password: 'a long staff password' });
    for (const staffId of ['ADMIN', 'Admin']) {
      const answer = await create(staffId);
      expect({ staffId, status: answer.status }).toEqual({ staffId, status: 409 });
      expect(answer.body).toMatchObject({ type: '/problems/staff-account-already-exists', details: { staffId: 'admin' } });
    }
    await create('Sato').expect(201);
    expect((await create('sato')).status).toBe(409);
  });

  it('copy ids valueOf, constructor, __proto__ (names on Object.prototype) are ids like any other: added, lent and returned, never "taken"', async () => {
    await library.title('T-PROTO');
    await library.registerOnly('500000004');
    for (const copyId of ['valueOf', 'constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      const added = await app
        .http()
        .post('/staff/copies')
        .set(bearer(library.staff))
        .send({ copyId, titleId: 'T-PROTO', locationId: 'central', loanable: true });
      expect({ copyId, status: added.status, type: added.body.type }).toEqual({ copyId, status: 201, type: undefined });
    }
    await library.checkout('__proto__', '500000004');
    await library.checkin('__proto__', 'central');
    await library.checkout('valueOf', '500000004');
    const title = await app.http().get('/staff/titles/T-PROTO').set(bearer(library.staff)).expect(200);
    expect(title.text).toContain('"__proto__"');
    expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('locationId');
  });

  it("an unknown location's hold shelf (and its other lists) is a 404, not an empty list", async () => {
    for (const list of ['hold-shelf', 'clearance', 'pull-list', 'call-list']) {
      const answer = await app.http().get(`/staff/locations/nowhere/${list}`).set(bearer(library.staff));
      expect({ list, status: answer.status, type: answer.body.type }).toEqual({ list, status: 404, type: '/problems/unknown-location' });
    }
    await app.http().get('/staff/locations/central/hold-shelf').set(bearer(library.staff)).expect(200);
  });
});

describe('issue 12, bad input that hurts: what the HTTP layer shows', () => {
  let app: TestApp;
  let library: LibraryFixture;

  beforeAll(async () => {
    app = await startTestApp();
    library = await LibraryFixture.create(app);
  });
  afterAll(() => app.close());

  it('Content-Security-Policy is on for the pages: scripts, styles and calls from this origin only, no inline script; /docs alone may inline styles', async () => {
    for (const path of ['/console', '/patron/holds', '/staff/locations', '/no-such-thing']) {
      const csp = (await app.http().get(path)).headers['content-security-policy'] as string;
      const directives = Object.fromEntries(
        csp
          .split(';')
          .map((directive) => directive.trim().split(/\s+/))
          .map(([name, ...values]) => [name, values]),
      );
      expect({ path, scripts: directives['script-src'], styles: directives['style-src'], objects: directives['object-src'] }).toEqual({
        path,
        scripts: ["'self'"],
        styles: ["'self'"],
        objects: ["'none'"],
      });
    }
    const docs = (await app.http().get('/docs/')).headers['content-security-policy'] as string;
    expect(docs).toContain("style-src 'self' 'unsafe-inline'");
    expect(docs).toContain("script-src 'self';");
  });

  it('HSTS only over HTTPS: absent on plain HTTP, present when a trusted proxy says the request came over HTTPS', async () => {
    expect((await app.http().get('/console')).headers['strict-transport-security']).toBeUndefined();
    expect((await app.http().get('/console').set('X-Forwarded-Proto', 'https')).headers['strict-transport-security']).toMatch(/^max-age=\d+/);
  });

  it('/metrics and the details of /health are for the machine itself or staff: a client through a proxy gets { status } and a 403', async () => {
    const outside = { 'X-Forwarded-For': '203.0.113.9' };
    const publicHealth = await app.http().get('/health').set(outside).expect(200);
    expect(publicHealth.body).toEqual({ status: 'ok' });
    const metrics = await app.http().get('/metrics').set(outside);
    expect(metrics.status).toBe(403);
    expect(problemFaults(metrics)).toEqual([]);

    const patron = await library.patron('600000001');
    expect((await app.http().get('/health').set(outside).set(bearer(patron)).expect(200)).body).toEqual({ status: 'ok' });
    expect((await app.http().get('/metrics').set(outside).set(bearer(patron))).status).toBe(403);

    const staff = await library.staffMember('auditor-m', ['auditor']);
    expect((await app.http().get('/health').set(outside).set(bearer(staff)).expect(200)).body).toMatchObject({ status: 'ok', adapters: expect.any(Object) });
    expect((await app.http().get('/metrics').set(outside).set(bearer(staff)).expect(200)).text).toContain('process_cpu');
    expect((await app.http().get('/health').expect(200)).body).toMatchObject({ adapters: expect.any(Object), details: expect.any(Object) });
  });
});

describe('issue 12, bad input that hurts: maintenance-window answers in the log', () => {
  let app: LoggedApp;

  beforeAll(async () => {
    // 02:50 in Tokyo under Library A (R29: down 03:00-05:00).
    app = await startLoggedApp({ env: { LIBRARY_POLICY: 'library-a' }, now: '2026-11-22T17:50:00Z' });
  });
  afterAll(() => app.close());

  it('R29: a maintenance-window 503 is logged once at info, naming the problem, without an error line or a stack trace', async () => {
    const library = await LibraryFixture.create(app);
    const patron = await library.patron('700000001');
    app.clock.set('2026-11-22T18:30:00Z');
    app.logLines.length = 0;
    await app.http().get('/me/holds').set(bearer(patron)).set('X-Correlation-Id', 'maintenance-1').expect(503);
    const lines = app.logLines.filter((line) => line.includes('maintenance-1')).map((line) => JSON.parse(line) as Record<string, unknown>);
    const refusal = lines.filter((line) => line.msg === 'request refused');
    expect(refusal).toEqual([expect.objectContaining({ level: 30, problem: '/problems/service-in-maintenance', status: 503 })]);
    expect(lines.filter((line) => (line.level as number) >= 50)).toEqual([]);
    expect(lines.map((line) => JSON.stringify(line)).join('')).not.toMatch(/"stack"|"err"/);
  });
});
