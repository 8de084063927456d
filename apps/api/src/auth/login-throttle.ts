import type { Redis } from 'ioredis';

/**
 * Counts failed logins per key (card number, client address) in a sliding lockout window.
 * Failures are counted whether or not the card exists, so a lockout reveals nothing about the card.
 */
export interface LoginThrottle {
  /** Seconds until the key may try again, or 0 when it may try now. */
  lockedFor(key: string, now: Date): Promise<number>;
  recordFailure(key: string, now: Date): Promise<void>;
  reset(key: string): Promise<void>;
}

export interface ThrottleLimits {
  maxFailures: number;
  windowSeconds: number;
}

/** One count per account (card number or staff id) and a looser one per client address, which many patrons may share. */
export interface LoginThrottles {
  account: LoginThrottle;
  address: LoginThrottle;
}

export class InMemoryLoginThrottle implements LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly limits: ThrottleLimits) {}

  private recent(key: string, now: Date): number[] {
    const since = now.getTime() - this.limits.windowSeconds * 1000;
    const kept = (this.failures.get(key) ?? []).filter((at) => at > since);
    this.failures.set(key, kept);
    return kept;
  }

  async lockedFor(key: string, now: Date): Promise<number> {
    const recent = this.recent(key, now);
    if (recent.length < this.limits.maxFailures) return 0;
    const oldestCounted = recent[recent.length - this.limits.maxFailures];
    return Math.max(1, Math.ceil((oldestCounted + this.limits.windowSeconds * 1000 - now.getTime()) / 1000));
  }

  async recordFailure(key: string, now: Date): Promise<void> {
    this.recent(key, now).push(now.getTime());
  }

  async reset(key: string): Promise<void> {
    this.failures.delete(key);
  }
}

/** The same rule in Redis (a sorted set per key), so every api process shares the count. */
export class RedisLoginThrottle implements LoginThrottle {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly limits: ThrottleLimits,
  ) {}

  private key(key: string) {
    return `${this.prefix}login-failures:${key}`;
  }

  async lockedFor(key: string, now: Date): Promise<number> {
    const since = now.getTime() - this.limits.windowSeconds * 1000;
    await this.redis.zremrangebyscore(this.key(key), 0, since);
    const recent = await this.redis.zrange(this.key(key), String(-this.limits.maxFailures), '-1', 'WITHSCORES');
    const count = recent.length / 2;
    if (count < this.limits.maxFailures) return 0;
    const oldestCounted = Number(recent[1]);
    return Math.max(1, Math.ceil((oldestCounted + this.limits.windowSeconds * 1000 - now.getTime()) / 1000));
  }

  async recordFailure(key: string, now: Date): Promise<void> {
    const member = `${now.getTime()}-${Math.random()}`;
    await this.redis.multi().zadd(this.key(key), String(now.getTime()), member).expire(this.key(key), this.limits.windowSeconds).exec();
  }

  async reset(key: string): Promise<void> {
    await this.redis.del(this.key(key));
  }
}
