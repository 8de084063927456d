import { Controller, Get, Inject } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Policy } from '@libs/domain';
import type { LocationDoc } from '@libs/projections';
import { POLICY } from '@libs/platform';
import { PickupLocationsQuery } from './location-lists.query';

/**
 * What a patron app needs before it shows a hold form: where holds can be collected (R13), which contact methods
 * this library offers (R14), and the policy facts that change the screens (batch holds R15, reset R27, R29).
 */
@ApiTags('patron')
@Controller('library')
export class LibraryController {
  constructor(
    @Inject(POLICY) private readonly policy: Policy,
    private readonly queryBus: QueryBus,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The library: name, pickup locations, offered contact methods and the policy facts patron screens depend on' })
  async library() {
    const locations: LocationDoc[] = await this.queryBus.execute(new PickupLocationsQuery());
    const { policy } = this;
    return {
      name: policy.libraryName,
      policy: policy.id,
      timeZone: policy.timeZone,
      holdLimit: policy.holdLimit,
      pickupOpenDays: policy.pickupOpenDays,
      contactMethods: policy.contactMethods,
      pickupLocations: locations.map((location) => ({ locationId: location.locationId, name: location.name })),
      batchHolds: policy.batchHoldsFromFavourites,
      onlinePasswordReset: policy.onlinePasswordReset,
      maintenanceWindow: policy.maintenanceWindow,
    };
  }
}
