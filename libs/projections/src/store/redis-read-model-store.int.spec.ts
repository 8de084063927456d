import { Redis } from 'ioredis';
import { deleteKeys, keysUnder, redisUrl, uniquePrefix } from '../../test-support/stores';
import { RedisReadModelStore } from './redis-read-model-store';

describe('Redis read-model store: key layout and generations', () => {
  let redis: Redis;
  let keyPrefix: string;
  let store: RedisReadModelStore;
  beforeEach(() => {
    redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
    keyPrefix = uniquePrefix('layout');
    store = new RedisReadModelStore({ redis, keyPrefix });
  });
  afterEach(async () => {
    await deleteKeys(redis, keyPrefix);
    await redis.quit();
  });

  const batch = (checkpoint: bigint, expectedCheckpoint: bigint | null) => ({
    writes: [{ collection: 'holds', id: 'h1', doc: { holdId: 'h1' }, addIndexes: ['shelf:main'], removeIndexes: [] }],
    checkpoint,
    expectedCheckpoint,
  });

  it('keeps documents in one hash per collection, lists in sets, and the checkpoint beside them', async () => {
    await store.applyBatch(batch(41n, null));
    expect(await keysUnder(redis, keyPrefix)).toEqual(['g0:checkpoint', 'g0:doc:holds', 'g0:ix:holds:shelf:main']);
    expect(await redis.get(`${keyPrefix}g0:checkpoint`)).toBe('41');
    expect(await redis.hget(`${keyPrefix}g0:doc:holds`, 'h1')).toBe('{"holdId":"h1"}');
    expect(await redis.smembers(`${keyPrefix}g0:ix:holds:shelf:main`)).toEqual(['h1']);
  });

  it('after a swap only the new generation is left', async () => {
    await store.applyBatch(batch(41n, null));
    const generation = await store.createGeneration();
    await generation.store.applyBatch(batch(42n, null));
    await generation.promote();
    expect(await keysUnder(redis, keyPrefix)).toEqual(['g1:checkpoint', 'g1:doc:holds', 'g1:ix:holds:shelf:main', 'generation', 'generation-seq']);
    expect(await redis.get(`${keyPrefix}generation`)).toBe('1');
  });

  it('removes what an unfinished rebuild left behind when the next one starts', async () => {
    const abandoned = await store.createGeneration();
    await abandoned.store.applyBatch(batch(1n, null));
    await store.createGeneration();
    expect((await keysUnder(redis, keyPrefix)).filter((key) => key.startsWith('g1:'))).toEqual([]);
  });

  it('refuses a client that adds its own key prefix', () => {
    const prefixed = new Redis(redisUrl, { keyPrefix: 'other:', lazyConnect: true });
    expect(() => new RedisReadModelStore({ redis: prefixed, keyPrefix })).toThrow(/keyPrefix/);
    prefixed.disconnect();
  });
});
