import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { InMemoryReadModelStore } from '../src/store/in-memory-read-model-store';
import type { ReadModelStore } from '../src/store/read-model-store';
import { RedisReadModelStore } from '../src/store/redis-read-model-store';

export const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

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
