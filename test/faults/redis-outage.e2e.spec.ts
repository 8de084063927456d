import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startAppProcess, type AppProcess } from './support/app-process';
import { eventually } from './support/eventually';
import { LibraryClient, seedLibrary } from './support/library-client';
import { startRedisProcess, type RedisProcess } from './support/redis-process';

/**
 * A private redis-server (not the shared one) holds the read models; it is killed while the app runs, then started
 * again on the same port, empty (no persistence): the worst case, every read model and checkpoint lost.
 */
describe('fault: Redis goes away and comes back empty (I5, I6)', () => {
  let workDir: string;
  let redis: RedisProcess;
  let app: AppProcess;

  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'holds-fault-redis-'));
  });
  afterAll(async () => {
    await app?.stop();
    await redis?.stop();
    await rm(workDir, { recursive: true, force: true });
  });

  it('writes go on, reads answer 503 redis-unavailable, /health says so, and the lists are right again once it is back', async () => {
    redis = await startRedisProcess();
    app = await startAppProcess({ env: { READ_MODEL_STORE: 'redis', REDIS_URL: redis.url, DATA_DIR: workDir } });
    const client = new LibraryClient(app.baseUrl);
    await client.loginStaff();
    const library = await seedLibrary(client, { locationId: 'central', titles: 4, patrons: 2, firstCard: 300000000 });
    const [alice, bob] = library.tokens;
    const first = await client.placeHold(alice, 'T0', 'central');
    expect(first.status).toBe(201);
    expect((await client.health()).status).toBe(200);

    await redis.stop();

    const health = await client.health();
    expect(health.status).toBe(503);
    expect(health.body.error?.redis).toMatchObject({ status: 'down' });
    expect(health.body.info?.eventStore).toMatchObject({ status: 'up' });
    for (const list of ['/me/holds', '/me/holds/ready', '/me/loans'] as const) {
      const read = await client.list(alice, list);
      expect({ list, status: read.status, type: read.body }).toMatchObject({ list, status: 503, type: { type: '/problems/redis-unavailable' } });
      expect(read.headers.get('content-type')).toContain('application/problem+json');
    }
    // The event store is the source of truth: commands go on (I6).
    const placed = await client.placeHold(bob, 'T1', 'central');
    expect(placed.status).toBe(201);
    const checkin = await client.checkin(library.copyIds[0], 'central');
    expect(checkin.status).toBe(201);
    expect(checkin.body.outcome).toMatchObject({ action: 'hold-shelf', holdId: first.body.holdId });
    expect((await client.health()).status).toBe(503);

    redis = await startRedisProcess(redis.port);
    await eventually(async () => expect((await client.health()).status).toBe(200), 60_000);
    await eventually(async () => {
      expect((await client.list(bob, '/me/holds')).body.items.map((item) => item.holdId)).toEqual([placed.body.holdId]);
      expect((await client.list(alice, '/me/holds')).body.items).toEqual([]);
      expect((await client.list(alice, '/me/holds/ready')).body.items.map((item) => item.holdId)).toEqual([first.body.holdId]);
      expect((await client.list(library.tokens[1], '/me/loans')).body.items).toEqual([]);
    }, 60_000);
  }, 180_000);

  it('Redis restarted empty while nothing was written: the read models are replayed from the log, not left empty (I5)', async () => {
    await app?.stop();
    await redis?.stop();
    redis = await startRedisProcess();
    app = await startAppProcess({ env: { READ_MODEL_STORE: 'redis', REDIS_URL: redis.url, DATA_DIR: join(workDir, 'quiet') } });
    const client = new LibraryClient(app.baseUrl);
    await client.loginStaff();
    const library = await seedLibrary(client, { locationId: 'central', titles: 1, patrons: 1, firstCard: 310000000 });
    const placed = await client.placeHold(library.tokens[0], 'T0', 'central');
    expect(placed.status).toBe(201);

    await redis.stop();
    redis = await startRedisProcess(redis.port);
    await eventually(async () => expect((await client.health()).status).toBe(200), 60_000);
    await eventually(async () => {
      expect((await client.list(library.tokens[0], '/me/holds')).body.items.map((item) => item.holdId)).toEqual([placed.body.holdId]);
    }, 60_000);
  }, 180_000);
});
