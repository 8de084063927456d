import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob } from 'cron';
import type { Logger } from 'pino';
import type { Policy } from '@libs/domain';
import { APP_CONFIG, POLICY, ROOT_LOGGER, type AppConfig } from '@libs/platform';
import { dailyCronTime } from './sweep-time';
import { ExpirySweep } from '@libs/application';

const DAILY_JOB = 'expiry-sweep';
/** A failed sweep (store or Redis briefly away) is tried again this much later, not only the next night. */
const RETRY_MS = 5 * 60_000;

/**
 * Runs the sweep every day at EXPIRY_SWEEP_AT in the library's time zone, shortly after local midnight, when
 * the day's expiries become due; and once at start, so a worker that was down for days expires everything
 * that fell due meanwhile (I3), oldest notice first.
 */
@Injectable()
export class ExpiryScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger: Logger;
  private retry: NodeJS.Timeout | undefined;
  private stopped = false;
  /** The catch-up sweep started with the app; null when this process sweeps on demand only. */
  startupSweep: Promise<void> | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(POLICY) private readonly policy: Policy,
    private readonly registry: SchedulerRegistry,
    private readonly sweep: ExpirySweep,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.logger = logger.child({ part: 'expiry' });
  }

  onApplicationBootstrap(): void {
    const job = CronJob.from({
      cronTime: dailyCronTime(this.config.EXPIRY_SWEEP_AT),
      timeZone: this.policy.timeZone,
      onTick: () => this.run('daily'),
      waitForCompletion: true,
      unrefTimeout: true,
      start: true,
    });
    this.registry.addCronJob(DAILY_JOB, job);
    this.logger.info({ at: this.config.EXPIRY_SWEEP_AT, timeZone: this.policy.timeZone, next: job.nextDate().toISO() }, 'expiry sweep scheduled');
    // Not awaited: the worker serves /health while it catches up.
    this.startupSweep = this.run('start');
  }

  beforeApplicationShutdown(): void {
    this.stopped = true;
    clearTimeout(this.retry);
  }

  private async run(trigger: 'start' | 'daily' | 'retry'): Promise<void> {
    clearTimeout(this.retry);
    try {
      await this.sweep.sweep();
    } catch (error) {
      if (this.stopped) return;
      this.logger.warn({ err: error, trigger, retryInMs: RETRY_MS }, 'expiry sweep failed; trying again later');
      this.retry = setTimeout(() => void this.run('retry'), RETRY_MS);
      this.retry.unref();
    }
  }
}
