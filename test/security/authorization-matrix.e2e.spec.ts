import type { Response } from 'supertest';
import { LibraryFixture } from '../support/library-fixture';
import { ACCESS, type Access } from './access-policy';
import { CALLERS, credentialsFor, KIND_OF, PATRON_A, type Caller, type Credentials } from './support/credentials';
import { concretePath, examplePathSegments, loadOperations, percentEncode, type Operation } from './support/openapi';
import { appendedBy, startSecurityApp, type SecurityApp } from './support/security-app';

type Expected = 'unauthenticated' | 'forbidden' | 'allowed';

function expectedAnswer(access: Access, caller: Caller): Expected {
  const who = KIND_OF[caller];
  switch (access.kind) {
    case 'public':
      return 'allowed';
    case 'patron':
      return who.kind === 'anonymous' ? 'unauthenticated' : who.kind === 'patron' ? 'allowed' : 'forbidden';
    case 'staff':
      if (who.kind === 'anonymous') return 'unauthenticated';
      return who.kind === 'staff' && access.roles.includes(who.role) ? 'allowed' : 'forbidden';
    default: {
      const unreachable: never = access;
      throw new Error(`unknown access ${JSON.stringify(unreachable)}`);
    }
  }
}

/** Why an answer does not match, or null when it does. A refused call is a problem+json of the right type. */
function mismatch(expected: Expected, response: Response): string | null {
  const type = response.body?.type as string | undefined;
  switch (expected) {
    case 'unauthenticated':
      if (response.status !== 401 || type !== '/problems/unauthenticated') return `expected 401 unauthenticated, got ${response.status} ${type}`;
      return response.headers['www-authenticate'] === 'Bearer' ? null : 'a 401 without WWW-Authenticate: Bearer';
    case 'forbidden':
      return response.status === 403 && type === '/problems/forbidden' ? null : `expected 403 forbidden, got ${response.status} ${type}`;
    case 'allowed':
      return response.status !== 401 && response.status !== 403 ? null : `expected to pass authorization, got ${response.status} ${type}`;
    default: {
      const unreachable: never = expected;
      throw new Error(`unknown expectation ${String(unreachable)}`);
    }
  }
}

