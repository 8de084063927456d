import { Global, Module } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { APP_CONFIG, CommandRunner, HealthChecks, REDIS, ROOT_LOGGER, type AppConfig } from '@libs/platform';
import { CopyRegistry } from './copies/copy-registry';
import { ExpirySweep } from './expiry/expiry-sweep';
import { RedisSweepLease } from './expiry/redis-sweep-lease';
import { SWEEP_LEASE, type SweepLease } from './expiry/sweep-lease';
import { SweepStatus } from './expiry/sweep-status';
import { ClaimRepair } from './hold-slots/claim-repair';
import { HoldSlotLedger } from './hold-slots/hold-slot-ledger';
import { HoldLocator } from './holds/hold-locator';
import { LocationFaults } from './locations/location-faults';
import { LocationsService } from './locations/locations.service';
import { notificationExports, notificationProviders } from './notifications/notification-providers';

const shared = [LocationsService, CopyRegistry, HoldLocator, HoldSlotLedger, ClaimRepair, ExpirySweep];

/**
 * What the api, the worker and the operator commands share beyond the core: lookups by stream (locations, copies,
 * holds), the hold-slot ledger (R7, I1), the expiry sweep (R18, I3, I4) with its lease and health, and the mail
 * machinery. Imported once by each app; one instance per process.
 */
@Global()
@Module({
  providers: [
    ...shared,
    ...notificationProviders,
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
    {
      provide: LocationFaults,
      inject: [CommandRunner, ROOT_LOGGER, HealthChecks],
      useFactory: (commands: CommandRunner, logger: Logger, checks: HealthChecks) => {
        const faults = new LocationFaults(commands, logger);
        checks.register(() => faults.health());
        return faults;
      },
    },
  ],
  exports: [...shared, LocationFaults, ...notificationExports],
})
export class ApplicationModule {}
