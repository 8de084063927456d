import type { Redis } from 'ioredis';

export interface StoredResponse {
  status: number;
  body: unknown;
  /** X-Event-Position of the first answer, so a replay still tells the client what to wait for (read-your-writes). */
  eventPosition?: string;
}

export type IdempotencyRecord = { state: 'pending'; fingerprint: string } | { state: 'done'; fingerprint: string; response: StoredResponse };

/** Remembers the first answer to each Idempotency-Key for a day. */
export interface IdempotencyStore {
  /** Claims the key for a new request; returns the existing record when the key was seen before. */
  claim(key: string, fingerprint: string): Promise<IdempotencyRecord | null>;
  get(key: string): Promise<IdempotencyRecord | null>;
  complete(key: string, fingerprint: string, response: StoredResponse): Promise<void>;
  /** Forgets a claim whose request failed, so the client may retry with the same key. */
  release(key: string): Promise<void>;
}

const TTL_SECONDS = 24 * 60 * 60;

export class InMemoryIdempotencyStore implements IdempotencyStore {
  private readonly records = new Map<string, { record: IdempotencyRecord; expires: number }>();

  /** Looks and claims in one synchronous step: two requests racing on one key cannot both claim it. */
  async claim(key: string, fingerprint: string): Promise<IdempotencyRecord | null> {
    const existing = this.current(key);
    if (existing) return existing;
    this.records.set(key, { record: { state: 'pending', fingerprint }, expires: Date.now() + TTL_SECONDS * 1000 });
    return null;
  }

  async get(key: string): Promise<IdempotencyRecord | null> {
    return this.current(key);
  }

  private current(key: string): IdempotencyRecord | null {
    const entry = this.records.get(key);
    if (!entry || entry.expires < Date.now()) return null;
    return entry.record;
  }

  async complete(key: string, fingerprint: string, response: StoredResponse): Promise<void> {
    this.records.set(key, { record: { state: 'done', fingerprint, response }, expires: Date.now() + TTL_SECONDS * 1000 });
  }

  async release(key: string): Promise<void> {
    this.records.delete(key);
  }
}

export class RedisIdempotencyStore implements IdempotencyStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  private key(key: string) {
    return `${this.prefix}idempotency:${key}`;
  }

  async claim(key: string, fingerprint: string): Promise<IdempotencyRecord | null> {
    const pending: IdempotencyRecord = { state: 'pending', fingerprint };
    const claimed = await this.redis.set(this.key(key), JSON.stringify(pending), 'EX', TTL_SECONDS, 'NX');
    return claimed === 'OK' ? null : this.get(key);
  }

  async get(key: string): Promise<IdempotencyRecord | null> {
    const raw = await this.redis.get(this.key(key));
    return raw ? (JSON.parse(raw) as IdempotencyRecord) : null;
  }

  async complete(key: string, fingerprint: string, response: StoredResponse): Promise<void> {
    const done: IdempotencyRecord = { state: 'done', fingerprint, response };
    await this.redis.set(this.key(key), JSON.stringify(done), 'EX', TTL_SECONDS);
  }

  async release(key: string): Promise<void> {
    await this.redis.del(this.key(key));
  }
}
