import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Policy } from '@libs/domain';
import { pickupLocations, type ReadModelStore } from '@libs/projections';
import { POLICY, READ_MODEL_STORE } from '@libs/platform';
import { ConsistentReads } from '../queries/consistent-reads.service';

/**
 * What a patron app needs before it shows a hold form: where holds can be collected (R13), which contact methods
 * this library offers (R14), and the policy facts that change the screens (batch holds R15, reset R27, R29).
 */
@ApiTags('patron')
@Controller('library')
export class LibraryController {
  constructor(
    @Inject(POLICY) private readonly policy: Policy,
    @Inject(READ_MODEL_STORE) private readonly readModels: ReadModelStore,
    private readonly reads: ConsistentReads,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The library: name, pickup locations, offered contact methods and the policy facts patron screens depend on' })
  async library() {
    await this.reads.settle();
    const locations = await pickupLocations(this.readModels);
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
