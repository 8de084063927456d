import { gzipSync } from 'node:zlib';
import { LibraryFixture } from '../support/library-fixture';
import { problemFaults } from './support/answer-checks';
import { credentialsFor, rightfulCaller, type Credentials } from './support/credentials';
import { concretePath, examplePathSegments, loadOperations, type Operation } from './support/openapi';
import { appendedBy, startSecurityApp, type SecurityApp } from './support/security-app';

interface RawBody {
  name: string;
  body: string | Buffer;
  headers?: Record<string, string>;
  expected: { status: number; type: string };
}

const nested = (depth: number) => `{"x":${'['.repeat(depth)}${']'.repeat(depth)}}`;

/** Bodies no endpoint accepts, each with the stable problem type clients can switch on (I8). */
function rawBodies(limitBytes: number): RawBody[] {
  const malformed = { status: 400, type: '/problems/malformed-json' };
  const notAnObject = { status: 400, type: '/problems/validation-failed' };
  return [
    { name: 'cut-off JSON', body: '{"titleId": "T-1', expected: malformed },
    { name: 'a trailing comma', body: '{"a": 1,}', expected: malformed },
    { name: 'single quotes', body: "{'a': 1}", expected: malformed },
    { name: 'not JSON at all', body: 'titleId=T-1&x=1', expected: malformed },
    { name: 'a NUL byte', body: '\u0000', expected: malformed },
    { name: 'an array', body: '[{"titleId": "T-1"}]', expected: notAnObject },
    { name: 'a string', body: '"T-1"', expected: notAnObject },
    { name: 'a number', body: '42', expected: notAnObject },
    { name: 'true', body: 'true', expected: notAnObject },
    { name: 'null', body: 'null', expected: notAnObject },
    { name: 'a __proto__ key', body: '{"__proto__": {"isAdmin": true}}', expected: notAnObject },
    { name: 'a constructor.prototype key', body: '{"constructor": {"prototype": {"isAdmin": true}}}', expected: notAnObject },
    { name: 'nesting 5000 levels deep', body: nested(5000), expected: { status: 400, type: '/problems/body-too-deeply-nested' } },
    { name: 'one byte over the body limit', body: JSON.stringify({ x: 'a'.repeat(limitBytes) }), expected: { status: 413, type: '/problems/body-too-large' } },
    {
      name: 'a gzip body that is not gzip',
      body: '{"a": 1}',
      headers: { 'Content-Encoding': 'gzip' },
      expected: { status: 400, type: '/problems/unreadable-body' },
    },
    {
      name: 'a truncated gzip body',
      body: gzipSync('{"a": 1}').subarray(0, 12),
      headers: { 'Content-Encoding': 'gzip' },
      expected: { status: 400, type: '/problems/unreadable-body' },
    },
    {
      name: 'an unknown encoding',
      body: '{}',
      headers: { 'Content-Encoding': 'x-unknown' },
      expected: { status: 415, type: '/problems/unsupported-body-encoding' },
    },
    {
      name: 'a non-UTF-8 charset',
      body: '{}',
      headers: { 'Content-Type': 'application/json; charset=latin1' },
      expected: { status: 415, type: '/problems/unsupported-body-encoding' },
    },
  ];
}

describe('I8 unreadable and non-object JSON bodies on every operation that takes a body', () => {
  let secured: SecurityApp;
  let operations: Operation[];
  let credentials: Credentials;
  let sequence = 0;

  beforeAll(async () => {
    secured = await startSecurityApp();
    credentials = await credentialsFor(await LibraryFixture.create(secured.app));
    operations = (await loadOperations(secured.app)).filter((operation) => operation.body !== null);
  });
  afterAll(() => secured.close());

  it('the document has operations with bodies to try', () => {
    expect(operations.length).toBeGreaterThan(10);
  });

  it('each answers 4xx with the stable problem type, a detail that says what is wrong, and appends nothing', async () => {
    const mismatches: string[] = [];
    for (const operation of operations) {
      const path = concretePath(operation, examplePathSegments(operation));
      for (const raw of rawBodies(secured.app.config.BODY_LIMIT_BYTES)) {
        const correlationId = `raw-body-${++sequence}`;
        const before = await secured.store.headPosition();
        const response = await secured.app
          .http()
          [operation.method](path)
          .set(credentials[rightfulCaller(operation.key)])
          .set({ 'Content-Type': 'application/json', 'X-Correlation-Id': correlationId, ...raw.headers })
          .send(raw.body);
        const got = { status: response.status, type: response.body?.type };
        const faults = [
          ...problemFaults(response),
          ...(got.status === raw.expected.status && got.type === raw.expected.type
            ? []
            : [`expected ${raw.expected.status} ${raw.expected.type}, got ${got.status} ${got.type}`]),
          ...(typeof response.body?.detail === 'string' && response.body.detail.length > 0 ? [] : ['no detail']),
          ...(await appendedBy(secured.store, before, correlationId)).map((event) => `appended ${event.type}`),
        ];
        if (faults.length > 0) mismatches.push(`${operation.key} with ${raw.name}: ${faults.join('; ')}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it.each([
    ['{"cardNumber": "123456789", "password": secret-value}', /^The request body is not valid JSON \(unexpected "s"\)\.$/],
    ['{"cardNumber": "123456789", "password": "secret-value"', /^The request body is not valid JSON \(at character 54\)\.$/],
    ['{"cardNumber": "123456789", "password": "secret-value', /^The request body is not valid JSON \((at character \d+|it ends too early)\)\.$/],
    ['{"cardNumber": "123456789", secret-value: 1}', /^The request body is not valid JSON \(at character 28\)\.$/],
  ])('malformed JSON says where parsing stopped, without echoing the body back: %s', async (body, where) => {
    const response = await secured.app.http().post('/auth/login').set('Content-Type', 'application/json').send(body).expect(400);
    expect(response.body).toEqual({
      type: '/problems/malformed-json',
      title: 'Malformed JSON',
      status: 400,
      detail: expect.stringMatching(where),
      instance: '/auth/login',
    });
    expect(response.text).not.toContain('secret-value');
  });

  it('a body that is not an object names the body as the field to fix', async () => {
    const response = await secured.app.http().post('/auth/login').set('Content-Type', 'application/json').send('["123456789", "password"]').expect(400);
    expect(response.body).toMatchObject({
      type: '/problems/validation-failed',
      errors: [{ field: '(body)', messages: [expect.stringContaining('JSON object')] }],
    });
  });
});
