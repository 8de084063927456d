import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { MailKind } from '../mail/mail-kinds';
import {
  deliveryKey,
  type DeliveryClaim,
  type DeliveryClaimRequest,
  type DeliveryLedger,
  type DeliveryRecord,
  type DeliveryState,
  type FailedDeliveries,
  type Page,
} from './delivery-ledger';

// A claim is a `SET NX PX` key holding the claimant's token: it vanishes by itself when a dispatcher dies.
// Each script checks and changes the record and the claim in one step, so two workers never both send.
const claimScript = `
local state = redis.call('HGET', KEYS[1], 'state')
if state == 'sent' or state == 'failed' then return {0, redis.call('HGETALL', KEYS[1])} end
if not redis.call('SET', KEYS[2], ARGV[1], 'NX', 'PX', ARGV[2]) then return {0, redis.call('HGETALL', KEYS[1])} end
if not state then
  redis.call('HSET', KEYS[1], 'key', ARGV[4], 'kind', ARGV[5], 'causationId', ARGV[6], 'recipient', ARGV[7],
    'messageId', ARGV[8], 'state', 'pending', 'attempts', '0', 'createdAt', ARGV[3], 'updatedAt', ARGV[3])
end
return {1, redis.call('HGETALL', KEYS[1])}`;

// The claim is lost only when someone else holds it; an expired claim nobody took is renewed.
const recordAttemptScript = `
local holder = redis.call('GET', KEYS[2])
if (holder and holder ~= ARGV[1]) or redis.call('HGET', KEYS[1], 'state') ~= 'pending' then return 0 end
redis.call('HSET', KEYS[1], 'attempts', ARGV[2], 'lastError', ARGV[3], 'updatedAt', ARGV[4])
redis.call('SET', KEYS[2], ARGV[1], 'PX', ARGV[5])
return 1`;

const markSentScript = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('HSET', KEYS[1], 'state', 'sent', 'attempts', ARGV[2], 'updatedAt', ARGV[3], 'sentAt', ARGV[3])
redis.call('HDEL', KEYS[1], 'failedAt')
redis.call('ZREM', KEYS[3], ARGV[4])
if redis.call('GET', KEYS[2]) == ARGV[1] then redis.call('DEL', KEYS[2]) end
return 1`;

const markFailedScript = `
local holder = redis.call('GET', KEYS[2])
if (holder and holder ~= ARGV[1]) or redis.call('HGET', KEYS[1], 'state') ~= 'pending' then return 0 end
redis.call('HSET', KEYS[1], 'state', 'failed', 'attempts', ARGV[2], 'lastError', ARGV[3], 'updatedAt', ARGV[4], 'failedAt', ARGV[4])
redis.call('ZADD', KEYS[3], ARGV[5], ARGV[6])
redis.call('DEL', KEYS[2])
return 1`;

/**
 * The production ledger, shared by every worker: one hash per delivery (`<prefix>delivery:<kind>:<causationId>`),
 * a claim key beside it, and a sorted set of failed deliveries (by failure time) for the staff list.
 * Records are kept without expiry: a replay from position 0, whenever it happens, must find them.
 */
export class RedisDeliveryLedger implements DeliveryLedger {
  constructor(
    private readonly redis: Redis,
    private readonly keyPrefix = 'holds:',
  ) {}

  async get(kind: MailKind, causationId: string): Promise<DeliveryRecord | null> {
    return toRecord(await this.redis.hgetall(this.recordKey(deliveryKey(kind, causationId))));
  }

  async claim(request: DeliveryClaimRequest, at: Date, leaseMs: number): Promise<DeliveryClaim> {
    const key = deliveryKey(request.kind, request.causationId);
    const token = randomUUID();
    const [claimed, fields] = (await this.redis.eval(
      claimScript,
      2,
      this.recordKey(key),
      this.claimKey(key),
      token,
      Math.max(1, Math.round(leaseMs)),
      at.toISOString(),
      key,
      request.kind,
      request.causationId,
      request.recipient,
      request.messageId,
    )) as [number, string[]];
    const record = toRecord(pairsToObject(fields));
    if (!record) throw new Error(`delivery ${key} has a claim but no record`);
    return claimed === 1 ? { claimed: true, token, record } : { claimed: false, record };
  }

  async recordAttempt(key: string, token: string, update: { attempts: number; lastError: string; at: Date; leaseMs: number }): Promise<boolean> {
    const kept = await this.redis.eval(
      recordAttemptScript,
      2,
      this.recordKey(key),
      this.claimKey(key),
      token,
      update.attempts,
      update.lastError,
      update.at.toISOString(),
      Math.max(1, Math.round(update.leaseMs)),
    );
    return kept === 1;
  }

  async markSent(key: string, token: string, update: { attempts: number; at: Date }): Promise<void> {
    await this.redis.eval(markSentScript, 3, this.recordKey(key), this.claimKey(key), this.failedKey(), token, update.attempts, update.at.toISOString(), key);
  }

  async markFailed(key: string, token: string, update: { attempts: number; lastError: string; at: Date }): Promise<void> {
    await this.redis.eval(
      markFailedScript,
      3,
      this.recordKey(key),
      this.claimKey(key),
      this.failedKey(),
      token,
      update.attempts,
      update.lastError,
      update.at.toISOString(),
      update.at.getTime(),
      key,
    );
  }

  async failed(page: Page): Promise<FailedDeliveries> {
    const total = await this.redis.zcard(this.failedKey());
    if (page.limit <= 0) return { total, items: [] };
    const keys = await this.redis.zrevrange(this.failedKey(), page.offset, page.offset + page.limit - 1);
    const pipeline = this.redis.pipeline();
    for (const key of keys) pipeline.hgetall(this.recordKey(key));
    const replies = (await pipeline.exec()) ?? [];
    const items = replies.map(([error, fields]) => {
      if (error) throw error;
      return toRecord(fields as Record<string, string>);
    });
    return { total, items: items.filter((record): record is DeliveryRecord => record !== null) };
  }

  private recordKey(key: string): string {
    return `${this.keyPrefix}delivery:${key}`;
  }

  private claimKey(key: string): string {
    return `${this.keyPrefix}delivery-claim:${key}`;
  }

  private failedKey(): string {
    return `${this.keyPrefix}deliveries:failed`;
  }
}

function pairsToObject(pairs: string[]): Record<string, string> {
  const object: Record<string, string> = {};
  for (let i = 0; i + 1 < pairs.length; i += 2) object[pairs[i]] = pairs[i + 1];
  return object;
}

function toRecord(fields: Record<string, string>): DeliveryRecord | null {
  if (!fields.state) return null;
  return {
    key: fields.key,
    kind: fields.kind as MailKind,
    causationId: fields.causationId,
    recipient: fields.recipient,
    messageId: fields.messageId,
    state: fields.state as DeliveryState,
    attempts: Number(fields.attempts ?? 0),
    lastError: fields.lastError ?? null,
    createdAt: fields.createdAt,
    updatedAt: fields.updatedAt,
    sentAt: fields.sentAt ?? null,
    failedAt: fields.failedAt ?? null,
  };
}
