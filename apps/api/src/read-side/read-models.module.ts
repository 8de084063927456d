import { Global, Module, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { Registry, collectDefaultMetrics } from 'prom-client';
import type { EventStore } from '@libs/event-store';
import { InMemoryReadModelStore, ProjectionMetrics, ProjectionRunner, RedisReadModelStore, type ReadModelStore } from '@libs/projections';
import { APP_CONFIG, EVENT_STORE, READ_MODEL_STORE, REDIS, ROOT_LOGGER, type AppConfig } from '@libs/platform';
import { HealthChecks } from '../health/health-checks';
import { MetricsController } from './metrics.controller';
import { ProjectionsController } from './projections.controller';
import { METRICS_REGISTRY } from './metrics-registry';
import { ReadYourWrites } from './read-your-writes.service';

/** Whether this process keeps the read models up to date (otherwise another process, the worker, does). */
export function runsProjections(config: AppConfig): boolean {
  return config.READ_MODEL_STORE === 'memory' || config.APP_ROLE !== 'api';
}

class ProjectionLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    private readonly runner: ProjectionRunner | null,
    private readonly eventStore: EventStore,
    private readonly logger: Logger,
    /** The Redis that holds the read models, when it does. */
    private readonly readModelRedis: Redis | null,
  ) {}

  /**
   * Redis came back after an outage, perhaps empty (a restart without persistence): the runner's own position no longer
   * says what Redis holds, so it resumes from the checkpoint stored there, which replays the whole log into an empty one.
   */
  private readonly resumeFromStoredCheckpoint = () => {
    if (!this.runner) return;
    this.logger.warn('Redis is back: projections resume from the checkpoint stored there');
    void this.runner.restart();
  };

  /**
   * In memory the read models are rebuilt from the log at start: the app answers only once they caught up.
   * Read models in Redis persist, and several workers may project into them at once, so a worker starts at once
   * and catches up in the background (queries wait for the log head anyway).
   */
  async onApplicationBootstrap() {
    if (!this.runner) return;
    await this.runner.start();
    this.readModelRedis?.on('ready', this.resumeFromStoredCheckpoint);
    if (this.readModelRedis) return;
    const head = await this.eventStore.headPosition();
    if (head >= 0n) {
      const started = Date.now();
      await this.runner.waitForPosition(head, 10 * 60_000);
      this.logger.info({ position: head.toString(), ms: Date.now() - started }, 'read models caught up with the event log');
    }
  }

  async onApplicationShutdown() {
    this.readModelRedis?.off('ready', this.resumeFromStoredCheckpoint);
    await this.runner?.stop();
  }
}

@Global()
@Module({
  controllers: [MetricsController, ProjectionsController],
  providers: [
    {
      provide: READ_MODEL_STORE,
      inject: [APP_CONFIG, REDIS],
      useFactory: (config: AppConfig, redis: Redis | null): ReadModelStore =>
        config.READ_MODEL_STORE === 'redis' && redis
          ? new RedisReadModelStore({ redis, keyPrefix: `${config.REDIS_KEY_PREFIX}read-models:` })
          : new InMemoryReadModelStore(),
    },
    {
      provide: ProjectionRunner,
      inject: [APP_CONFIG, EVENT_STORE, READ_MODEL_STORE, ROOT_LOGGER],
      useFactory: (config: AppConfig, eventStore: EventStore, store: ReadModelStore, logger: Logger) =>
        runsProjections(config) ? new ProjectionRunner({ eventStore, store, logger: logger.child({ part: 'projections' }) }) : null,
    },
    {
      provide: METRICS_REGISTRY,
      inject: [ProjectionRunner],
      useFactory: (runner: ProjectionRunner | null) => {
        const registry = new Registry();
        collectDefaultMetrics({ register: registry });
        if (runner) new ProjectionMetrics(runner, registry);
        return registry;
      },
    },
    {
      provide: ProjectionLifecycle,
      inject: [ProjectionRunner, EVENT_STORE, ROOT_LOGGER, HealthChecks, APP_CONFIG, REDIS],
      useFactory: (runner: ProjectionRunner | null, eventStore: EventStore, logger: Logger, checks: HealthChecks, config: AppConfig, redis: Redis | null) => {
        if (runner) {
          checks.register(async () => {
            const status = runner.status();
            const details = { state: status.state, position: status.position?.toString() ?? null, error: status.error };
            return { projections: { status: status.state === 'failed' || status.state === 'stopped' ? 'down' : 'up', ...details } };
          });
        }
        return new ProjectionLifecycle(runner, eventStore, logger, config.READ_MODEL_STORE === 'redis' ? redis : null);
      },
    },
    ReadYourWrites,
  ],
  exports: [READ_MODEL_STORE, ProjectionRunner, ReadYourWrites, METRICS_REGISTRY],
})
export class ReadModelsModule {}

