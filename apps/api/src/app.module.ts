import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AuthController, StaffAuthController } from './auth/auth.controller';
import { CoreModule, type CoreOptions } from './core/core.module';
import { ExpiryModule } from './expiry/expiry.module';
import { HealthModule } from './health/health.module';
import { LibraryController } from './library/library.controller';
import { MeController } from './me/me.controller';
import { NotificationsModule } from './notifications/notifications.module';
import { ReadModelsModule } from './read-side/read-models.module';
import { ServicesModule } from './services.module';
import { StaffAccountsController } from './staff/staff-accounts.controller';
import { StaffCatalogueController } from './staff/staff-catalogue.controller';
import { StaffCirculationController } from './staff/staff-circulation.controller';
import { StaffHoldsController } from './staff/staff-holds.controller';
import { StaffLocationsController } from './staff/staff-locations.controller';
import { StaffPatronsController } from './staff/staff-patrons.controller';
import { WorkerModule } from './worker/worker.module';

const apiControllers = [
  AuthController,
  StaffAuthController,
  MeController,
  LibraryController,
  StaffLocationsController,
  StaffCatalogueController,
  StaffPatronsController,
  StaffCirculationController,
  StaffHoldsController,
  StaffAccountsController,
];

/** The whole product in one module tree; APP_ROLE decides whether the HTTP API, the worker or both run. */
@Module({})
export class AppModule {
  static register(options: CoreOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [CoreModule.register(options), CqrsModule.forRoot(), HealthModule, ReadModelsModule, ServicesModule, NotificationsModule, WorkerModule, ExpiryModule],
      controllers: options.config.APP_ROLE === 'worker' ? [] : apiControllers,
    };
  }
}
