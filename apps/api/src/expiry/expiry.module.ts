import { Module } from '@nestjs/common';
import { DueHoldsHandler, SweepExpiredHoldsHandler } from './expiry.commands';
import { StaffExpiryController } from './staff-expiry.controller';

/** Staff's view of the pickup-window expiry (R18, I3, I4): what is due, and a sweep on demand (the worker sweeps nightly). */
@Module({
  controllers: [StaffExpiryController],
  providers: [SweepExpiredHoldsHandler, DueHoldsHandler],
})
export class ExpiryModule {}
