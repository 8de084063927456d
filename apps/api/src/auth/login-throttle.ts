import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';

/**
 * How many attempts a key (an account, an (account, address) pair, an address, a reset request's card…) may make
 * in a sliding window. Attempts are counted whether or not the account exists, so a refusal reveals nothing about it.
 */
export interface ThrottleRule {
  /** Attempts counted in the window that lock the key until the oldest of them leaves the window. */
  maxAttempts: number;
  windowSeconds: number;
  /**
   * Growing delays: after this many counted attempts, the next one must wait 1 s after the latest, then 2 s, 4 s…
   * (doubling with each further one) until maxAttempts locks the key. Absent: no delays, only the lock.
   */
  delayAfter?: number;
}

export interface CountedKey {
  key: string;
  rule: ThrottleRule;
}

/** A granted attempt is counted on each of its keys at once, before the work it guards (a password check) starts. */
export type Reservation = { granted: true; id: string } | { granted: false; retryAfterSeconds: number };

/**
 * Reserve first, then verify: checking "may it try?" and counting the try are one atomic step, so a burst of parallel
 * guesses gets no more checks than the rule allows (a check-then-record throttle let all 300 of a burst through).
 */
export interface LoginThrottle {
  /** Atomically: when none of the keys is locked or waiting, counts the attempt on every key and grants it; else how long to wait. */
  reserve(keys: readonly CountedKey[], now: Date): Promise<Reservation>;
  /** Takes a granted attempt back off its keys' counts: it succeeded, or it was never checked (the check itself failed). */
  withdraw(id: string, keys: readonly string[]): Promise<void>;
  /** Forgets a key's counted attempts (a successful login clears its own (account, address) pair). */
  forget(key: string): Promise<void>;
}

/** Milliseconds the rule makes the next attempt wait, given the times (ascending) of the attempts counted in the window. */
function waitMs(times: readonly number[], rule: ThrottleRule, now: number): number {
  const count = times.length;
  if (count >= rule.maxAttempts) return times[count - rule.maxAttempts] + rule.windowSeconds * 1000 - now;
  if (rule.delayAfter !== undefined && count > 0 && count >= rule.delayAfter) return times[count - 1] + 1000 * 2 ** (count - rule.delayAfter) - now;
  return 0;
}

const toSeconds = (milliseconds: number) => Math.max(1, Math.ceil(milliseconds / 1000));

interface Counted {
  windowMs: number;
  attempts: { at: number; id: string }[];
}

/** Embedded mode: one process, so a reservation is atomic by running without an await between check and count. */
export class InMemoryLoginThrottle implements LoginThrottle {
  private readonly counted = new Map<string, Counted>();
  private reservations = 0;

  private recent(key: string, rule: ThrottleRule, now: number): Counted {
    const windowMs = rule.windowSeconds * 1000;
    const counted = this.counted.get(key) ?? { windowMs, attempts: [] };
    counted.windowMs = Math.max(counted.windowMs, windowMs);
    counted.attempts = counted.attempts.filter(({ at }) => at > now - windowMs);
    this.counted.set(key, counted);
    return counted;
  }

  async reserve(keys: readonly CountedKey[], now: Date): Promise<Reservation> {
    const at = now.getTime();
    this.sweepNowAndThen(at);
    const counts = keys.map(({ key, rule }) => ({ rule, counted: this.recent(key, rule, at) }));
    const wait = Math.max(
      0,
      ...counts.map(({ rule, counted }) =>
        waitMs(
          counted.attempts.map((attempt) => attempt.at).sort((a, b) => a - b),
          rule,
          at,
        ),
      ),
    );
    if (wait > 0) return { granted: false, retryAfterSeconds: toSeconds(wait) };
    const id = randomUUID();
    for (const { counted } of counts) counted.attempts.push({ at, id });
    return { granted: true, id };
  }

  async withdraw(id: string, keys: readonly string[]): Promise<void> {
    for (const key of keys) {
      const counted = this.counted.get(key);
      if (counted) counted.attempts = counted.attempts.filter((attempt) => attempt.id !== id);
    }
  }

  async forget(key: string): Promise<void> {
    this.counted.delete(key);
  }

  /** A flood of distinct keys (one per guessed card) must not grow the map for ever: drop keys with nothing left in their window. */
  private sweepNowAndThen(now: number) {
    this.reservations += 1;
    if (this.reservations % 1000 !== 0) return;
    for (const [key, counted] of this.counted) if (counted.attempts.every(({ at }) => at <= now - counted.windowMs)) this.counted.delete(key);
  }
}

/**
 * The same reservation as one Lua script, so every api process sharing the Redis sees one count and two of them cannot
 * both take the last free attempt. KEYS: the counted keys. ARGV: now (ms), the reservation id, then per key its
 * maxAttempts, window (ms) and delayAfter (-1 for none). Answers 0 when granted, else the milliseconds to wait.
 */
const RESERVE_SCRIPT = `
local now = tonumber(ARGV[1])
local wait = 0
for i, key in ipairs(KEYS) do
  local max = tonumber(ARGV[3 * i])
  local window = tonumber(ARGV[3 * i + 1])
  local delayAfter = tonumber(ARGV[3 * i + 2])
  redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
  local count = redis.call('ZCARD', key)
  if count >= max then
    local oldest = redis.call('ZRANGE', key, count - max, count - max, 'WITHSCORES')
    wait = math.max(wait, tonumber(oldest[2]) + window - now)
  elseif delayAfter >= 0 and count > 0 and count >= delayAfter then
    local latest = redis.call('ZRANGE', key, -1, -1, 'WITHSCORES')
    wait = math.max(wait, tonumber(latest[2]) + 1000 * 2 ^ (count - delayAfter) - now)
  end
end
if wait > 0 then return wait end
for i, key in ipairs(KEYS) do
  redis.call('ZADD', key, now, ARGV[2])
  redis.call('PEXPIRE', key, tonumber(ARGV[3 * i + 1]))
end
return 0
`;

/** Production mode: a sorted set per key (score: the attempt's time, member: its reservation id), shared by every api process. */
export class RedisLoginThrottle implements LoginThrottle {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  private key(key: string) {
    return `${this.prefix}login-attempts:${key}`;
  }

  async reserve(keys: readonly CountedKey[], now: Date): Promise<Reservation> {
    const id = randomUUID();
    const limits = keys.flatMap(({ rule }) => [rule.maxAttempts, rule.windowSeconds * 1000, rule.delayAfter ?? -1]);
    const wait = Number(await this.redis.eval(RESERVE_SCRIPT, keys.length, ...keys.map(({ key }) => this.key(key)), now.getTime(), id, ...limits));
    return wait > 0 ? { granted: false, retryAfterSeconds: toSeconds(wait) } : { granted: true, id };
  }

  async withdraw(id: string, keys: readonly string[]): Promise<void> {
    if (keys.length === 0) return;
    const pipeline = this.redis.pipeline();
    for (const key of keys) pipeline.zrem(this.key(key), id);
    await pipeline.exec();
  }

  async forget(key: string): Promise<void> {
    await this.redis.del(this.key(key));
  }
}
