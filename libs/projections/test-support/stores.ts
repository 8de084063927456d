import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { testRedisUrl } from '../../../test/support/test-redis';
import { InMemoryReadModelStore, type ReadModelStore, RedisReadModelStore } from '@libs/projections';

/**
 * The test run's own redis-server (test/support/test-redis.ts), never the Redis on 6379. bench/projections imports
 * this file's key helpers outside jest, where there is no test Redis: there the URL is one that reaches no server.
 */
export const redisUrl = process.env.JEST_WORKER_ID === undefined ? 'redis://no-test-redis-outside-jest.invalid' : testRedisUrl();

export interface StoreFixture {
  store: ReadModelStore;
  /** Another handle on the same data, as a second process would have. */
  reopen(): ReadModelStore;
  close(): Promise<void>;
}

/** A unique key prefix per test, so runs never see each other's keys. */
export const uniquePrefix = (label: string) => `test:projections:${label}:${randomUUID()}:`;

export async function deleteKeys(redis: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    if (keys.length > 0) await redis.unlink(...keys);
    cursor = next;
  } while (cursor !== '0');
}

export async function keysUnder(redis: Redis, prefix: string): Promise<string[]> {
  const found: string[] = [];
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    found.push(...keys.map((key) => key.slice(prefix.length)));
    cursor = next;
  } while (cursor !== '0');
  return found.sort();
}

export const storeKinds: [string, () => Promise<StoreFixture>][] = [
  [
    'in-memory',
    async () => {
      const store = new InMemoryReadModelStore();
      return { store, reopen: () => store, close: async () => undefined };
    },
  ],
  [
    'redis',
    async () => {
      const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
      const keyPrefix = uniquePrefix('store');
      return {
        store: new RedisReadModelStore({ redis, keyPrefix }),
        reopen: () => new RedisReadModelStore({ redis, keyPrefix }),
        close: async () => {
          await deleteKeys(redis, keyPrefix);
          await redis.quit();
        },
      };
    },
  ],
];
