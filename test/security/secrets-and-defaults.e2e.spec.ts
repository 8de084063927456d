import { createHmac } from 'node:crypto';
import { chmod, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import jwt from 'jsonwebtoken';
import { bearer } from '../support/library-fixture';
import { startTestApp, type TestApp } from '../support/test-app';
import { TEST_TOKEN_SECRET } from '../support/test-secrets';
import { startEntryPoint, type EntryPointProcess } from './support/entry-point-process';

/** What the repository signed every token with before issue 12: anyone who read it could mint an admin token. */
const OLD_REPOSITORY_SECRET = 'development-only-token-secret-change-me!';
const OLD_ADMIN_PASSWORD = 'change-me-now';
const PRINTED_PASSWORD = /First staff administrator: admin, password: (\S+)/g;
const STRONG_SECRET = 'q7HfY2vR9kLx0pWm3ZtB8nCe5JuGs1aDo4VyXiK6QhTlNbMrE+PzwUcFjS/g2dOA';
const STRONG_PASSWORD = 'Quiet-Lantern-Orchard-42';

const now = () => Math.floor(Date.now() / 1000);
const adminClaims = { sub: 'admin', kind: 'staff', roles: ['admin'] };

async function call(baseUrl: string, path: string, init: { token?: string; body?: unknown } = {}): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${baseUrl}${path}`, {
    method: init.body === undefined ? 'GET' : 'POST',
    headers: { ...(init.token ? { Authorization: `Bearer ${init.token}` } : {}), ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

/** Whether a TCP connection to address:port is accepted. */
function accepts(address: string, port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect({ host: address, port, timeout: 2000 });
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      done(false);
    });
    socket.once('error', () => done(false));
  });
}

const login = (baseUrl: string, staffId: string, password: string) => call(baseUrl, '/staff/auth/login', { body: { staffId, password } });

describe('npm start with nothing configured: no public secret, no known password, loopback only (issue 12: secrets and defaults)', () => {
  let dataDir: string;
  let first: EntryPointProcess | undefined;
  let second: EntryPointProcess | undefined;
  let firstBaseUrl: string;
  let firstAddress: string;
  let printed: string[];
  let secretPath: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'holds-fresh-start-'));
    secretPath = join(dataDir, 'secrets', 'token-secret');
    first = startEntryPoint('apps/server/src/main.ts', { DATA_DIR: dataDir, PORT: '0' });
    ({ baseUrl: firstBaseUrl, address: firstAddress } = await first.listening());
    printed = [...first.stdout().matchAll(PRINTED_PASSWORD)].map((match) => match[1]);
  }, 120_000);

  afterAll(async () => {
    await first?.stop();
    await second?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("listens on 127.0.0.1 when HOST is not set: not reachable on the machine's other addresses", async () => {
    expect(firstAddress).toBe('127.0.0.1');
    const port = Number(new URL(firstBaseUrl).port);
    expect(await accepts('127.0.0.1', port)).toBe(true);
    const external = Object.values(networkInterfaces())
      .flat()
      .find((address) => address?.family === 'IPv4' && !address.internal)?.address;
    if (external) expect({ external, accepts: await accepts(external, port) }).toEqual({ external, accepts: false });
  });

  it('generates the token secret in DATA_DIR/secrets/token-secret, readable by its owner only (mode 0600)', async () => {
    const file = await stat(secretPath);
    expect((file.mode & 0o777).toString(8)).toBe('600');
    expect((await readFile(secretPath, 'utf8')).trim().length).toBeGreaterThanOrEqual(64);
  });

  it('refuses an admin token signed with the old repository secret', async () => {
    const forged = jwt.sign({ ...adminClaims, iat: now(), exp: now() + 600 }, OLD_REPOSITORY_SECRET, { algorithm: 'HS256' });
    expect((await call(firstBaseUrl, '/staff/locations', { token: forged })).status).toBe(401);
    // The stored secret is the key: the same claims signed with it pass, so the refusal above is the secret's.
    const stored = (await readFile(secretPath, 'utf8')).trim();
    const genuine = jwt.sign({ ...adminClaims, iat: now(), exp: now() + 600 }, stored, { algorithm: 'HS256' });
    expect((await call(firstBaseUrl, '/staff/locations', { token: genuine })).status).toBe(200);
  });

  it('does not let admin / change-me-now log in', async () => {
    expect((await login(firstBaseUrl, 'admin', OLD_ADMIN_PASSWORD)).status).toBe(401);
  });

  it('prints a random first administrator password once, on stdout only, and it logs in', async () => {
    expect(printed).toHaveLength(1);
    const [password] = printed;
    expect(password.length).toBeGreaterThanOrEqual(24);
    expect(first?.stderr()).not.toContain(password);
    // On stdout it is on its printed line only: no JSON log line carries it.
    expect(
      first
        ?.stdout()
        .split('\n')
        .filter((line) => line.includes(password)),
    ).toEqual([expect.stringMatching(/^First staff administrator: admin, password: /)]);
    expect((await login(firstBaseUrl, 'admin', password)).status).toBe(200);
  });

  it('after a restart: the same secret (tokens from before still work), the same password, and nothing printed again', async () => {
    const [password] = printed;
    const before = await login(firstBaseUrl, 'admin', password);
    const tokenFromBefore = before.body.accessToken as string;
    const secretBefore = await readFile(secretPath, 'utf8');
    await first?.stop();
    first = undefined;

    second = startEntryPoint('apps/server/src/main.ts', { DATA_DIR: dataDir, PORT: '0' });
    const { baseUrl } = await second.listening();
    expect(await readFile(secretPath, 'utf8')).toBe(secretBefore);
    expect((await call(baseUrl, '/staff/locations', { token: tokenFromBefore })).status).toBe(200);
    expect((await login(baseUrl, 'admin', password)).status).toBe(200);
    expect(second.output()).not.toMatch(/First staff administrator/);
    expect(second.output()).not.toContain(password);
  }, 120_000);
});

describe('a stored token secret others may read is refused (issue 12)', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'holds-open-secret-'));
    await mkdir(join(dataDir, 'secrets'));
    await writeFile(join(dataDir, 'secrets', 'token-secret'), `${STRONG_SECRET}\n`);
    await chmod(join(dataDir, 'secrets', 'token-secret'), 0o644);
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('the api exits 78 naming TOKEN_SECRET, the file, its mode and the fix, without the secret', async () => {
    const api = startEntryPoint('apps/api/src/main.ts', { DATA_DIR: dataDir, PORT: '0', STAFF_ADMIN_PASSWORD: STRONG_PASSWORD });
    const exit = await api.startOutcome();
    expect({ code: exit === 'listened' ? exit : exit.code, stderr: api.stderr() }).toEqual({
      code: 78,
      stderr: expect.stringMatching(/TOKEN_SECRET: not set, and the stored secret .*token-secret is open to other users \(mode 0644\): run `chmod 600 /),
    });
    expect(api.output()).not.toContain(STRONG_SECRET);
  }, 120_000);
});

