import { Module } from '@nestjs/common';
import { ApplicationModule } from '@libs/application';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { CatalogueModule } from './catalogue/catalogue.module';
import { CirculationModule } from './circulation/circulation.module';
import { ExpiryModule } from './expiry/expiry.module';
import { HoldsModule } from './holds/holds.module';
import { HttpSupportModule } from './http/http-support.module';
import { LocationsModule } from './locations/locations.module';
import { NotificationsModule } from './notifications/notifications.module';
import { PatronsModule } from './patrons/patrons.module';
import { ProjectionsAdminModule } from './projections/projections.module';
import { StaffAccountsModule } from './staff-accounts/staff-accounts.module';

/** The HTTP API for patron apps and staff: one module per feature. */
@Module({
  imports: [
    ApplicationModule,
    HttpSupportModule,
    AuthModule,
    HoldsModule,
    CirculationModule,
    CatalogueModule,
    PatronsModule,
    LocationsModule,
    ExpiryModule,
    AuditModule,
    NotificationsModule,
    StaffAccountsModule,
    ProjectionsAdminModule,
  ],
})
export class ApiModule {}
