import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { testRedisUrl } from '../../../../test/support/test-redis';
import type { DeliveryClaimRequest, DeliveryLedger } from './delivery-ledger';
import { FileDeliveryLedger } from './file-delivery-ledger';
import { InMemoryDeliveryLedger } from './in-memory-delivery-ledger';
import { RedisDeliveryLedger } from './redis-delivery-ledger';

const redis = new Redis(testRedisUrl(), { lazyConnect: true });
const prefix = `test:notifications:ledger:${process.pid}:${Date.now()}:`;
const directories: string[] = [];

afterAll(async () => {
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
  await Promise.all(directories.map((directory) => rm(directory, { recursive: true, force: true })));
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each<[string, () => Promise<DeliveryLedger>]>([
  ['in memory', async () => new InMemoryDeliveryLedger()],
  ['on Redis', async () => new RedisDeliveryLedger(redis, `${prefix}${randomUUID()}:`)],
  [
    'in files',
    async () => {
      const directory = await mkdtemp(join(tmpdir(), 'deliveries-'));
      directories.push(directory);
      return new FileDeliveryLedger(join(directory, 'deliveries'));
    },
  ],
])('delivery ledger %s', (_name, create) => {
  const t0 = new Date('2026-11-23T01:00:00.000Z');
  const at = (ms: number) => new Date(t0.getTime() + ms);
  const request = (causationId: string, recipient = 'hanako@example.jp'): DeliveryClaimRequest => ({
    kind: 'hold-ready',
    causationId,
    recipient,
    messageId: `<hold-ready.${causationId}@lib.example.jp>`,
  });
  let ledger: DeliveryLedger;

  beforeEach(async () => {
    ledger = await create();
  });

  it('knows nothing of a delivery never claimed', async () => {
    expect(await ledger.get('hold-ready', 'unknown')).toBeNull();
    expect(await ledger.failed({ offset: 0, limit: 10 })).toEqual({ total: 0, items: [] });
  });

  it('gives a claim to one dispatcher only, while its lease lasts', async () => {
    const first = await ledger.claim(request('e1'), t0, 60_000);
    expect(first).toMatchObject({ claimed: true, record: { key: 'hold-ready:e1', state: 'pending', attempts: 0, recipient: 'hanako@example.jp' } });
    const second = await ledger.claim(request('e1'), at(1000), 60_000);
    expect(second).toMatchObject({ claimed: false, record: { state: 'pending' } });
    expect(await ledger.get('hold-ready', 'e1')).toMatchObject({
      kind: 'hold-ready',
      causationId: 'e1',
      messageId: '<hold-ready.e1@lib.example.jp>',
      createdAt: t0.toISOString(),
      lastError: null,
      sentAt: null,
      failedAt: null,
    });
  });

  it('gives exactly one of many simultaneous claims', async () => {
    const claims = await Promise.all(Array.from({ length: 12 }, () => ledger.claim(request('race'), t0, 60_000)));
    expect(claims.filter((claim) => claim.claimed)).toHaveLength(1);
  });

  it('never gives a claim on a sent delivery again', async () => {
    const claim = await ledger.claim(request('e2'), t0, 60_000);
    if (!claim.claimed) throw new Error('expected a claim');
    await ledger.markSent('hold-ready:e2', claim.token, { attempts: 1, at: at(500) });
    expect(await ledger.claim(request('e2'), at(10 * 60_000), 60_000)).toMatchObject({ claimed: false, record: { state: 'sent', attempts: 1 } });
    expect(await ledger.get('hold-ready', 'e2')).toMatchObject({ state: 'sent', sentAt: at(500).toISOString() });
  });

  it('records failed attempts and extends the lease while the claim is held', async () => {
    const claim = await ledger.claim(request('e3'), t0, 60_000);
    if (!claim.claimed) throw new Error('expected a claim');
    expect(await ledger.recordAttempt('hold-ready:e3', claim.token, { attempts: 1, lastError: '451 try later', at: at(100), leaseMs: 60_000 })).toBe(true);
    expect(await ledger.get('hold-ready', 'e3')).toMatchObject({ state: 'pending', attempts: 1, lastError: '451 try later' });
  });

  it('lets another dispatcher take over a delivery whose lease ran out, keeping its attempts', async () => {
    const dead = await ledger.claim(request('e4'), t0, 40);
    if (!dead.claimed) throw new Error('expected a claim');
    await ledger.recordAttempt('hold-ready:e4', dead.token, { attempts: 2, lastError: 'timeout', at: t0, leaseMs: 40 });
    await pause(80);
    const takeover = await ledger.claim(request('e4'), at(100), 60_000);
    expect(takeover).toMatchObject({ claimed: true, record: { state: 'pending', attempts: 2, lastError: 'timeout' } });

    // The first dispatcher comes back: its claim is gone, it may neither record nor fail the delivery.
    expect(await ledger.recordAttempt('hold-ready:e4', dead.token, { attempts: 3, lastError: 'late', at: at(200), leaseMs: 60_000 })).toBe(false);
    await ledger.markFailed('hold-ready:e4', dead.token, { attempts: 3, lastError: 'late', at: at(200) });
    expect(await ledger.get('hold-ready', 'e4')).toMatchObject({ state: 'pending', attempts: 2 });
  });

  it('keeps failed deliveries for staff, with recipient, attempts, last error and cause, and never claims them again', async () => {
    const claim = await ledger.claim(request('e5', 'gone@example.jp'), t0, 60_000);
    if (!claim.claimed) throw new Error('expected a claim');
    await ledger.markFailed('hold-ready:e5', claim.token, { attempts: 1, lastError: '550 5.1.1 Mailbox does not exist', at: at(300) });

    expect(await ledger.claim(request('e5', 'gone@example.jp'), at(10 * 60_000), 60_000)).toMatchObject({ claimed: false, record: { state: 'failed' } });
    expect(await ledger.failed({ offset: 0, limit: 10 })).toEqual({
      total: 1,
      items: [
        expect.objectContaining({
          kind: 'hold-ready',
          causationId: 'e5',
          recipient: 'gone@example.jp',
          attempts: 1,
          lastError: '550 5.1.1 Mailbox does not exist',
          state: 'failed',
          failedAt: at(300).toISOString(),
        }),
      ],
    });
  });

  it('lists failures newest first, a page at a time, leaving out sent and pending deliveries', async () => {
    for (let i = 1; i <= 5; i++) {
      const claim = await ledger.claim(request(`f${i}`), t0, 60_000);
      if (!claim.claimed) throw new Error('expected a claim');
      await ledger.markFailed(`hold-ready:f${i}`, claim.token, { attempts: 5, lastError: `error ${i}`, at: at(i * 1000) });
    }
    const sent = await ledger.claim(request('ok'), t0, 60_000);
    if (!sent.claimed) throw new Error('expected a claim');
    await ledger.markSent('hold-ready:ok', sent.token, { attempts: 1, at: at(9000) });
    await ledger.claim(request('pending'), t0, 60_000);

    const firstPage = await ledger.failed({ offset: 0, limit: 2 });
    expect(firstPage.total).toBe(5);
    expect(firstPage.items.map((item) => item.causationId)).toEqual(['f5', 'f4']);
    expect((await ledger.failed({ offset: 2, limit: 2 })).items.map((item) => item.causationId)).toEqual(['f3', 'f2']);
    expect((await ledger.failed({ offset: 4, limit: 2 })).items.map((item) => item.causationId)).toEqual(['f1']);
    expect((await ledger.failed({ offset: 0, limit: 0 })).items).toEqual([]);
  });
});

describe('file delivery ledger across a restart', () => {
  it('still knows what it sent when opened again over the same directory', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'deliveries-'));
    directories.push(directory);
    const before = new FileDeliveryLedger(directory);
    const claim = await before.claim({ kind: 'email-registered', causationId: 'x1', recipient: 'a@example.jp', messageId: '<m@x>' }, new Date(), 60_000);
    if (!claim.claimed) throw new Error('expected a claim');
    await before.markSent('email-registered:x1', claim.token, { attempts: 1, at: new Date() });

    const after = new FileDeliveryLedger(directory);
    expect(await after.get('email-registered', 'x1')).toMatchObject({ state: 'sent', recipient: 'a@example.jp' });
  });
});
