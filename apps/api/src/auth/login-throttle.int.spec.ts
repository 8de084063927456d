import { Redis } from 'ioredis';
import { testRedisUrl } from '../../../../test/support/test-redis';
import { InMemoryLoginThrottle, RedisLoginThrottle, type LoginThrottle } from './login-throttle';

const limits = { maxFailures: 3, windowSeconds: 600 };
const redis = new Redis(testRedisUrl(), { lazyConnect: true });
const prefix = `test:throttle:${process.pid}:${Date.now()}:`;

afterAll(async () => {
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
});

describe.each<[string, () => LoginThrottle]>([
  ['in memory', () => new InMemoryLoginThrottle(limits)],
  ['on Redis', () => new RedisLoginThrottle(redis, `${prefix}${Math.random()}:`, limits)],
])('login throttle %s', (_name, create) => {
  const start = new Date('2026-11-23T10:00:00Z');
  const later = (seconds: number) => new Date(start.getTime() + seconds * 1000);

  it('locks a key after the allowed failures, for the rest of the window', async () => {
    const throttle = create();
    for (let i = 0; i < 3; i++) {
      expect(await throttle.lockedFor('card:1', later(i))).toBe(0);
      await throttle.recordFailure('card:1', later(i));
    }
    expect(await throttle.lockedFor('card:1', later(3))).toBe(597);
    expect(await throttle.lockedFor('card:2', later(3))).toBe(0);
  });

  it('unlocks once the oldest counted failure leaves the window', async () => {
    const throttle = create();
    for (let i = 0; i < 3; i++) await throttle.recordFailure('ip:1', later(i));
    expect(await throttle.lockedFor('ip:1', later(601))).toBe(0);
  });

  it('forgets failures after a successful login', async () => {
    const throttle = create();
    for (let i = 0; i < 3; i++) await throttle.recordFailure('card:3', later(i));
    await throttle.reset('card:3');
    expect(await throttle.lockedFor('card:3', later(4))).toBe(0);
  });
});