describe('I7 authorization matrix, generated from the OpenAPI document', () => {
  let secured: SecurityApp;
  let operations: Operation[];
  let credentials: Credentials;
  let holdOfA: string;
  let correlation = 0;

  beforeAll(async () => {
    secured = await startSecurityApp();
    const { app } = secured;
    const library = await LibraryFixture.create(app);
    await library.location('central');
    await library.title('T-1');
    await library.copy('C-1', 'T-1', 'central');
    // Library B holds only titles with no copy on the shelf (R9): the one copy goes out first.
    await library.patron('200000003');
    await library.checkout('C-1', '200000003');
    credentials = await credentialsFor(library);
    const placed = await app
      .http()
      .post('/me/holds')
      .set(credentials['patron A'])
      .send({ titleId: 'T-1', pickupLocationId: 'central', contactMethod: 'phone' })
      .expect(201);
    holdOfA = placed.body.holdId;
    operations = await loadOperations(app);
  });
  afterAll(() => secured.close());

  /** Each matrix request carries its own correlation id, so the test can look for anything it appended. */
  function call(operation: Operation, path: string, headers: Record<string, string>) {
    const request = secured.app.http()[operation.method](path).set(headers).set('X-Correlation-Id', `matrix-${++correlation}`);
    // An empty object: a caller who passes the guards gets a validation problem, so the matrix changes nothing.
    return operation.body ? request.send({}) : request;
  }

  it('every operation of the document is classified in access-policy.ts, and the table names no operation the API lacks', () => {
    const documented = operations.map((operation) => operation.key).sort();
    expect(documented.filter((key) => !(key in ACCESS))).toEqual([]);
    expect(Object.keys(ACCESS).filter((key) => !documented.includes(key))).toEqual([]);
  });

  it('the table agrees with the paths: /me is for patrons, /staff for staff (but its login), and the document marks every non-public operation as needing a bearer token', () => {
    const disagreements = operations.flatMap((operation) => {
      const access = ACCESS[operation.key];
      if (!access) return [];
      const byPath = operation.path.startsWith('/me')
        ? 'patron'
        : operation.path.startsWith('/staff') && operation.key !== 'POST /staff/auth/login'
          ? 'staff'
          : 'public';
      const problems = access.kind === byPath ? [] : [`${operation.key}: classified ${access.kind}, path says ${byPath}`];
      return access.kind !== 'public' && !operation.documentedAsSecured ? [...problems, `${operation.key}: no bearer security in the document`] : problems;
    });
    expect(disagreements).toEqual([]);
  });

  it('every operation × every caller gets the answer its class allows: 401 for missing, expired, malformed or forged tokens, 403 for the wrong kind or role, through otherwise', async () => {
    const before = await secured.store.headPosition();
    const mismatches: string[] = [];
    for (const operation of operations) {
      const access = ACCESS[operation.key];
      if (!access) continue;
      const path = concretePath(operation, examplePathSegments(operation));
      for (const caller of CALLERS) {
        const response = await call(operation, path, credentials[caller]);
        const wrong = mismatch(expectedAnswer(access, caller), response);
        if (wrong) mismatches.push(`${operation.key} as ${caller}: ${wrong}`);
      }
    }
    expect(mismatches).toEqual([]);
    const written = (await secured.store.readAll({ after: before })).filter((event) => event.metadata.correlationId.startsWith('matrix-'));
    expect(written.map((event) => `${event.type} (${event.metadata.correlationId})`)).toEqual([]);
  });

  it("patron B never reaches patron A's hold: every /me operation with a {holdId} answers 404 and leaves it as it was", async () => {
    const withHoldId = operations.filter(
      (operation) => ACCESS[operation.key]?.kind === 'patron' && operation.pathParams.some((parameter) => parameter.name === 'holdId'),
    );
    expect(withHoldId.map((operation) => operation.key)).toContain('DELETE /me/holds/{holdId}');
    for (const operation of withHoldId) {
      const position = await secured.store.headPosition();
      const correlationId = `matrix-b-${operation.method}`;
      const path = concretePath(operation, { ...examplePathSegments(operation), holdId: percentEncode(holdOfA) });
      const request = secured.app.http()[operation.method](path).set(credentials['patron B']).set('X-Correlation-Id', correlationId);
      const response = await (operation.body ? request.send({}) : request);
      expect({ operation: operation.key, status: response.status, type: response.body.type }).toEqual({
        operation: operation.key,
        status: 404,
        type: expect.stringMatching(/^\/problems\/(unknown-hold|not-found)$/),
      });
      expect(await appendedBy(secured.store, position, correlationId)).toEqual([]);
    }
    const stillThere = await secured.app.http().get('/me/holds').set(credentials['patron A']).expect(200);
    expect(stillThere.body.items).toEqual([expect.objectContaining({ holdId: holdOfA, status: 'waiting' })]);
  });

  it("patron B's own lists never mention patron A's card or hold (every patron GET without path parameters)", async () => {
    const lists = operations.filter((operation) => ACCESS[operation.key]?.kind === 'patron' && operation.method === 'get' && operation.pathParams.length === 0);
    expect(lists.length).toBeGreaterThan(0);
    for (const operation of lists) {
      const response = await secured.app.http().get(operation.path).set(credentials['patron B']).expect(200);
      expect({ operation: operation.key, leaks: [holdOfA, PATRON_A.cardNumber].filter((secret) => response.text.includes(secret)) }).toEqual({
        operation: operation.key,
        leaks: [],
      });
    }
  });

  it("staff see patron A's hold, so the 404 above is isolation and not a bad id", async () => {
    await secured.app.http().get(`/staff/holds/${holdOfA}`).set(credentials['staff admin']).expect(200);
  });
});
