/**
 * The test run's own redis-server, started by jest's global setup (test/support/global-setup.ts) on a free port
 * and stopped by its teardown. Tests use it and never the Redis on 127.0.0.1:6379, which may be a developer's own
 * (tests delete keys).
 */
export const TEST_REDIS_URL = 'TEST_REDIS_URL';

/** The URL of the test run's redis-server, e.g. redis://127.0.0.1:41235. */
export function testRedisUrl(): string {
  const url = process.env[TEST_REDIS_URL];
  if (!url) {
    throw new Error(
      `${TEST_REDIS_URL} is not set: the test Redis is started by jest's globalSetup (test/support/global-setup.ts, declared in jest.config.js); run the tests with jest (npm test, npx jest <path>)`,
    );
  }
  return url;
}
