import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { testRedisUrl } from '../../../../test/support/test-redis';
import { RedisSweepLease } from './redis-sweep-lease';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** I3: of many workers, one sweeps at a time. The test run's own redis-server, one key per test, deleted after. */
describe('the Redis sweep lease (I3)', () => {
  let redis: Redis;
  let key: string;

  beforeAll(() => {
    redis = new Redis(testRedisUrl(), { maxRetriesPerRequest: 1 });
  });
  beforeEach(() => {
    key = `test:expiry-lease:${randomUUID()}`;
  });
  afterEach(() => redis.del(key));
  afterAll(() => redis.quit());

  it('one holder at a time: a second worker gets nothing until the first releases', async () => {
    const first = new RedisSweepLease(redis, { key });
    const second = new RedisSweepLease(redis, { key });
    const held = await first.acquire();
    expect(held?.held()).toBe(true);
    expect(await second.acquire()).toBeNull();
    await held?.release();
    expect(await redis.exists(key)).toBe(0);
    const next = await second.acquire();
    expect(next).not.toBeNull();
    await next?.release();
  });

  it('a lease left by a worker that died while sweeping runs out by itself', async () => {
    // What a worker's acquire left behind when it was killed: its token, with the lease's lifetime.
    await redis.set(key, 'dead-worker', 'PX', 150, 'NX');
    expect(await new RedisSweepLease(redis, { key }).acquire()).toBeNull();
    await sleep(250);
    const taken = await new RedisSweepLease(redis, { key }).acquire();
    expect(taken?.held()).toBe(true);
    await taken?.release();
  });

  it("a holder whose lease passed to another never deletes the new holder's lease (compare and delete)", async () => {
    const held = await new RedisSweepLease(redis, { key, ttlMs: 10_000 }).acquire();
    await redis.set(key, 'another-worker');
    await held?.release();
    expect(await redis.get(key)).toBe('another-worker');
  });

  it('a long sweep keeps its lease by renewing it, and knows when it lost it', async () => {
    const held = await new RedisSweepLease(redis, { key, ttlMs: 300 }).acquire();
    await sleep(700);
    expect(held?.held()).toBe(true);
    expect(await redis.exists(key)).toBe(1);

    await redis.set(key, 'another-worker');
    await sleep(250);
    expect(held?.held()).toBe(false);
    await held?.release();
    expect(await redis.get(key)).toBe('another-worker');
  });
});
