import { Global, Module } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { APP_CONFIG, REDIS, resolveTokenSecret, type AppConfig } from '@libs/platform';
import { fingerprintKey, IDEMPOTENCY_FINGERPRINT_KEY } from './idempotency-fingerprint';
import { InMemoryIdempotencyStore, RedisIdempotencyStore } from './idempotency-store';
import { IDEMPOTENCY_STORE, IdempotencyInterceptor } from './idempotency.interceptor';
import { MaintenanceWindowGuard } from './maintenance-window.guard';
import { StaffOpsAccess } from './staff-ops-access';

/** What every api feature's controllers use: the maintenance window (R29) and Idempotency-Key replays; staff tokens open /metrics. */
@Global()
@Module({
  providers: [
    MaintenanceWindowGuard,
    IdempotencyInterceptor,
    StaffOpsAccess,
    {
      // Drawn from the server secret (TOKEN_SECRET, or the one generated per installation) under its own label.
      provide: IDEMPOTENCY_FINGERPRINT_KEY,
      inject: [APP_CONFIG],
      useFactory: async (config: AppConfig) => fingerprintKey((await resolveTokenSecret(config)).secret),
    },
    {
      provide: IDEMPOTENCY_STORE,
      inject: [APP_CONFIG, REDIS],
      useFactory: (config: AppConfig, redis: Redis | null) =>
        redis ? new RedisIdempotencyStore(redis, config.REDIS_KEY_PREFIX) : new InMemoryIdempotencyStore(),
    },
  ],
  exports: [MaintenanceWindowGuard, IdempotencyInterceptor, IDEMPOTENCY_STORE, IDEMPOTENCY_FINGERPRINT_KEY],
})
export class HttpSupportModule {}
