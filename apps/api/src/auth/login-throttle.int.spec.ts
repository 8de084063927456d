import { Redis } from 'ioredis';
import { testRedisUrl } from '../../../../test/support/test-redis';
import { InMemoryLoginThrottle, RedisLoginThrottle, type CountedKey, type LoginThrottle, type ThrottleRule } from './login-throttle';

const LOCK_AT_3: ThrottleRule = { maxAttempts: 3, windowSeconds: 600 };
const DELAYS_AFTER_2: ThrottleRule = { maxAttempts: 5, windowSeconds: 600, delayAfter: 2 };

/** Two clients, as two api processes would hold: the Redis throttle must count as one across them. */
const redisA = new Redis(testRedisUrl(), { lazyConnect: true });
const redisB = new Redis(testRedisUrl(), { lazyConnect: true });
const prefix = `test:throttle:${process.pid}:${Date.now()}:`;

afterAll(async () => {
  const keys = await redisA.keys(`${prefix}*`);
  if (keys.length > 0) await redisA.del(...keys);
  redisA.disconnect();
  redisB.disconnect();
});

/** One store seen by one or two processes: in memory there is only ever one. */
describe.each<[string, () => [LoginThrottle, LoginThrottle]]>([
  [
    'in memory',
    () => {
      const throttle = new InMemoryLoginThrottle();
      return [throttle, throttle];
    },
  ],
  [
    'on Redis, from two clients',
    () => {
      const shared = `${prefix}${Math.random()}:`;
      return [new RedisLoginThrottle(redisA, shared), new RedisLoginThrottle(redisB, shared)];
    },
  ],
])('login throttle %s', (_name, create) => {
  const start = new Date('2026-11-23T10:00:00Z');
  const later = (seconds: number) => new Date(start.getTime() + seconds * 1000);
  const on = (key: string, rule = LOCK_AT_3): CountedKey[] => [{ key, rule }];
  const granted = async (throttle: LoginThrottle, keys: CountedKey[], at: Date) => (await throttle.reserve(keys, at)).granted;

  it('locks a key after the allowed attempts, for the rest of the window; other keys are free', async () => {
    const [throttle] = create();
    for (let i = 0; i < 3; i++) expect(await granted(throttle, on('card:1'), later(i))).toBe(true);
    expect(await throttle.reserve(on('card:1'), later(3))).toEqual({ granted: false, retryAfterSeconds: 597 });
    expect(await granted(throttle, on('card:2'), later(3))).toBe(true);
  });

  it('unlocks once the oldest counted attempt leaves the window; refused attempts are not counted', async () => {
    const [throttle] = create();
    for (let i = 0; i < 3; i++) await throttle.reserve(on('ip:1'), later(i));
    for (let i = 0; i < 10; i++) expect(await granted(throttle, on('ip:1'), later(100 + i))).toBe(false);
    expect(await granted(throttle, on('ip:1'), later(601))).toBe(true);
  });

  it('growing delays: after the free attempts the next waits 1 s after the latest, then 2 s, 4 s, until the lock', async () => {
    const [throttle] = create();
    const keys = on('pair:1', DELAYS_AFTER_2);
    expect(await granted(throttle, keys, later(0))).toBe(true);
    expect(await granted(throttle, keys, later(0))).toBe(true);
    expect(await throttle.reserve(keys, later(0))).toEqual({ granted: false, retryAfterSeconds: 1 });
    expect(await granted(throttle, keys, later(1))).toBe(true);
    expect(await throttle.reserve(keys, later(2))).toEqual({ granted: false, retryAfterSeconds: 1 });
    expect(await granted(throttle, keys, later(3))).toBe(true);
    expect(await throttle.reserve(keys, later(6))).toEqual({ granted: false, retryAfterSeconds: 1 });
    expect(await granted(throttle, keys, later(7))).toBe(true);
    // Five counted: locked until the first leaves the window.
    expect(await throttle.reserve(keys, later(100))).toEqual({ granted: false, retryAfterSeconds: 500 });
  });

  it('reserve first: a parallel burst of 60 attempts, half through each process, gets exactly the allowed 3', async () => {
    const [first, second] = create();
    const answers = await Promise.all(Array.from({ length: 60 }, (_, i) => (i % 2 === 0 ? first : second).reserve(on('card:burst'), later(0))));
    expect(answers.filter((answer) => answer.granted)).toHaveLength(3);
  });

  it('an attempt counts on all its keys or none: one locked key refuses it without counting it on the others', async () => {
    const [throttle] = create();
    for (let i = 0; i < 3; i++) await throttle.reserve(on('ip:locked'), later(0));
    for (let i = 0; i < 5; i++) expect(await granted(throttle, [...on('card:free'), ...on('ip:locked')], later(1))).toBe(false);
    for (let i = 0; i < 3; i++) expect(await granted(throttle, on('card:free'), later(1))).toBe(true);
  });

  it('withdrawing a granted attempt frees its place on every key; forgetting a key clears it', async () => {
    const [throttle, other] = create();
    const keys = [...on('card:3'), ...on('ip:3')];
    const reservations = [];
    for (let i = 0; i < 3; i++) reservations.push(await throttle.reserve(keys, later(i)));
    expect(await granted(throttle, keys, later(3))).toBe(false);
    const last = reservations[2];
    if (!last.granted) throw new Error('expected a granted reservation');
    await other.withdraw(last.id, ['card:3', 'ip:3']);
    expect(await granted(throttle, keys, later(3))).toBe(true);
    await other.forget('card:3');
    expect(await granted(throttle, on('card:3'), later(4))).toBe(true);
    expect(await granted(throttle, on('ip:3'), later(4))).toBe(false);
  });
});
