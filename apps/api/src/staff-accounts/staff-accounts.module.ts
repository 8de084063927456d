import { Module } from '@nestjs/common';
import { CreateStaffAccountHandler } from './create-staff-account';
import { FirstAdministrator } from './first-administrator';
import { StaffAccountsController } from './staff-accounts.controller';

/** Staff accounts with roles (admin, circulation, auditor); the first administrator from configuration. */
@Module({
  controllers: [StaffAccountsController],
  providers: [CreateStaffAccountHandler, FirstAdministrator],
})
export class StaffAccountsModule {}
