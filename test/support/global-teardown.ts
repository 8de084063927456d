import { testRedisKey } from './global-setup';
import type { RedisProcess } from '../faults/support/redis-process';
import { TEST_REDIS_URL } from './test-redis';

/** Stops the redis-server the global setup started (its data goes with it: nothing is saved). */
export default async function globalTeardown(): Promise<void> {
  const holder = globalThis as typeof globalThis & { [testRedisKey]?: RedisProcess };
  const redis = holder[testRedisKey];
  delete holder[testRedisKey];
  delete process.env[TEST_REDIS_URL];
  await redis?.stop();
}
