import { Module } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { APP_CONFIG, REDIS, type AppConfig } from '@libs/platform';
import { HealthChecks } from '../health/health-checks';
import { expiryHandlers } from './expiry.commands';
import { ExpiryScheduler } from './expiry-scheduler';
import { ExpirySweep } from './expiry-sweep.service';
import { RedisSweepLease } from './redis-sweep-lease';
import { SWEEP_LEASE, type SweepLease } from './sweep-lease';
import { SweepStatus } from './sweep-status';
import { StaffExpiryController } from './staff-expiry.controller';

/** The pickup-window expiry (R18, I3, I4): the sweep, its daily schedule, its lease, its staff endpoints and health. */
// SchedulerRegistry comes from ScheduleModule.forRoot() in WorkerModule (a global module; one import is enough).
@Module({
  controllers: [StaffExpiryController],
  providers: [
    ExpirySweep,
    ExpiryScheduler,
    ...expiryHandlers,
    {
      provide: SWEEP_LEASE,
      inject: [APP_CONFIG, REDIS],
      useFactory: (config: AppConfig, redis: Redis | null): SweepLease | null =>
        redis ? new RedisSweepLease(redis, { key: `${config.REDIS_KEY_PREFIX}expiry:sweep-lease` }) : null,
    },
    {
      provide: SweepStatus,
      inject: [HealthChecks],
      useFactory: (checks: HealthChecks) => {
        const status = new SweepStatus();
        checks.register(async () => status.health());
        return status;
      },
    },
  ],
  exports: [ExpirySweep],
})
export class ExpiryModule {}
