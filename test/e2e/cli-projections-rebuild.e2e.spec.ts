import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { LmdbEventStore } from '@libs/event-store';
import { ProjectionRunner, RedisReadModelStore, holdsCollection, locationsCollection, titlesCollection, type ReadModelStore } from '@libs/projections';
import { appendInBulk } from '../../libs/projections/test-support/append-events';
import { simulateLibrary } from '../../libs/projections/test-support/library-simulation';
import { deleteKeys, redisUrl } from '../../libs/projections/test-support/stores';
import { runCli } from '../fixtures/run-cli';
import { LibraryFixture } from '../support/library-fixture';
import { startTestApp } from '../support/test-app';

/** What a patron app would list: every collection's size, read the way the API reads them. */
async function listSizes(store: ReadModelStore): Promise<number[]> {
  const pages = await Promise.all(
    [holdsCollection, titlesCollection, locationsCollection, 'loans', 'patrons'].map((collection) => store.list(collection, { limit: 1 })),
  );
  return pages.map((page) => page.total);
}

describe('npm run projections:rebuild', () => {
  let redis: Redis;
  let dataDir: string;
  let keyPrefix: string;
  let env: Record<string, string>;
  /** Where the app keeps its read models for REDIS_KEY_PREFIX (apps/api/src/read-side/read-models.module.ts). */
  const readModels = () => new RedisReadModelStore({ redis, keyPrefix: `${keyPrefix}read-models:` });

  beforeEach(async () => {
    redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
    dataDir = await mkdtemp(join(tmpdir(), 'holds-cli-rebuild-'));
    keyPrefix = `test:cli-rebuild:${randomUUID()}:`;
    env = { DATA_DIR: dataDir, READ_MODEL_STORE: 'redis', REDIS_URL: redisUrl, REDIS_KEY_PREFIX: keyPrefix, LOG_LEVEL: 'silent' };
  });
  afterEach(async () => {
    await deleteKeys(redis, keyPrefix);
    await redis.quit();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('rebuilds every read model from position 0 to exactly the live ones, and a reader polling meanwhile never sees a list empty or half-built (I5)', async () => {
    const eventStore = await LmdbEventStore.open({ path: join(dataDir, 'events') });
    const head = await appendInBulk(eventStore, simulateLibrary({ events: 10_000 }));
    const runner = new ProjectionRunner({ eventStore, store: readModels() });
    await runner.start();
    expect(await runner.waitForPosition(head, 60_000)).toBe(true);
    await runner.stop();
    await eventStore.close();
    const before = await readModels().snapshot();
    const sizes = await listSizes(readModels());
    expect(sizes.every((size) => size > 0)).toBe(true);

    const polls: { sizes: number[]; building: boolean }[] = [];
    const reader = readModels();
    let rebuilding = true;
    const poller = (async () => {
      while (rebuilding) {
        const building = (await redis.exists(`${keyPrefix}read-models:building`)) === 1;
        polls.push({ sizes: await listSizes(reader), building });
      }
    })();
    const result = await runCli('projections-rebuild', [], env).finally(() => (rebuilding = false));
    await poller;

    expect(result.stderr).not.toMatch(/Error/);
    expect(result).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(new RegExp(`Rebuilt the read models from 10000 events \\(up to position ${head}\\)`)),
    });
    expect(result.stderr).toMatch(/rebuilding read models \[=+\] 100% \| 10000 events/);
    expect(await readModels().snapshot()).toEqual(before);
    expect(polls.filter((poll) => poll.building).length).toBeGreaterThan(0);
    expect(polls.filter((poll) => JSON.stringify(poll.sizes) !== JSON.stringify(sizes))).toEqual([]);
  });

  it("refuses to run while the app holds the embedded event store, says why, then rebuilds the app's read models once it stopped", async () => {
    const app = await startTestApp({ dataDir, env });
    const library = await LibraryFixture.create(app);
    await library.location('central', '中央図書館');
    await library.title('T-1', 'book', '吾輩は猫である');
    await library.copy('C-1', 'T-1', 'central');

    const locked = await runCli('projections-rebuild', [], env);
    await app.close();
    expect(locked.code).toBe(1);
    expect(locked.stderr).toMatch(/Cannot open the event store \(lmdb in .*\): event store directory .* is in use by process \d+/);
    expect(locked.stderr).toMatch(/Stop the app, run the rebuild, start the app again/);

    const live = await readModels().snapshot();
    expect(live.documents.titles).toEqual({ 'T-1': expect.objectContaining({ name: '吾輩は猫である' }) });
    const rebuilt = await runCli('projections-rebuild', [], env);
    expect(rebuilt.code).toBe(0);
    expect(await readModels().snapshot()).toEqual(live);
  });

  it('has nothing to rebuild with in-memory read models, and says so', async () => {
    const result = await runCli('projections-rebuild', [], { DATA_DIR: dataDir });
    expect(result).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/Nothing to rebuild: .*READ_MODEL_STORE=memory.*rebuilds them from the event log at every start/),
    });
  });

  it('names the variable of a configuration error (exit 78) and the reason Redis cannot be reached (exit 1)', async () => {
    const misconfigured = await runCli('projections-rebuild', [], { ...env, REDIS_URL: '' });
    expect(misconfigured).toMatchObject({ code: 78, stderr: expect.stringMatching(/REDIS_URL: required when READ_MODEL_STORE=redis/) });

    const unreachable = await runCli('projections-rebuild', [], { ...env, REDIS_URL: 'redis://:secret@127.0.0.1:1' });
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toMatch(/Cannot reach Redis at redis:\/\/:\*\*\*@127\.0\.0\.1:1 \(REDIS_URL\): connect ECONNREFUSED/);

    expect((await runCli('projections-rebuild', ['--generation', '3'], env)).code).toBe(64);
  });
});
