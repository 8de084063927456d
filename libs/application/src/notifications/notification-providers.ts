import type { Provider } from '@nestjs/common';
import { join } from 'node:path';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Policy } from '@libs/domain';
import {
  FileDeliveryLedger,
  NotificationDispatcher,
  NotificationReactor,
  OutboxMailer,
  RedisDeliveryLedger,
  SmtpMailer,
  mailDomainOf,
  type DeliveryLedger,
  type Mailer,
} from '@libs/notifications';
import { APP_CONFIG, Clock, POLICY, REDIS, ROOT_LOGGER, type AppConfig } from '@libs/platform';
import { NotificationLookupsService } from './notification-lookups';
import { DELIVERY_LEDGER, NOTIFICATION_REACTOR, NotificationsGateway } from './notifications.gateway';

const MAILER = Symbol('MAILER');

/**
 * The mail machinery: the mailer chosen by MAIL_TRANSPORT (SMTP relay or .eml files in DATA_DIR/outbox), the
 * delivery ledger that de-duplicates by causing event (Redis, or files in DATA_DIR/deliveries), and the reactor
 * that decides and renders each mail. The worker feeds it events and runs the daily reminders; the API sends
 * the password reset mail through the gateway and shows failed deliveries to staff.
 */
export const notificationProviders: Provider[] = [
  NotificationLookupsService,
  NotificationsGateway,
  {
    provide: MAILER,
    inject: [APP_CONFIG],
    useFactory: (config: AppConfig): Mailer =>
      config.MAIL_TRANSPORT === 'smtp'
        ? new SmtpMailer({
            host: config.SMTP_HOST as string,
            port: config.SMTP_PORT,
            secure: config.SMTP_SECURE,
            user: config.SMTP_USER,
            password: config.SMTP_PASSWORD,
            from: config.MAIL_FROM,
          })
        : new OutboxMailer({ directory: join(config.DATA_DIR, 'outbox'), from: config.MAIL_FROM }),
  },
  {
    provide: DELIVERY_LEDGER,
    inject: [APP_CONFIG, REDIS],
    useFactory: (config: AppConfig, redis: Redis | null): DeliveryLedger =>
      redis ? new RedisDeliveryLedger(redis, config.REDIS_KEY_PREFIX) : new FileDeliveryLedger(join(config.DATA_DIR, 'deliveries')),
  },
  {
    provide: NOTIFICATION_REACTOR,
    inject: [APP_CONFIG, POLICY, MAILER, DELIVERY_LEDGER, NotificationLookupsService, Clock, ROOT_LOGGER],
    useFactory: (
      config: AppConfig,
      policy: Policy,
      mailer: Mailer,
      ledger: DeliveryLedger,
      lookups: NotificationLookupsService,
      clock: Clock,
      logger: Logger,
    ) => {
      const mailLogger = logger.child({ part: 'mail' });
      const dispatcher = new NotificationDispatcher({ mailer, ledger, messageIdDomain: mailDomainOf(config.MAIL_FROM), clock, logger: mailLogger });
      return new NotificationReactor({
        dispatcher,
        lookups,
        policy,
        statusPageBaseUrl: config.STATUS_PAGE_BASE_URL ?? null,
        passwordResetUrl: config.STATUS_PAGE_BASE_URL ? `${config.STATUS_PAGE_BASE_URL.replace(/\/$/, '')}/password-reset` : null,
        clock,
        logger: mailLogger,
      });
    },
  },
];

export const notificationExports = [NotificationsGateway, NotificationLookupsService, NOTIFICATION_REACTOR, DELIVERY_LEDGER];