describe('NODE_ENV=production refuses weak secrets at start (issue 12)', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'holds-weak-secrets-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it.each([
    [
      'TOKEN_SECRET',
      'long but one character',
      { TOKEN_SECRET: 'k'.repeat(48), STAFF_ADMIN_PASSWORD: STRONG_PASSWORD },
      /TOKEN_SECRET: too weak .*too predictable/,
    ],
    [
      'TOKEN_SECRET',
      'long but counting',
      { TOKEN_SECRET: '0123456789'.repeat(4), STAFF_ADMIN_PASSWORD: STRONG_PASSWORD },
      /TOKEN_SECRET: too weak .*too predictable/,
    ],
    ['STAFF_ADMIN_PASSWORD', 'short', { TOKEN_SECRET: STRONG_SECRET, STAFF_ADMIN_PASSWORD: 'Lantern-42' }, /STAFF_ADMIN_PASSWORD: too weak .*10 characters/],
    [
      'STAFF_ADMIN_PASSWORD',
      'predictable',
      { TOKEN_SECRET: STRONG_SECRET, STAFF_ADMIN_PASSWORD: 'password1234' },
      /STAFF_ADMIN_PASSWORD: too weak .*too predictable/,
    ],
    [
      'STAFF_ADMIN_PASSWORD',
      'the old default',
      { TOKEN_SECRET: STRONG_SECRET, STAFF_ADMIN_PASSWORD: OLD_ADMIN_PASSWORD },
      /STAFF_ADMIN_PASSWORD: this value is published/,
    ],
  ])(
    'exits 78 naming %s when it is %s, without writing the value',
    async (name, _, secrets, reason) => {
      const api = startEntryPoint('apps/api/src/main.ts', { NODE_ENV: 'production', DATA_DIR: dataDir, PORT: '0', ...secrets });
      const exit = await api.startOutcome();
      expect({ code: exit === 'listened' ? exit : exit.code, namesIt: api.stderr().includes(`${name}:`) }).toEqual({ code: 78, namesIt: true });
      expect(api.stderr()).toMatch(reason);
      expect(api.output()).not.toContain(secrets[name as keyof typeof secrets]);
    },
    60_000,
  );
});

describe('a token is accepted only with a bounded lifetime: iat, exp, and exp - iat <= TOKEN_TTL_SECONDS (issue 12)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  const issuedNow = () => Math.floor(app.clock.now().getTime() / 1000);
  /** Signed by hand with the app's secret: jsonwebtoken's own sign would add iat or refuse odd claims. */
  const sign = (claims: object) => {
    const encode = (part: object) => Buffer.from(JSON.stringify(part)).toString('base64url');
    const unsigned = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode({ ...adminClaims, ...claims })}`;
    return `${unsigned}.${createHmac('sha256', TEST_TOKEN_SECRET).update(unsigned).digest('base64url')}`;
  };
  const answer = (token: string) => app.http().get('/staff/locations').set(bearer(token));

  it('a token living exactly TOKEN_TTL_SECONDS is accepted (the key and claims are right)', async () => {
    const iat = issuedNow();
    await answer(sign({ iat, exp: iat + app.config.TOKEN_TTL_SECONDS })).expect(200);
  });

  it('a token without exp is refused', async () => {
    await answer(sign({ iat: issuedNow() })).expect(401);
  });

  it('a token without iat is refused', async () => {
    await answer(sign({ exp: issuedNow() + 60 })).expect(401);
  });

  it('a token with a lifetime above TOKEN_TTL_SECONDS is refused, even while it is young', async () => {
    const iat = issuedNow();
    await answer(sign({ iat, exp: iat + app.config.TOKEN_TTL_SECONDS + 1 })).expect(401);
    await answer(sign({ iat, exp: iat + 10 * 365 * 86400 })).expect(401);
  });

  it('a token whose claims are not numbers is refused', async () => {
    const iat = issuedNow();
    await answer(sign({ iat: String(iat), exp: iat + 60 })).expect(401);
  });
});
