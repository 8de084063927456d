import { Global, Inject, Injectable, Module, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import type { EventStore } from '@libs/event-store';
import { ProjectionMetrics, ProjectionRunner, type ReadModelStore } from '@libs/projections';
import type { AppConfig } from '../config/app-config';
import { HealthChecks } from '../health/health-checks';
import { METRICS_REGISTRY } from '../health/metrics-registry';
import { APP_CONFIG, EVENT_STORE, READ_MODEL_STORE, REDIS, ROOT_LOGGER } from '../tokens';

@Injectable()
class ProjectionLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    private readonly runner: ProjectionRunner,
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(REDIS) redis: Redis | null,
    @Inject(METRICS_REGISTRY) registry: Registry,
    checks: HealthChecks,
  ) {
    this.readModelRedis = config.READ_MODEL_STORE === 'redis' ? redis : null;
    new ProjectionMetrics(runner, registry);
    checks.register(async () => {
      const status = runner.status();
      const details = { state: status.state, position: status.position?.toString() ?? null, error: status.error };
      return { projections: { status: status.state === 'failed' || status.state === 'stopped' ? 'down' : 'up', ...details } };
    });
  }

  /** The Redis that holds the read models, when it does. */
  private readonly readModelRedis: Redis | null;

  /**
   * Redis came back after an outage, perhaps empty (a restart without persistence): the runner's own position no longer
   * says what Redis holds, so it resumes from the checkpoint stored there, which replays the whole log into an empty one.
   */
  private readonly resumeFromStoredCheckpoint = () => {
    this.logger.warn('Redis is back: projections resume from the checkpoint stored there');
    void this.runner.restart();
  };

  /**
   * In memory the read models are rebuilt from the log at start: the app answers only once they caught up.
   * Read models in Redis persist, and several workers may project into them at once, so a worker starts at once
   * and catches up in the background (queries wait for the log head anyway).
   */
  async onApplicationBootstrap() {
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
    await this.runner.stop();
  }
}

/**
 * Keeps the read models up to date from the event log: the worker's job, and also the api's when the read models
 * live in its own memory (embedded mode). Its status shows on /health and its lag on /metrics.
 */
@Global()
@Module({
  providers: [
    {
      provide: ProjectionRunner,
      inject: [EVENT_STORE, READ_MODEL_STORE, ROOT_LOGGER],
      useFactory: (eventStore: EventStore, store: ReadModelStore, logger: Logger) =>
        new ProjectionRunner({ eventStore, store, logger: logger.child({ part: 'projections' }) }),
    },
    ProjectionLifecycle,
  ],
  exports: [ProjectionRunner],
})
export class ProjectionsModule {}
