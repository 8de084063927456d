import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { HeldLease, SweepLease } from './sweep-lease';

/** Deletes the lease only when it still holds our token: a sweeper whose lease expired never frees someone else's. */
const RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";
/** Extends the lease only when it still holds our token. */
const RENEW = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end";

export interface RedisSweepLeaseOptions {
  key: string;
  /** How long the lease outlives a sweeper that died without releasing it. */
  ttlMs?: number;
}

/**
 * `SET key token NX PX ttl`: the first worker to set it sweeps; the others skip. A long sweep renews it every
 * third of its lifetime. Lease times are real elapsed time (Date.now), not the injected clock: they guard
 * against processes overlapping, not library days.
 */
export class RedisSweepLease implements SweepLease {
  private readonly ttlMs: number;

  constructor(
    private readonly redis: Redis,
    private readonly options: RedisSweepLeaseOptions,
  ) {
    this.ttlMs = options.ttlMs ?? 60_000;
  }

  async acquire(): Promise<HeldLease | null> {
    const token = randomUUID();
    const taken = await this.redis.set(this.options.key, token, 'PX', this.ttlMs, 'NX');
    return taken === 'OK' ? new RedisHeldLease(this.redis, this.options.key, token, this.ttlMs) : null;
  }
}

class RedisHeldLease implements HeldLease {
  private confirmedAt = Date.now();
  private lost = false;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly redis: Redis,
    private readonly key: string,
    private readonly token: string,
    private readonly ttlMs: number,
  ) {
    this.timer = setInterval(() => void this.renew(), Math.floor(ttlMs / 3));
    this.timer.unref();
  }

  /** Held while the last renewal is younger than the lease's lifetime: past that, Redis may have let it go. */
  held(): boolean {
    return !this.lost && Date.now() - this.confirmedAt < this.ttlMs;
  }

  async release(): Promise<void> {
    clearInterval(this.timer);
    await this.redis.eval(RELEASE, 1, this.key, this.token);
  }

  private async renew(): Promise<void> {
    const renewedAt = Date.now();
    try {
      if ((await this.redis.eval(RENEW, 1, this.key, this.token, String(this.ttlMs))) === 1) this.confirmedAt = renewedAt;
      else this.lost = true;
    } catch {
      // Redis did not answer: `held()` turns false by itself once the lease would have run out.
    }
  }
}
