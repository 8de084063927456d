import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob } from 'cron';
import type { Logger } from 'pino';
import type { Policy } from '@libs/domain';
import { POLICY, ROOT_LOGGER } from '@libs/platform';
import { OverdueReminderSweep } from './overdue-reminder-sweep';
import { PickupReminderSweep } from './pickup-reminder-sweep';
import type { SweepReport } from './sweep-report';

/** Reminders go out at 09:00 library time: in the morning, after the night's expiry sweep. */
export const DAILY_MAIL_CRON = '0 9 * * *';

/**
 * The daily mail jobs of the worker, each only where the policy asks for it: the overdue reminder (R26) and
 * the pickup reminder. Scheduled in the policy's time zone, never the server's. Every worker of a deployment
 * runs them; the delivery ledger makes sure each mail goes out once.
 */
@Injectable()
export class DailyMailJobs implements OnApplicationBootstrap {
  private readonly logger: Logger;
  private readonly running = new Set<string>();

  constructor(
    @Inject(POLICY) private readonly policy: Policy,
    @Inject(ROOT_LOGGER) logger: Logger,
    private readonly registry: SchedulerRegistry,
    private readonly overdue: OverdueReminderSweep,
    private readonly pickup: PickupReminderSweep,
  ) {
    this.logger = logger.child({ part: 'daily-mail-jobs' });
  }

  onApplicationBootstrap(): void {
    if (this.policy.overdueReminderMail) this.schedule('overdue-reminders', () => this.overdue.run());
    if (this.policy.pickupReminderOpenDaysBefore) this.schedule('pickup-reminders', () => this.pickup.run());
  }

  private schedule(name: string, sweep: () => Promise<SweepReport>): void {
    const job = CronJob.from({ cronTime: DAILY_MAIL_CRON, timeZone: this.policy.timeZone, onTick: () => this.runOnce(name, sweep) });
    this.registry.addCronJob(name, job);
    job.start();
    this.logger.info({ job: name, cron: DAILY_MAIL_CRON, timeZone: this.policy.timeZone }, 'daily mail job scheduled');
  }

  /** A run still going when the next tick comes is left to finish; errors are logged, the next day tries again. */
  private async runOnce(name: string, sweep: () => Promise<SweepReport>): Promise<void> {
    if (this.running.has(name)) return;
    this.running.add(name);
    try {
      await sweep();
    } catch (error) {
      this.logger.error({ err: error, job: name }, 'daily mail job failed');
    } finally {
      this.running.delete(name);
    }
  }
}
