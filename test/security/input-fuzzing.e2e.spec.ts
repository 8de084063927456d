import fc from 'fast-check';
import { LibraryFixture } from '../support/library-fixture';
import { problemFaults } from './support/answer-checks';
import { credentialsFor, rightfulCaller, type Credentials } from './support/credentials';
import { concretePath, loadOperations, type Operation } from './support/openapi';
import { requestsFor, type FuzzRequest } from './support/schema-arbitraries';
import { appendedBy, startSecurityApp, type SecurityApp } from './support/security-app';

/** Fixed, so a failure replays; FUZZ_SEED and FUZZ_RUNS explore further. */
const SEED = Number(process.env.FUZZ_SEED ?? 20261123);
const RUNS = Number(process.env.FUZZ_RUNS ?? 60);

describe('I8 fuzzed input on every operation of the OpenAPI document (fast-check)', () => {
  let secured: SecurityApp;
  let operations: Operation[];
  let credentials: Credentials;
  let sequence = 0;
  const answered = { accepted: 0, refused: 0 };

  beforeAll(async () => {
    secured = await startSecurityApp();
    const library = await LibraryFixture.create(secured.app);
    // The document's examples name these, so well-shaped requests get past "unknown id" into the rules.
    await library.location('central');
    await library.title('T-1001');
    await library.copy('C-1001-1', 'T-1001', 'central');
    await library.patron('123456789');
    credentials = await credentialsFor(library);
    operations = await loadOperations(secured.app);
  });
  afterAll(() => secured.close());

  async function send(operation: Operation, fuzz: FuzzRequest) {
    const correlationId = `fuzz-${++sequence}`;
    const path = concretePath(operation, fuzz.segments) + (fuzz.query ? `?${fuzz.query}` : '');
    const request = secured.app
      .http()
      [operation.method](path)
      .set(credentials[rightfulCaller(operation.key)])
      .set(fuzz.headers)
      .set('X-Correlation-Id', correlationId);
    const response = await (fuzz.body === undefined ? request : request.set('Content-Type', 'application/json').send(JSON.stringify(fuzz.body)));
    return { response, correlationId };
  }

  it(`never a 5xx; every 4xx is problem+json with type, title and status, appends nothing and pollutes no prototype (seed ${SEED}, ${RUNS} runs per operation)`, async () => {
    const failures: string[] = [];
    for (const operation of operations) {
      const property = fc.asyncProperty(requestsFor(operation), async (fuzz) => {
        const before = await secured.store.headPosition();
        const { response, correlationId } = await send(operation, fuzz);
        const faults = problemFaults(response);
        answered[response.status < 400 ? 'accepted' : 'refused'] += 1;
        if (response.status >= 400 && response.status < 500) {
          const appended = await appendedBy(secured.store, before, correlationId);
          if (appended.length > 0) faults.push(`a ${response.status} appended ${appended.map((event) => event.type).join(', ')}`);
        }
        const polluted = Object.getOwnPropertyNames(Object.prototype).filter((name) => !OBJECT_PROTOTYPE.has(name));
        if (polluted.length > 0) faults.push(`Object.prototype gained ${polluted.join(', ')}`);
        if (faults.length > 0) throw new Error(`${response.status} ${response.text.slice(0, 300)}\n${faults.join('\n')}`);
      });
      const run = await fc.check(property, { seed: SEED, numRuns: RUNS });
      if (run.failed)
        failures.push(
          `${operation.key} (FUZZ_SEED=${SEED}, path ${run.counterexamplePath}): ${String(run.errorInstance)}\n  request: ${abbreviated(run.counterexample)}`,
        );
    }
    expect(failures).toEqual([]);
    // The generators reach both sides: some requests get through to the rules, others are refused.
    expect(answered.accepted).toBeGreaterThan(operations.length);
    expect(answered.refused).toBeGreaterThan(operations.length);
  }, 120_000);
});

const OBJECT_PROTOTYPE = new Set(Object.getOwnPropertyNames(Object.prototype));

/** A counterexample small enough to read: long strings cut to their start and length. */
function abbreviated(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => (typeof item === 'string' && item.length > 80 ? `${item.slice(0, 40)}…(${item.length} chars)` : item));
}
