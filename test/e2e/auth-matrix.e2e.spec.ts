import jwt from 'jsonwebtoken';
import type request from 'supertest';
import { bearer, LibraryFixture, patronToken } from '../support/library-fixture';
import { startTestApp, type TestApp } from '../support/test-app';

const LENDER = '900000001';
const A = '100000001';
const B = '100000002';

type Method = 'get' | 'post' | 'put' | 'delete';
interface Endpoint {
  method: Method;
  path: string;
}

const call = (app: TestApp, { method, path }: Endpoint, token?: string): request.Test => {
  const test = app.http()[method](path);
  if (token) test.set(bearer(token));
  return method === 'get' ? test : test.send({});
};

const label = ({ method, path }: Endpoint) => `${method.toUpperCase()} ${path}`;

/** The answer is a problem+json with this status; the request line is in the failure message. */
function expectProblem(answer: request.Response, status: number) {
  const { method, url } = (answer as request.Response & { request: { method: string; url: string } }).request;
  const endpoint = `${method} ${new URL(url).pathname}`;
  expect({ endpoint, status: answer.status }).toEqual({ endpoint, status });
  expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(answer.body).toMatchObject({ type: expect.any(String), title: expect.any(String), status });
}

/** I7: a patron sees and changes only their own data; staff endpoints need a staff credential, and the right role. */
describe('I7: who may call what', () => {
  let app: TestApp;
  let library: LibraryFixture;
  let patronA: string;
  let patronB: string;
  let waitingA: string;
  let readyA: string;
  let staffEndpoints: Endpoint[];
  const patronEndpoints = (holdId: string): Endpoint[] => [
    { method: 'get', path: '/me' },
    { method: 'get', path: '/me/loans' },
    { method: 'get', path: '/me/holds' },
    { method: 'get', path: '/me/holds/ready' },
    { method: 'post', path: '/me/holds' },
    { method: 'post', path: '/me/holds/batch' },
    { method: 'delete', path: `/me/holds/${holdId}` },
    { method: 'put', path: '/me/email' },
    { method: 'put', path: '/me/password' },
  ];

  beforeAll(async () => {
    app = await startTestApp();
    library = await LibraryFixture.create(app);
    await library.location('central');
    await library.registerOnly(LENDER);
    await library.titleOnLoan('T-WAIT', 'central', LENDER);
    await library.titleOnLoan('T-READY', 'central', LENDER);
    patronA = await library.patron(A);
    patronB = await library.patron(B);
    waitingA = (await library.placeHold(patronA, 'T-WAIT', 'central').expect(201)).body.holdId;
    readyA = (await library.placeHold(patronA, 'T-READY', 'central').expect(201)).body.holdId;
    await library.checkin('T-READY-c1', 'central');

    // Every staff route the API documents, with its path parameters filled in.
    const openApi = (await app.http().get('/openapi.json').expect(200)).body as { paths: Record<string, Record<string, unknown>> };
    const idFor = (path: string) => (path.startsWith('/staff/titles/') ? 'T-WAIT' : path.startsWith('/staff/copies/') ? 'T-WAIT-c1' : 'central');
    const fill = (path: string) => path.replace('{holdId}', waitingA).replace('{card}', A).replace('{id}', idFor(path));
    staffEndpoints = Object.entries(openApi.paths)
      .filter(([path]) => path.startsWith('/staff/') && path !== '/staff/auth/login')
      .flatMap(([path, operations]) => Object.keys(operations).map((method) => ({ method: method as Method, path: fill(path) })));
  });
  afterAll(() => app.close());

  it('the API documents the staff endpoints the matrix walks through', () => {
    expect(staffEndpoints.length).toBeGreaterThanOrEqual(25);
    expect(staffEndpoints.map(label)).toEqual(expect.arrayContaining(['POST /staff/checkins', 'POST /staff/accounts', `DELETE /staff/holds/${waitingA}`]));
  });

  it('patron endpoints without a token, with a malformed, forged or unsigned token: 401 with WWW-Authenticate', async () => {
    const forged = jwt.sign({ sub: A, kind: 'patron' }, 'another-secret-another-secret-another-secret', { algorithm: 'HS256', expiresIn: 600 });
    const unsigned = jwt.sign({ sub: A, kind: 'patron' }, '', { algorithm: 'none' });
    for (const endpoint of patronEndpoints(waitingA)) {
      for (const token of [undefined, 'not-a-jwt', forged, unsigned]) {
        const answer = await call(app, endpoint, token);
        expectProblem(answer, 401);
        expect(answer.headers['www-authenticate']).toBe('Bearer');
      }
    }
  });

  it('patron endpoints with a staff token: 403', async () => {
    for (const endpoint of patronEndpoints(waitingA)) expectProblem(await call(app, endpoint, library.staff), 403);
  });

  it('patron B never sees patron A’s holds, and cancelling one answers 404 (as for a hold that does not exist), not 403', async () => {
    const holdsOfB = await app.http().get('/me/holds').set(bearer(patronB)).expect(200);
    const readyOfB = await app.http().get('/me/holds/ready').set(bearer(patronB)).expect(200);
    expect(holdsOfB.body.items).toEqual([]);
    expect(readyOfB.body.items).toEqual([]);
    expect((await app.http().get('/me').set(bearer(patronB)).expect(200)).body).toMatchObject({ cardNumber: B, activeHolds: 0 });

    for (const holdId of [waitingA, readyA]) {
      const answer = await app.http().delete(`/me/holds/${holdId}`).set(bearer(patronB));
      expectProblem(answer, 404);
      expect(answer.body).toMatchObject({ type: '/problems/unknown-hold' });
    }
    const unknown = await app.http().delete('/me/holds/no-such-hold').set(bearer(patronB));
    expectProblem(unknown, 404);
    expect(unknown.body.type).toBe('/problems/unknown-hold');

    expect((await app.http().get('/me/holds').set(bearer(patronA)).expect(200)).body.items).toEqual([expect.objectContaining({ holdId: waitingA })]);
    expect((await app.http().get('/me/holds/ready').set(bearer(patronA)).expect(200)).body.items).toEqual([expect.objectContaining({ holdId: readyA })]);
    expect((await library.holdHistory(waitingA)).map((entry) => entry.type)).toEqual(['HoldSlotClaimed', 'HoldPlaced']);
  });

  it('staff endpoints without a token: 401; with a patron token: 403', async () => {
    for (const endpoint of staffEndpoints) {
      expectProblem(await call(app, endpoint), 401);
      expectProblem(await call(app, endpoint, patronA), 403);
    }
  });

  it('staff roles: an auditor only reads; circulation staff work the desk but cannot create locations or accounts; an admin may do everything', async () => {
    const auditor = await library.staffMember('auditor1', ['auditor']);
    const desk = await library.staffMember('desk1', ['circulation']);
    const adminOnly = ['POST /staff/locations', 'POST /staff/accounts'];
    // What the desk does all day.
    const deskWork = [
      'POST /staff/checkins',
      'POST /staff/checkouts',
      'POST /staff/holds',
      `DELETE /staff/holds/${waitingA}`,
      `POST /staff/holds/${waitingA}/contacts`,
      'POST /staff/hold-shelf/clearances',
      'POST /staff/patrons',
      `POST /staff/patrons/${A}/password`,
      `POST /staff/patrons/${A}/renewal`,
      'POST /staff/titles',
      'POST /staff/copies',
      'PUT /staff/locations/central/calendar',
      'GET /staff/locations/central/hold-shelf',
      `GET /staff/patrons/${A}`,
    ];
    expect(staffEndpoints.map(label)).toEqual(expect.arrayContaining(deskWork));
    // What auditors are for: the history of holds, patrons, titles and copies, and a hold as of any instant.
    const audits = [
      `GET /staff/holds/${waitingA}/history`,
      `GET /staff/holds/${waitingA}`,
      `GET /staff/patrons/${A}/history`,
      'GET /staff/titles/T-WAIT/history',
      'GET /staff/copies/T-WAIT-c1/history',
    ];

    for (const endpoint of staffEndpoints) {
      const auditorAnswer = await call(app, endpoint, auditor);
      if (endpoint.method !== 'get') expectProblem(auditorAnswer, 403);
      else if (audits.includes(label(endpoint)))
        expect({ endpoint: label(endpoint), status: auditorAnswer.status }).toEqual({ endpoint: label(endpoint), status: 200 });

      const deskAnswer = await call(app, endpoint, desk);
      if (adminOnly.includes(label(endpoint))) expectProblem(deskAnswer, 403);
      else if (deskWork.includes(label(endpoint)))
        expect({ endpoint: label(endpoint), status: deskAnswer.status }).not.toEqual({ endpoint: label(endpoint), status: 403 });

      const adminAnswer = await call(app, endpoint, library.staff);
      expect([401, 403]).not.toContain(adminAnswer.status);
      expect(adminAnswer.status).toBeLessThan(500);
    }

    const checkin = await app.http().post('/staff/checkins').set(bearer(auditor)).send({ copyId: 'T-WAIT-c1', locationId: 'central' });
    expectProblem(checkin, 403);
    expect(checkin.body.detail).toMatch(/circulation/);
    await app.http().get(`/staff/holds/${waitingA}/history`).set(bearer(auditor)).expect(200);
  });

  it('once TOKEN_TTL_SECONDS have passed, patron and staff tokens answer 401 everywhere; a new login works', async () => {
    app.clock.set(new Date(app.clock.now().getTime() + (app.config.TOKEN_TTL_SECONDS + 1) * 1000));
    for (const endpoint of patronEndpoints(waitingA)) expectProblem(await call(app, endpoint, patronA), 401);
    for (const endpoint of staffEndpoints) expectProblem(await call(app, endpoint, library.staff), 401);

    const fresh = await patronToken(app, A, 'patron-password');
    expect((await app.http().get('/me/holds').set(bearer(fresh)).expect(200)).body.items).toHaveLength(1);
  });
});
