import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bearer, LibraryFixture } from '../support/library-fixture';
import { startTestApp, type TestApp } from '../support/test-app';
import { until } from '../support/until';

const HEALTH_TIMEOUT_MS = 15_000;

describe('the worker on /health', () => {
  let dataDir: string;
  let app: TestApp | null = null;

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'holds-health-'));
  });
  afterEach(async () => {
    await app?.close();
    app = null;
    await rm(dataDir, { recursive: true, force: true });
  });

  it('shows each reactor, up while it keeps up', async () => {
    app = await startTestApp({ dataDir });
    const health = await app.http().get('/health').expect(200);
    expect(health.body.details).toMatchObject({
      'reactor:notifications': { status: 'up', state: 'running', consecutiveFailures: 0, lastError: null },
      'reactor:hold-slots': { status: 'up', state: 'running' },
    });
  });

  it('shows the mail reactor down while it keeps failing, and up again once it got through; the mail is not lost', async () => {
    // The delivery ledger's directory is a plain file: every ledger read fails until it is put right.
    await writeFile(join(dataDir, 'deliveries'), 'not a directory');
    app = await startTestApp({ dataDir });
    const running = app;
    const library = await LibraryFixture.create(running);
    const token = await library.patron('100000001');
    await running.http().put('/me/email').set(bearer(token)).send({ email: 'later@example.jp' }).expect(204);

    await until(async () => (await running.http().get('/health')).status === 503, 'the health check to go down', HEALTH_TIMEOUT_MS, 50);
    const down = await running.http().get('/health').expect(503);
    expect(down.body.error['reactor:notifications']).toMatchObject({ status: 'down', state: 'failing', lastError: expect.stringContaining('ENOTDIR') });
    expect(down.body.details['reactor:hold-slots']).toMatchObject({ status: 'up' });

    await rm(join(dataDir, 'deliveries'));
    await mkdir(join(dataDir, 'deliveries'));
    await until(async () => (await running.http().get('/health')).status === 200, 'the health check to come back up', HEALTH_TIMEOUT_MS, 50);
    expect((await readdir(join(dataDir, 'outbox'))).filter((file) => file.startsWith('email-registered.'))).toHaveLength(1);
  }, 30_000);

  it('an api-only process runs no reactor, so shows none', async () => {
    app = await startTestApp({ dataDir, env: { APP_ROLE: 'api' } });
    const health = await app.http().get('/health').expect(200);
    expect(Object.keys(health.body.details)).not.toContain('reactor:notifications');
    expect(Object.keys(health.body.details)).not.toContain('reactor:hold-slots');
  });

  it('a worker process serves no API: patron and staff routes are not there at all (404, not 401), /health and /metrics are', async () => {
    app = await startTestApp({ dataDir, env: { APP_ROLE: 'worker' } });
    for (const path of ['/staff/locations', '/staff/expiry/due', '/me/holds', '/library', '/docs', '/openapi.json']) {
      const answer = await app.http().get(path);
      expect({ path, status: answer.status }).toEqual({ path, status: 404 });
    }
    await app.http().post('/auth/login').send({ cardNumber: '100000001', password: 'x' }).expect(404);
    const health = await app.http().get('/health').expect(200);
    expect(health.body.details).toMatchObject({ 'reactor:hold-slots': { status: 'up' }, projections: { status: 'up' } });
    await app.http().get('/metrics').expect(200);
  });
});
