import { Global, Module, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { join } from 'node:path';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Policy } from '@libs/domain';
import type { EventStore } from '@libs/event-store';
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
import { APP_CONFIG, Clock, EVENT_STORE, POLICY, REDIS, ROOT_LOGGER, type AppConfig } from '@libs/platform';
import { HealthChecks } from '../health/health-checks';
import { FileReactorCheckpoints, RedisReactorCheckpoints, type ReactorCheckpoints } from '../worker/reactor-checkpoints';
import { ReactorRunner } from '../worker/reactor-runner';
import { NotificationLookupsService } from './notification-lookups.service';
import { DELIVERY_LEDGER, NOTIFICATION_REACTOR, NotificationsGateway } from './notifications.gateway';
import { StaffNotificationsController } from './staff-notifications.controller';

export const REACTOR_CHECKPOINTS = Symbol('REACTOR_CHECKPOINTS');
const MAILER = Symbol('MAILER');

/** Whether this process runs the reactors (mails, slot releases); the api process of a split deployment does not. */
export const runsWorker = (config: AppConfig) => config.APP_ROLE !== 'api';

class NotificationsLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(private readonly runner: ReactorRunner | null) {}
  async onApplicationBootstrap() {
    await this.runner?.start();
  }
  async onApplicationShutdown() {
    await this.runner?.stop();
  }
}

@Global()
@Module({
  controllers: [StaffNotificationsController],
  providers: [
    NotificationLookupsService,
    NotificationsGateway,
    {
      provide: MAILER,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): Mailer =>
        config.MAIL_TRANSPORT === 'smtp'
          ? new SmtpMailer({ host: config.SMTP_HOST as string, port: config.SMTP_PORT, secure: config.SMTP_SECURE, user: config.SMTP_USER, password: config.SMTP_PASSWORD, from: config.MAIL_FROM })
          : new OutboxMailer({ directory: join(config.DATA_DIR, 'outbox'), from: config.MAIL_FROM }),
    },
    {
      provide: DELIVERY_LEDGER,
      inject: [APP_CONFIG, REDIS],
      useFactory: (config: AppConfig, redis: Redis | null): DeliveryLedger =>
        redis ? new RedisDeliveryLedger(redis, config.REDIS_KEY_PREFIX) : new FileDeliveryLedger(join(config.DATA_DIR, 'deliveries')),
    },
    {
      provide: REACTOR_CHECKPOINTS,
      inject: [APP_CONFIG, REDIS],
      useFactory: (config: AppConfig, redis: Redis | null): ReactorCheckpoints =>
        redis ? new RedisReactorCheckpoints(redis, config.REDIS_KEY_PREFIX) : new FileReactorCheckpoints(join(config.DATA_DIR, 'checkpoints')),
    },
    {
      provide: NOTIFICATION_REACTOR,
      inject: [APP_CONFIG, POLICY, MAILER, DELIVERY_LEDGER, NotificationLookupsService, Clock, ROOT_LOGGER],
      useFactory: (config: AppConfig, policy: Policy, mailer: Mailer, ledger: DeliveryLedger, lookups: NotificationLookupsService, clock: Clock, logger: Logger) => {
        const dispatcher = new NotificationDispatcher({ mailer, ledger, messageIdDomain: mailDomainOf(config.MAIL_FROM), clock, logger: logger.child({ part: 'mail' }) });
        return new NotificationReactor({
          dispatcher,
          lookups,
          policy,
          statusPageBaseUrl: config.STATUS_PAGE_BASE_URL ?? null,
          passwordResetUrl: config.STATUS_PAGE_BASE_URL ? `${config.STATUS_PAGE_BASE_URL.replace(/\/$/, '')}/password-reset` : null,
          clock,
          logger: logger.child({ part: 'mail' }),
        });
      },
    },
    {
      provide: NotificationsLifecycle,
      inject: [APP_CONFIG, EVENT_STORE, REACTOR_CHECKPOINTS, NOTIFICATION_REACTOR, ROOT_LOGGER, HealthChecks],
      useFactory: (config: AppConfig, store: EventStore, checkpoints: ReactorCheckpoints, reactor: NotificationReactor, logger: Logger, checks: HealthChecks) => {
        if (!runsWorker(config)) return new NotificationsLifecycle(null);
        const runner = new ReactorRunner(
          store,
          checkpoints,
          {
            name: 'notifications',
            filter: { eventTypes: ['HoldReady', 'EmailRegistered', 'HoldPlaced'] },
            handle: async (event) => {
              await reactor.handle(event);
            },
          },
          logger.child({ part: 'notifications' }),
        );
        checks.register(async () => {
          const status = runner.status();
          return { notifications: { status: status.failing ? 'down' : 'up', lastError: status.lastError } };
        });
        return new NotificationsLifecycle(runner);
      },
    },
  ],
  exports: [NotificationsGateway, REACTOR_CHECKPOINTS, NotificationLookupsService, NOTIFICATION_REACTOR],
})
export class NotificationsModule {}

