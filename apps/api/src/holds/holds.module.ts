import { Module } from '@nestjs/common';
import { CancelHoldHandler } from './cancel-hold';
import { MeHoldsController } from './me-holds.controller';
import { PatronHoldsHandler, PatronLoansHandler, PatronReadyHoldsHandler } from './patron-lists.queries';
import { PlaceHoldBatchHandler } from './place-hold-batch';
import { PlaceHoldHandler } from './place-hold';
import { StaffHoldsController } from './staff-holds.controller';

/** Holds: placing (online, at the counter, in a batch), cancelling, and the patron's three lists. */
@Module({
  controllers: [MeHoldsController, StaffHoldsController],
  providers: [PlaceHoldHandler, PlaceHoldBatchHandler, CancelHoldHandler, PatronLoansHandler, PatronHoldsHandler, PatronReadyHoldsHandler],
})
export class HoldsModule {}
