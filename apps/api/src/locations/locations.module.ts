import { Module } from '@nestjs/common';
import { LibraryController } from './library.controller';
import { LocationListHandler, PickupLocationsHandler } from './location-lists.query';
import { ChangeCalendarHandler, RegisterLocationHandler } from './location.commands';
import { StaffLocationsController } from './staff-locations.controller';

/** Pickup locations (R13), their calendars (R30), their working lists, and what patron apps learn of the library. */
@Module({
  controllers: [LibraryController, StaffLocationsController],
  providers: [RegisterLocationHandler, ChangeCalendarHandler, LocationListHandler, PickupLocationsHandler],
})
export class LocationsModule {}
