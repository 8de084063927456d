import { Global, Module } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { APP_CONFIG, REDIS, type AppConfig } from '@libs/platform';
import { InMemoryIdempotencyStore, RedisIdempotencyStore } from './idempotency-store';
import { IDEMPOTENCY_STORE, IdempotencyInterceptor } from './idempotency.interceptor';
import { MaintenanceWindowGuard } from './maintenance-window.guard';

/** What every api feature's controllers use: the maintenance window (R29) and Idempotency-Key replays. */
@Global()
@Module({
  providers: [
    MaintenanceWindowGuard,
    IdempotencyInterceptor,
    {
      provide: IDEMPOTENCY_STORE,
      inject: [APP_CONFIG, REDIS],
      useFactory: (config: AppConfig, redis: Redis | null) =>
        redis ? new RedisIdempotencyStore(redis, config.REDIS_KEY_PREFIX) : new InMemoryIdempotencyStore(),
    },
  ],
  exports: [MaintenanceWindowGuard, IdempotencyInterceptor, IDEMPOTENCY_STORE],
})
export class HttpSupportModule {}
