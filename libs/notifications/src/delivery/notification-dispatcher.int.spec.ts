import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { testRedisUrl } from '../../../../test/support/test-redis';
import { SmtpTestServer } from '../../test/smtp-test-server';
import { messageIdFor } from '../mailer/message-id';
import { OutboxMailer } from '../mailer/outbox-mailer';
import { SmtpMailer } from '../mailer/smtp-mailer';
import type { DeliveryLedger } from './delivery-ledger';
import { FileDeliveryLedger } from './file-delivery-ledger';
import { NotificationDispatcher, type Delivery } from './notification-dispatcher';
import { RedisDeliveryLedger } from './redis-delivery-ledger';

const redis = new Redis(testRedisUrl(), { lazyConnect: true });
const prefix = `test:notifications:dispatcher:${process.pid}:${Date.now()}:`;
const from = 'info@lib.example.jp';
const retry = { maxAttempts: 4, initialDelayMs: 100, multiplier: 2, maxDelayMs: 10_000, jitter: 0 };

afterAll(async () => {
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
});

const delivery = (overrides: Partial<Delivery> = {}): Delivery => ({
  kind: 'hold-ready',
  causationId: randomUUID(),
  to: 'hanako@example.jp',
  subject: '【八戸市立図書館】予約資料のご用意ができました',
  text: '山田 花子 様\n\nご予約いただいた資料のご用意ができました。\n',
  ...overrides,
});

