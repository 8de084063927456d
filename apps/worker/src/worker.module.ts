import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { join } from 'node:path';
import type { Redis } from 'ioredis';
import { ApplicationModule } from '@libs/application';
import { APP_CONFIG, ProjectionsModule, REDIS, type AppConfig } from '@libs/platform';
import { ClaimRepairSchedule } from './claim-repair-schedule';
import { ExpiryScheduler } from './expiry/expiry-scheduler';
import { FileReactorCheckpoints, RedisReactorCheckpoints, type ReactorCheckpoints } from './reactors/reactor-checkpoints';
import { REACTOR_CHECKPOINTS, WorkerReactors } from './reactors/worker-reactors';
import { DailyMailJobs } from './reminders/daily-mail-jobs';
import { OverdueReminderSweep } from './reminders/overdue-reminder-sweep';
import { PickupReminderSweep } from './reminders/pickup-reminder-sweep';

/**
 * The worker: keeps the read models up to date (projections), reacts to events (mails, hold-slot releases), and runs
 * the schedules: the nightly expiry sweep (R18, I3), the daily reminder mails (R26) and the claim repair (R7).
 */
@Module({
  imports: [ScheduleModule.forRoot(), ApplicationModule, ProjectionsModule],
  providers: [
    {
      provide: REACTOR_CHECKPOINTS,
      inject: [APP_CONFIG, REDIS],
      useFactory: (config: AppConfig, redis: Redis | null): ReactorCheckpoints =>
        redis ? new RedisReactorCheckpoints(redis, config.REDIS_KEY_PREFIX) : new FileReactorCheckpoints(join(config.DATA_DIR, 'checkpoints')),
    },
    WorkerReactors,
    ExpiryScheduler,
    OverdueReminderSweep,
    PickupReminderSweep,
    DailyMailJobs,
    ClaimRepairSchedule,
  ],
})
export class WorkerModule {}
