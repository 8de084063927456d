import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { EventStore } from '@libs/event-store';
import { Clock } from '../clock';
import { CommandRunner } from '../command-handling/command-runner';
import type { AppConfig } from '../config/app-config';
import { openEventStore } from '../event-store/open-event-store';
import { APP_CONFIG, EVENT_STORE, POLICY, REDIS, ROOT_LOGGER } from '../tokens';
import { loadPolicy } from './load-policy';

export interface CoreOptions {
  config: AppConfig;
  clock: Clock;
  logger: Logger;
  /** An already open event store (tests share one between app instances); otherwise opened from config. */
  eventStore?: EventStore;
}

class CoreLifecycle implements OnApplicationShutdown {
  constructor(
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(REDIS) private readonly redis: Redis | null,
    private readonly ownsEventStore: boolean,
  ) {}

  async onApplicationShutdown() {
    if (this.ownsEventStore) await this.eventStore.close();
    this.redis?.disconnect();
  }
}

/**
 * The parts every process shares, chosen by configuration: clock, logger, event store, Redis, policy, the
 * command runner and the CQRS buses. Registered once by the entry point; the api and worker modules use it.
 */
@Global()
@Module({})
export class CoreModule {
  static register(options: CoreOptions): DynamicModule {
    const { config } = options;
    const providers: Provider[] = [
      { provide: APP_CONFIG, useValue: config },
      { provide: Clock, useValue: options.clock },
      { provide: ROOT_LOGGER, useValue: options.logger },
      { provide: POLICY, useFactory: () => loadPolicy(config) },
      { provide: EVENT_STORE, useFactory: () => options.eventStore ?? openEventStore(config) },
      {
        provide: REDIS,
        useFactory: () => (config.REDIS_URL ? new Redis(config.REDIS_URL, { maxRetriesPerRequest: 1, connectTimeout: 2000 }) : null),
      },
      {
        provide: CoreLifecycle,
        inject: [EVENT_STORE, REDIS],
        useFactory: (store: EventStore, redis: Redis | null) => new CoreLifecycle(store, redis, !options.eventStore),
      },
      CommandRunner,
    ];
    return { module: CoreModule, imports: [CqrsModule.forRoot()], providers, exports: providers };
  }
}
