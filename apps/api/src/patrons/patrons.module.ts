import { Module } from '@nestjs/common';
import { MeController } from './me.controller';
import { ChangePasswordHandler, IssuePasswordHandler, RegisterEmailHandler, RegisterPatronHandler, RenewCardHandler } from './patron.commands';
import { PatronHandler } from './patron.query';
import { StaffPatronsController } from './staff-patrons.controller';

/** Patrons: registration, card and password at the counter (R1-R4); the patron's own e-mail and password (R25, R28). */
@Module({
  controllers: [MeController, StaffPatronsController],
  providers: [RegisterPatronHandler, IssuePasswordHandler, RenewCardHandler, RegisterEmailHandler, ChangePasswordHandler, PatronHandler],
})
export class PatronsModule {}
