import { startRedisProcess, type RedisProcess } from '../faults/support/redis-process';
import { missingBinariesMessage } from './binaries';
import { TEST_REDIS_URL } from './test-redis';

/** Handed from the global setup to the global teardown, which jest runs in the same process. */
export const testRedisKey = Symbol.for('library-holds.test-redis');
type WithTestRedis = typeof globalThis & { [testRedisKey]?: RedisProcess };

/** Watch mode runs the setup once per run; one exit hook is enough. */
let exitHookInstalled = false;

/**
 * Runs once before any test (jest.config.js, top level): fails at once, in one line, when redis-server or Chromium is
 * not installed; then starts the run's own redis-server on a free port (nothing saved) and publishes its URL in
 * TEST_REDIS_URL. Jest forks its workers after this, with this process's environment, so every test sees the URL.
 */
export default async function globalSetup(): Promise<void> {
  const missing = missingBinariesMessage();
  if (missing) {
    const error = new Error(missing);
    error.stack = missing; // Jest prints the stack: keep it to the one line that says what to install.
    throw error;
  }
  const redis = await startRedisProcess();
  process.env[TEST_REDIS_URL] = redis.url;
  (globalThis as WithTestRedis)[testRedisKey] = redis;
  if (!exitHookInstalled) {
    // Should jest end without its teardown (a crash), the server must not outlive it: kill() in stop() is synchronous.
    process.once('exit', () => void (globalThis as WithTestRedis)[testRedisKey]?.stop());
    exitHookInstalled = true;
  }
}