describe('NotificationDispatcher over SMTP and the Redis ledger', () => {
  let server: SmtpTestServer;
  let mailer: SmtpMailer;
  let ledger: DeliveryLedger;
  let keyPrefix: string;
  let sleeps: number[];

  const dispatcher = (options: { ledger?: DeliveryLedger; sleep?: (ms: number) => Promise<void>; pollMs?: number } = {}) =>
    new NotificationDispatcher({
      mailer,
      ledger: options.ledger ?? ledger,
      messageIdDomain: 'lib.example.jp',
      retry,
      pollMs: options.pollMs,
      sleep:
        options.sleep ??
        (async (ms) => {
          sleeps.push(ms);
        }),
    });

  beforeEach(async () => {
    server = await SmtpTestServer.start();
    mailer = new SmtpMailer({ host: '127.0.0.1', port: server.port, secure: false, from });
    keyPrefix = `${prefix}${randomUUID()}:`;
    ledger = new RedisDeliveryLedger(redis, keyPrefix);
    sleeps = [];
  });
  afterEach(async () => {
    mailer.close();
    await server.stop();
  });

  it('retries after "451 try again later" with exponential backoff, and the mail arrives exactly once', async () => {
    server.failNextDeliveries(2);
    const mail = delivery();

    const result = await dispatcher().dispatch(mail);

    expect(result).toMatchObject({ status: 'sent', record: { state: 'sent', attempts: 3 } });
    expect(result.record.lastError).toMatch(/451/);
    expect(sleeps).toEqual([100, 200]);
    expect(server.dataAttempts).toBe(3);
    expect(server.received).toHaveLength(1);
    expect(server.received[0]).toMatchObject({ subject: mail.subject, text: mail.text, messageId: `<hold-ready.${mail.causationId}@lib.example.jp>` });
  });

  it('gives up at once on a refused recipient: failed, with attempts and the last error listed for staff', async () => {
    server.refuseRecipient('gone@example.jp');
    const mail = delivery({ to: 'gone@example.jp' });

    const result = await dispatcher().dispatch(mail);

    expect(result).toMatchObject({ status: 'failed', record: { state: 'failed', attempts: 1 } });
    expect(sleeps).toEqual([]);
    expect(server.received).toHaveLength(0);
    const failed = await ledger.failed({ offset: 0, limit: 10 });
    expect(failed.total).toBe(1);
    expect(failed.items[0]).toMatchObject({ kind: 'hold-ready', recipient: 'gone@example.jp', attempts: 1, causationId: mail.causationId });
    expect(failed.items[0].lastError).toMatch(/550/);
  });

  it('stops after the bounded number of attempts when the relay keeps deferring', async () => {
    server.failNextDeliveries(100);

    const result = await dispatcher().dispatch(delivery());

    expect(result).toMatchObject({ status: 'failed', record: { attempts: 4 } });
    expect(result.record.lastError).toMatch(/451/);
    expect(sleeps).toEqual([100, 200, 400]);
    expect(server.dataAttempts).toBe(4);
  });

  it('sends one mail when the same causing event is dispatched twice, and none after a failed delivery', async () => {
    const mail = delivery();
    const first = dispatcher();
    expect((await first.dispatch(mail)).status).toBe('sent');
    expect(await first.dispatch(mail)).toMatchObject({ status: 'already-handled', record: { state: 'sent' } });

    server.refuseRecipient('gone@example.jp');
    const refused = delivery({ to: 'gone@example.jp' });
    expect((await first.dispatch(refused)).status).toBe('failed');
    expect((await first.dispatch(refused)).status).toBe('already-handled');

    expect(server.received).toHaveLength(1);
  });

  it('sends no second mail after a restart: a new dispatcher over the same Redis ledger', async () => {
    const mail = delivery();
    await dispatcher().dispatch(mail);

    const otherConnection = new Redis(testRedisUrl(), { lazyConnect: true });
    try {
      const restarted = dispatcher({ ledger: new RedisDeliveryLedger(otherConnection, keyPrefix) });
      expect(await restarted.dispatch(mail)).toMatchObject({ status: 'already-handled', record: { state: 'sent', attempts: 1 } });
    } finally {
      otherConnection.disconnect();
    }
    expect(server.received).toHaveLength(1);
  });

  it('sends one mail when two workers dispatch the same delivery at once; the second waits for the first', async () => {
    server.failNextDeliveries(1);
    const mail = delivery();
    const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.min(ms, 20)));

    const results = await Promise.all([
      dispatcher({ sleep: realSleep, pollMs: 10 }).dispatch(mail),
      dispatcher({ sleep: realSleep, pollMs: 10 }).dispatch(mail),
    ]);

    expect(results.map((result) => result.status).sort()).toEqual(['already-handled', 'sent']);
    expect(server.received).toHaveLength(1);
  });

  it('takes over a delivery whose dispatcher died holding it, once the claim runs out', async () => {
    const mail = delivery();
    await ledger.claim(
      { kind: mail.kind, causationId: mail.causationId, recipient: mail.to, messageId: messageIdFor(mail.kind, mail.causationId, 'lib.example.jp') },
      new Date(),
      150,
    );
    const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

    const result = await dispatcher({ sleep: realSleep, pollMs: 25 }).dispatch(mail);

    expect(result.status).toBe('sent');
    expect(server.received).toHaveLength(1);
  });
});

describe('NotificationDispatcher in the embedded mode: outbox files and the file ledger', () => {
  it('writes one .eml per mail, and nothing more after a restart over the same directories', async () => {
    const root = await mkdtemp(join(tmpdir(), 'embedded-'));
    try {
      const embedded = () =>
        new NotificationDispatcher({
          mailer: new OutboxMailer({ directory: join(root, 'outbox'), from }),
          ledger: new FileDeliveryLedger(join(root, 'deliveries')),
          messageIdDomain: 'lib.example.jp',
        });
      const mail = delivery({ causationId: '5f0c7a52-8d0e-4a55-9a3b-6f0e2b1c9d10' });

      expect((await embedded().dispatch(mail)).status).toBe('sent');
      expect((await embedded().dispatch(mail)).status).toBe('already-handled');

      expect(await readdir(join(root, 'outbox'))).toEqual(['hold-ready.5f0c7a52-8d0e-4a55-9a3b-6f0e2b1c9d10@lib.example.jp.eml']);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
