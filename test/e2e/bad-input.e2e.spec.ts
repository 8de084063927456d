import type request from 'supertest';
import { bearer, headPosition, LibraryFixture } from '../support/library-fixture';
import { startTestApp, type TestApp } from '../support/test-app';

const LENDER = '900000001';
const CARD = '100000001';

type Method = 'post' | 'put' | 'delete' | 'get';
interface Endpoint {
  method: Method;
  path: string;
  /** 'patron' for /me…, 'staff' for /staff…, none for /auth… */
  as: 'patron' | 'staff' | 'anonymous';
}

/**
 * I8: bad input gets a 4xx problem+json saying what is wrong (every bad field for validation), never a 5xx, and a
 * refused request appends nothing (the head of the event log does not move).
 */
describe('I8: bad input', () => {
  let app: TestApp;
  let library: LibraryFixture;
  let patron: string;
  let holdId: string;
  let commands: Endpoint[];

  beforeAll(async () => {
    app = await startTestApp();
    library = await LibraryFixture.create(app);
    await library.location('central');
    await library.registerOnly(LENDER);
    await library.titleOnLoan('T-1', 'central', LENDER);
    patron = await library.patron(CARD);
    holdId = (await library.placeHold(patron, 'T-1', 'central').expect(201)).body.holdId;

    // Every command the API documents with a request body, path parameters filled in.
    const openApi = (await app.http().get('/openapi.json').expect(200)).body as { paths: Record<string, Record<string, { requestBody?: unknown }>> };
    const fill = (path: string) => path.replace('{holdId}', holdId).replace('{card}', CARD).replace('{id}', 'central');
    commands = Object.entries(openApi.paths).flatMap(([path, operations]) =>
      Object.entries(operations)
        .filter(([, operation]) => operation.requestBody !== undefined)
        .map(([method]) => method)
        .map((method) => ({
          method: method as Method,
          path: fill(path),
          as: path.startsWith('/me') ? 'patron' : path.startsWith('/staff/') && path !== '/staff/auth/login' ? 'staff' : 'anonymous',
        })),
    );
  });
  afterAll(() => app.close());

  const send = (endpoint: Endpoint) => {
    const test = app.http()[endpoint.method](endpoint.path);
    if (endpoint.as === 'patron') test.set(bearer(patron));
    if (endpoint.as === 'staff') test.set(bearer(library.staff));
    return test;
  };

  /** A 4xx problem+json with this status (or any 4xx), naming the request in the failure message. */
  function expectProblem(what: string, answer: request.Response, status?: number) {
    const seen = { what, status: answer.status, type: answer.headers['content-type'] };
    expect(seen).toEqual({ what, status: status ?? expect.any(Number), type: expect.stringMatching(/^application\/problem\+json/) });
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.status).toBeLessThan(500);
    expect(answer.body).toMatchObject({
      type: expect.stringMatching(/^\/problems\//),
      title: expect.any(String),
      status: answer.status,
      detail: expect.any(String),
    });
  }

  /** Runs a request that must be refused, and checks it appended nothing. */
  async function refused(what: string, run: () => request.Test, status?: number) {
    const before = await headPosition(app);
    const answer = await run();
    expectProblem(what, answer, status);
    expect({ what, head: await headPosition(app) }).toEqual({ what, head: before });
    return answer;
  }

  it('the sweep covers the documented commands', () => {
    expect(commands.length).toBeGreaterThanOrEqual(20);
  });

  it('every command: malformed JSON, a JSON array, string, number or null instead of an object: 400, nothing appended', async () => {
    const bodies: [string, string][] = [
      ['malformed', '{"titleId": "T-1",'],
      ['trailing garbage', '{"a": 1} x'],
      ['array', '[]'],
      ['array of objects', '[{"titleId": "T-1"}]'],
      ['string', '"T-1"'],
      ['number', '42'],
      ['null', 'null'],
    ];
    for (const endpoint of commands) {
      for (const [name, body] of bodies) {
        const answer = await refused(`${endpoint.method} ${endpoint.path} with ${name}`, () =>
          send(endpoint).set('Content-Type', 'application/json').send(body),
        );
        expect(answer.status).toBe(400);
      }
    }
  });

  it('every command: a body over the limit is a 413; unknown fields and prototype keys a 400 listing the fields', async () => {
    const huge = JSON.stringify({ titleId: 'x'.repeat(app.config.BODY_LIMIT_BYTES + 10) });
    for (const endpoint of commands) {
      const what = `${endpoint.method} ${endpoint.path}`;
      const tooLarge = await refused(`${what} with a huge body`, () => send(endpoint).set('Content-Type', 'application/json').send(huge), 413);
      expect(tooLarge.body.type).toBe('/problems/body-too-large');

      const unknown = await refused(`${what} with an unknown field`, () => send(endpoint).send({ surprise: true }), 400);
      expect({ what, fields: unknown.body.errors?.map((error: { field: string }) => error.field) }).toEqual({
        what,
        fields: expect.arrayContaining(['surprise']),
      });
      await refused(`${what} with a prototype key`, () => send(endpoint).set('Content-Type', 'application/json').send('{"__proto__": {"admin": true}}'), 400);
    }
  });

  it('POST /me/holds with every field wrong lists every field', async () => {
    const answer = await refused(
      'place hold',
      () =>
        app
          .http()
          .post('/me/holds')
          .set(bearer(patron))
          .send({ titleId: 123, pickupLocationId: ['central'], contactMethod: 'pigeon', priority: 'high' }),
      400,
    );
    expect(answer.body.type).toBe('/problems/validation-failed');
    expect(answer.body.errors.map((error: { field: string }) => error.field).sort()).toEqual(['contactMethod', 'pickupLocationId', 'priority', 'titleId']);
    for (const error of answer.body.errors) expect(error.messages.length).toBeGreaterThan(0);

    const empty = await refused('place hold with {}', () => app.http().post('/me/holds').set(bearer(patron)).send({}), 400);
    expect(empty.body.errors.map((error: { field: string }) => error.field).sort()).toEqual(['contactMethod', 'pickupLocationId', 'titleId']);
  });

  it('wrong types in staff commands list every field, nested ones with their path', async () => {
    const patronAnswer = await refused(
      'register patron',
      () =>
        app
          .http()
          .post('/staff/patrons')
          .set(bearer(library.staff))
          .send({ cardNumber: 123456789, name: '', birthDate: '01/05/1990', cardExpiresOn: null, wideArea: 'no' }),
      400,
    );
    expect(patronAnswer.body.errors.map((error: { field: string }) => error.field).sort()).toEqual([
      'birthDate',
      'cardExpiresOn',
      'cardNumber',
      'name',
      'wideArea',
    ]);

    const calendar = await refused(
      'calendar',
      () =>
        app
          .http()
          .put('/staff/locations/central/calendar')
          .set(bearer(library.staff))
          .send({
            weeklyClosedDays: [7, 'mon'],
            closedDates: ['2026-13-01'],
            closedRanges: [{ from: 'soon', to: '2027-01-03', extra: 1 }],
            closedOnNationalHolidays: 'yes',
            closedDayAfterNationalHoliday: false,
          }),
      400,
    );
    const fields = calendar.body.errors.map((error: { field: string }) => error.field);
    expect(fields).toEqual(
      expect.arrayContaining(['weeklyClosedDays', 'closedDates', 'closedRanges.0.from', 'closedRanges.0.extra', 'closedOnNationalHolidays']),
    );

    const badDate = await refused('impossible date', () =>
      app
        .http()
        .post('/staff/patrons')
        .set(bearer(library.staff))
        .send({ cardNumber: '100000009', name: 'X', birthDate: '1990-02-30', cardExpiresOn: '2030-03-31', wideArea: false }),
    );
    expect(badDate.body).toMatchObject({ type: '/problems/invalid-date' });
  });

  it('unknown ids: 404 with the kind of thing that is unknown', async () => {
    const cases: [string, () => request.Test, string][] = [
      [
        'hold on an unknown title',
        () => app.http().post('/me/holds').set(bearer(patron)).send({ titleId: 'NOPE', pickupLocationId: 'central', contactMethod: 'none' }),
        'unknown-title',
      ],
      ['cancel an unknown hold', () => app.http().delete('/me/holds/NOPE').set(bearer(patron)), 'unknown-hold'],
      ['staff cancel an unknown hold', () => app.http().delete('/staff/holds/NOPE').set(bearer(library.staff)).send({ reason: 'why not' }), 'unknown-hold'],
      ['history of an unknown hold', () => app.http().get('/staff/holds/NOPE/history').set(bearer(library.staff)), 'unknown-hold'],
      ['an unknown title', () => app.http().get('/staff/titles/NOPE').set(bearer(library.staff)), 'unknown-title'],
      ['an unknown patron', () => app.http().get('/staff/patrons/123456789').set(bearer(library.staff)), 'unknown-patron'],
      [
        'password for an unknown patron',
        () => app.http().post('/staff/patrons/123456789/password').set(bearer(library.staff)).send({ password: 'long-enough' }),
        'unknown-patron',
      ],
      [
        'check in an unknown copy',
        () => app.http().post('/staff/checkins').set(bearer(library.staff)).send({ copyId: 'NOPE', locationId: 'central' }),
        'unknown-copy',
      ],
      [
        'check in at an unknown location',
        () => app.http().post('/staff/checkins').set(bearer(library.staff)).send({ copyId: 'T-1-c1', locationId: 'nowhere' }),
        'unknown-location',
      ],
      [
        'lend to an unknown patron',
        () => app.http().post('/staff/checkouts').set(bearer(library.staff)).send({ copyId: 'T-1-c1', cardNumber: '123456789' }),
        'unknown-patron',
      ],
      [
        'a copy of an unknown title',
        () => app.http().post('/staff/copies').set(bearer(library.staff)).send({ copyId: 'C-X', titleId: 'NOPE', locationId: 'central', loanable: true }),
        'unknown-title',
      ],
      [
        'a calendar of an unknown location',
        () =>
          app
            .http()
            .put('/staff/locations/nowhere/calendar')
            .set(bearer(library.staff))
            .send({ weeklyClosedDays: [], closedDates: [], closedRanges: [], closedOnNationalHolidays: false, closedDayAfterNationalHoliday: false }),
        'unknown-location',
      ],
      ['no such route', () => app.http().get('/me/nothing-here').set(bearer(patron)), 'not-found'],
    ];
    for (const [what, run, code] of cases) {
      const answer = await refused(what, run, 404);
      expect({ what, type: answer.body.type }).toEqual({ what, type: `/problems/${code}` });
    }
  });

  it('bad path parameters: 400 naming the parameter', async () => {
    const cases: [string, () => request.Test, string][] = [
      ['a hold id with spaces', () => app.http().delete('/me/holds/not%20an%20id').set(bearer(patron)), 'holdId'],
      [
        'a hold id too long',
        () =>
          app
            .http()
            .delete(`/me/holds/${'h'.repeat(65)}`)
            .set(bearer(patron)),
        'holdId',
      ],
      ['a card number with letters', () => app.http().get('/staff/patrons/ABC123').set(bearer(library.staff)), 'card'],
      ['a title id with a quote', () => app.http().get("/staff/titles/T'1").set(bearer(library.staff)), 'id'],
      [
        'a location id with unicode',
        () =>
          app
            .http()
            .get(`/staff/locations/${encodeURIComponent('中央')}/hold-shelf`)
            .set(bearer(library.staff)),
        'id',
      ],
    ];
    for (const [what, run, field] of cases) {
      const answer = await refused(what, run, 400);
      expect({ what, fields: answer.body.errors?.map((error: { field: string }) => error.field) }).toEqual({ what, fields: [field] });
    }
  });

  it('bad query parameters: 400 naming the parameter', async () => {
    const cases: [string, string, string[]][] = [
      ['limit 0', '/staff/locations/central/hold-shelf?limit=0', ['limit']],
      ['limit too large', '/staff/locations/central/pull-list?limit=501', ['limit']],
      ['limit not a number', '/staff/locations/central/call-list?limit=ten', ['limit']],
      ['negative offset', '/staff/locations/central/clearance?offset=-1', ['offset']],
      ['an unknown parameter', '/staff/locations/central/hold-shelf?sort=name', ['sort']],
      ['asOf not an instant', `/staff/holds/${'x'}?asOf=yesterday`, ['asOf']],
      ['holidays without dates', '/staff/locations/holidays', ['from', 'to']],
      ['holidays with a bad month', '/staff/locations/holidays?from=2026-13-01&to=2027-01-01', ['from']],
      ['after not a position', '/me/holds?after=soon', ['after']],
    ];
    for (const [what, path, fields] of cases) {
      const token = path.startsWith('/me') ? patron : library.staff;
      const answer = await refused(what, () => app.http().get(path).set(bearer(token)), 400);
      expect({ what, fields: answer.body.errors?.map((error: { field: string }) => error.field).sort() }).toEqual({ what, fields: [...fields].sort() });
    }
  });

  it('a hold placed with input the rules refuse changes nothing either (409/422 with the rule)', async () => {
    await refused(
      'contact method not offered',
      () => app.http().post('/me/holds').set(bearer(patron)).send({ titleId: 'T-1', pickupLocationId: 'central', contactMethod: 'email' }),
      409,
    );
    await refused(
      'same title twice',
      () => app.http().post('/me/holds').set(bearer(patron)).send({ titleId: 'T-1', pickupLocationId: 'central', contactMethod: 'none' }),
      409,
    );
  });
});
