import { randomUUID } from 'node:crypto';
import type { HoldReady } from '@libs/domain';
import { Redis } from 'ioredis';
import { recorded } from '../../test/recorded-event';
import { SmtpTestServer } from '../../test/smtp-test-server';
import { testRedisUrl } from '../../../../test/support/test-redis';
import { NotificationDispatcher } from '../delivery/notification-dispatcher';
import { RedisDeliveryLedger } from '../delivery/redis-delivery-ledger';
import { SmtpMailer } from '../mailer/smtp-mailer';
import type { NotificationLookups } from './notification-lookups';
import { NotificationReactor } from './notification-reactor';

const redis = new Redis(testRedisUrl(), { lazyConnect: true });
const prefix = `test:notifications:reactor:${process.pid}:${Date.now()}:`;

afterAll(async () => {
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
});

const lookups: NotificationLookups = {
  patron: (card) => (card === '123456789' ? { name: '山田 花子', email: 'hanako@example.jp' } : null),
  titleName: () => '吾輩は猫である',
  locationName: () => '南郷図書館',
};

describe('NotificationReactor over SMTP and Redis (the production wiring)', () => {
  let server: SmtpTestServer;
  let keyPrefix: string;
  const mailers: SmtpMailer[] = [];

  /** A worker as it starts: its own mailer, ledger and dispatcher over the shared Redis. */
  const startWorker = () => {
    const mailer = new SmtpMailer({ host: '127.0.0.1', port: server.port, secure: false, from: '"八戸市立図書館" <info@lib.example.jp>' });
    mailers.push(mailer);
    const dispatcher = new NotificationDispatcher({
      mailer,
      ledger: new RedisDeliveryLedger(redis, keyPrefix),
      messageIdDomain: 'lib.example.jp',
      retry: { initialDelayMs: 10, jitter: 0 },
    });
    return new NotificationReactor({
      dispatcher,
      lookups,
      policy: { libraryName: '八戸市立図書館', placedHoldConfirmationMail: true },
      statusPageBaseUrl: 'https://lib.example.jp/status',
      passwordResetUrl: 'https://lib.example.jp/reset',
      clock: { now: () => new Date('2026-11-23T03:00:00Z') },
    });
  };

  beforeEach(async () => {
    server = await SmtpTestServer.start();
    keyPrefix = `${prefix}${randomUUID()}:`;
  });
  afterEach(async () => {
    mailers.splice(0).forEach((mailer) => mailer.close());
    await server.stop();
  });

  it('R17 R24 delivers the hold-ready mail once, through a deferral, a replay and a worker restart', async () => {
    const event = recorded<HoldReady>({
      type: 'HoldReady',
      data: {
        titleId: 'T1',
        holdId: 'H1',
        cardNumber: '123456789',
        copyId: 'C1',
        pickupLocationId: 'L1',
        contactMethod: 'email',
        noticeDay: '2026-11-23',
        pickupOpenDays: 10,
        lastPickupDay: '2026-12-05',
      },
    });
    server.failNextDeliveries(2);

    const worker = startWorker();
    expect(await worker.handle(event)).toMatchObject({ status: 'sent', record: { attempts: 3 } });
    expect((await worker.handle(event)).status).toBe('already-handled');
    expect((await startWorker().handle(event)).status).toBe('already-handled');

    expect(server.received).toHaveLength(1);
    const [mail] = server.received;
    expect(mail.envelopeTo).toEqual(['hanako@example.jp']);
    expect(mail.subject).toBe('【八戸市立図書館】予約資料のご用意ができました');
    expect(mail.text).toContain('取置期限：2026年12月5日(土)');
    expect(mail.text).toContain('https://lib.example.jp/status');
    expect(mail.messageId).toBe(`<hold-ready.${event.id}@lib.example.jp>`);
  });

  it('R27 delivers the password-reset link with the raw token', async () => {
    await startWorker().sendPasswordReset({
      cardNumber: '123456789',
      email: 'hanako@example.jp',
      rawToken: 'Zm9vYmFy-token',
      expiresAt: '2026-11-23T04:00:00Z',
      causationId: randomUUID(),
    });
    const [mail] = await server.waitForMails(1);
    expect(mail.subject).toBe('【八戸市立図書館】パスワード再設定のご案内');
    expect(mail.text).toContain('https://lib.example.jp/reset?token=Zm9vYmFy-token\n');
  });
});
