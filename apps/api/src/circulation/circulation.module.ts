import { Module } from '@nestjs/common';
import { CheckInHandler } from './check-in';
import { CheckOutHandler } from './check-out';
import { ClearHoldShelfHandler, RecordContactHandler } from './hold-shelf';
import { StaffCirculationController } from './staff-circulation.controller';

/** The desk: check-out, check-in (a returned copy fills the first waiting hold: R16, I2), the hold shelf and the call list. */
@Module({
  controllers: [StaffCirculationController],
  providers: [CheckInHandler, CheckOutHandler, ClearHoldShelfHandler, RecordContactHandler],
})
export class CirculationModule {}
