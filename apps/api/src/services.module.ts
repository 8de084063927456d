import { Global, Module } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { APP_CONFIG, REDIS, type AppConfig } from '@libs/platform';
import { auditQueryHandlers } from './audit/audit.queries';
import { AuditService } from './audit/audit.service';
import { PatronGuard, StaffGuard } from './auth/auth.guards';
import { AuthService, LOGIN_THROTTLE } from './auth/auth.service';
import { InMemoryLoginThrottle, RedisLoginThrottle, type LoginThrottles, type ThrottleLimits } from './auth/login-throttle';
import { TokensService } from './auth/tokens.service';
import { catalogueCommandHandlers } from './catalogue/catalogue.commands';
import { CatalogueService } from './catalogue/catalogue.service';
import { CopyRegistry } from './catalogue/copy-registry.service';
import { circulationCommandHandlers } from './circulation/circulation.commands';
import { CirculationService } from './circulation/circulation.service';
import { CommandRunner } from './commands/command-runner.service';
import { HoldLocator } from './holds/hold-locator.service';
import { holdShelfCommandHandlers } from './holds/hold-shelf.commands';
import { holdCommandHandlers } from './holds/hold.commands';
import { HoldsService } from './holds/holds.service';
import { MaintenanceWindowGuard } from './http/maintenance-window.guard';
import { InMemoryIdempotencyStore, RedisIdempotencyStore } from './idempotency/idempotency-store';
import { IDEMPOTENCY_STORE, IdempotencyInterceptor } from './idempotency/idempotency.interceptor';
import { locationCommandHandlers } from './locations/location.commands';
import { LocationsService } from './locations/locations.service';
import { patronCommandHandlers } from './patrons/patron.commands';
import { PatronsService } from './patrons/patrons.service';
import { ConsistentReads } from './queries/consistent-reads.service';
import { patronQueryHandlers } from './queries/patron.queries';
import { LocationListHandler } from './queries/staff-lists.queries';
import { StaffAccountsService } from './staff-accounts/staff-accounts.service';

/** Five failures per card (or staff id) and thirty per client address in 15 minutes lock further tries. */
const ACCOUNT_LIMITS = { maxFailures: 5, windowSeconds: 15 * 60 };
const ADDRESS_LIMITS = { maxFailures: 30, windowSeconds: 15 * 60 };

const services = [
  CommandRunner,
  LocationsService,
  HoldLocator,
  HoldsService,
  CopyRegistry,
  CatalogueService,
  CirculationService,
  PatronsService,
  StaffAccountsService,
  AuthService,
  TokensService,
  AuditService,
  ConsistentReads,
  PatronGuard,
  StaffGuard,
  MaintenanceWindowGuard,
  IdempotencyInterceptor,
];

/** The application services and CQRS handlers every part of the app shares. */
@Global()
@Module({
  providers: [
    ...services,
    ...holdCommandHandlers,
    ...holdShelfCommandHandlers,
    ...circulationCommandHandlers,
    ...catalogueCommandHandlers,
    ...patronCommandHandlers,
    ...locationCommandHandlers,
    ...patronQueryHandlers,
    LocationListHandler,
    ...auditQueryHandlers,
    {
      provide: LOGIN_THROTTLE,
      inject: [APP_CONFIG, REDIS],
      useFactory: (config: AppConfig, redis: Redis | null): LoginThrottles => {
        const throttle = (limits: ThrottleLimits) => (redis ? new RedisLoginThrottle(redis, config.REDIS_KEY_PREFIX, limits) : new InMemoryLoginThrottle(limits));
        return { account: throttle(ACCOUNT_LIMITS), address: throttle(ADDRESS_LIMITS) };
      },
    },
    {
      provide: IDEMPOTENCY_STORE,
      inject: [APP_CONFIG, REDIS],
      useFactory: (config: AppConfig, redis: Redis | null) => (redis ? new RedisIdempotencyStore(redis, config.REDIS_KEY_PREFIX) : new InMemoryIdempotencyStore()),
    },
  ],
  exports: [...services, IDEMPOTENCY_STORE, LOGIN_THROTTLE],
})
export class ServicesModule {}
