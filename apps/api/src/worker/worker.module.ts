import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { join } from 'node:path';
import type { Redis } from 'ioredis';
import { APP_CONFIG, REDIS, type AppConfig } from '@libs/platform';
import { ClaimRepair } from './claim-repair';
import { DailyMailJobs } from './daily-mail-jobs';
import { OverdueReminderSweep } from './overdue-reminder-sweep';
import { PickupReminderSweep } from './pickup-reminder-sweep';
import { FileReactorCheckpoints, RedisReactorCheckpoints, type ReactorCheckpoints } from './reactor-checkpoints';
import { REACTOR_CHECKPOINTS, WorkerReactors } from './worker-reactors';

/** The worker's part of the app: the reactors (mails, hold-slot releases), the daily mail jobs and the claim repair. */
@Module({
  imports: [ScheduleModule.forRoot()],
  providers: [
    {
      provide: REACTOR_CHECKPOINTS,
      inject: [APP_CONFIG, REDIS],
      useFactory: (config: AppConfig, redis: Redis | null): ReactorCheckpoints =>
        redis ? new RedisReactorCheckpoints(redis, config.REDIS_KEY_PREFIX) : new FileReactorCheckpoints(join(config.DATA_DIR, 'checkpoints')),
    },
    WorkerReactors,
    OverdueReminderSweep,
    PickupReminderSweep,
    DailyMailJobs,
    ClaimRepair,
  ],
  exports: [ClaimRepair],
})
export class WorkerModule {}
