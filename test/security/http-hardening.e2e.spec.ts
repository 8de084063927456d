import { bearer, LibraryFixture, staffToken } from '../support/library-fixture';
import { internalsIn } from './support/answer-checks';
import { startLoggedApp, type LoggedApp } from './support/logged-app';
import { concretePath, examplePathSegments, loadOperations } from './support/openapi';

/** What helmet sets and what the app must not advertise. HSTS is sent over HTTPS only (what-is-never-shown.e2e.spec.ts). */
const SECURITY_HEADERS: Record<string, string | RegExp> = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'SAMEORIGIN',
  'content-security-policy': /(^|; )default-src 'self'(;|$)/,
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'x-permitted-cross-domain-policies': 'none',
};

function missingSecurityHeaders(headers: Record<string, string>): string[] {
  const missing = Object.entries(SECURITY_HEADERS)
    .filter(([name, expected]) => (typeof expected === 'string' ? headers[name] !== expected : !expected.test(headers[name] ?? '')))
    .map(([name]) => `${name}: ${headers[name]}`);
  return headers['x-powered-by'] ? [...missing, `x-powered-by: ${headers['x-powered-by']}`] : missing;
}

describe('security basics over HTTP', () => {
  let app: LoggedApp;
  let library: LibraryFixture;
  let patron: string;

  beforeAll(async () => {
    app = await startLoggedApp();
    library = await LibraryFixture.create(app);
    patron = await library.patron('300000001', 'a patron password');
  });
  afterAll(() => app.close());

  it('every documented operation, the documents, the web pages and error answers carry the security headers (helmet) and no X-Powered-By', async () => {
    const operations = await loadOperations(app);
    const answers = [
      ...(await Promise.all(
        operations.map(async (operation) => ({
          what: operation.key,
          response: await app.http()[operation.method](concretePath(operation, examplePathSegments(operation))),
        })),
      )),
      { what: 'GET /openapi.json', response: await app.http().get('/openapi.json') },
      { what: 'the staff console', response: await app.http().get('/console') },
      { what: 'the patron page', response: await app.http().get('/patron/holds') },
      { what: 'an unknown path', response: await app.http().get('/no-such-thing') },
      { what: 'malformed JSON', response: await app.http().post('/auth/login').set('Content-Type', 'application/json').send('{') },
    ];
    const faults = answers
      .map(({ what, response }) => ({ what, missing: missingSecurityHeaders(response.headers) }))
      .filter(({ missing }) => missing.length > 0);
    expect(faults).toEqual([]);
  });

  it('an internal error answers a generic 500 problem (no stack, path or driver message) and is logged in full for operators', async () => {
    const staff = await staffToken(app);
    app.store.failing = true;
    try {
      const login = await app
        .http()
        .post('/auth/login')
        .set('X-Correlation-Id', 'internal-error-1')
        .send({ cardNumber: '300000001', password: 'a patron password' });
      const history = await app.http().get('/staff/patrons/300000001/history').set(bearer(staff)).set('X-Correlation-Id', 'internal-error-2');
      for (const [response, instance] of [
        [login, '/auth/login'],
        [history, '/staff/patrons/300000001/history'],
      ] as const) {
        expect(response.status).toBe(500);
        expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(response.body).toEqual({
          type: '/problems/internal-error',
          title: 'Internal error',
          status: 500,
          detail: 'Something went wrong on our side; it has been logged.',
          instance,
        });
        expect(internalsIn(response.text)).toEqual([]);
        expect(response.text).not.toMatch(/EIO|data\.mdb|readStream|stack/i);
      }
    } finally {
      app.store.failing = false;
    }
    const logged = app.logLines.filter((line) => line.includes('internal-error-1') && line.includes('EIO'));
    expect(logged.length).toBeGreaterThan(0);
    expect(JSON.parse(logged[0])).toMatchObject({ level: 50, err: { stack: expect.stringContaining('at FailingEventStore') } });
  });

  it('tokens expire after TOKEN_TTL_SECONDS by the clock: patron and staff tokens work until then, and answer 401 after', async () => {
    const staff = await staffToken(app);
    const fresh = await library.patron('300000002', 'another patron password');
    const ttl = app.config.TOKEN_TTL_SECONDS;
    const issuedAt = app.clock.now().getTime();
    app.clock.set(new Date(issuedAt + (ttl - 1) * 1000));
    await app.http().get('/me').set(bearer(fresh)).expect(200);
    await app.http().get('/staff/locations').set(bearer(staff)).expect(200);
    app.clock.set(new Date(issuedAt + (ttl + 1) * 1000));
    for (const response of [await app.http().get('/me').set(bearer(fresh)), await app.http().get('/staff/locations').set(bearer(staff))]) {
      expect(response.status).toBe(401);
      expect(response.body.type).toBe('/problems/unauthenticated');
    }
  });

  it('the Authorization header (and cookies) never reach the logs, whatever the answer', async () => {
    const staff = await staffToken(app);
    const sent = [
      { token: patron, path: '/me' },
      { token: staff, path: '/staff/locations' },
      { token: `${staff}tampered`, path: '/staff/locations' },
      { token: staff, path: '/staff/titles/no-such-title' },
    ];
    app.logLines.length = 0;
    for (const { token, path } of sent) {
      await app.http().get(path).set(bearer(token)).set('Cookie', 'session=cookie-secret-value');
    }
    app.store.failing = true;
    try {
      await app.http().get('/staff/patrons/300000001/history').set(bearer(staff)).set('Cookie', 'session=cookie-secret-value').expect(500);
    } finally {
      app.store.failing = false;
    }
    const logs = app.logLines.join('');
    // The requests were logged (with their headers), so the absence below means redaction, not silence.
    expect(logs).toContain('"url":"/staff/titles/no-such-title"');
    expect(logs).toContain('"authorization":"[Redacted]"');
    const tokenParts = [patron, staff].flatMap((token) => token.split('.'));
    expect(tokenParts.filter((part) => logs.includes(part))).toEqual([]);
    expect(logs).not.toMatch(/Bearer /);
    expect(logs).not.toContain('cookie-secret-value');
  });
});
