import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { callList, clearanceList, holdShelf, pickupLocations, pullList, type LocationDoc, type Page, type ReadModelStore } from '@libs/projections';
import { ConsistentReads, READ_MODEL_STORE } from '@libs/platform';
import { UnknownLocation } from '@libs/domain';
import { LocationsService } from '@libs/application';

export type StaffListName = 'hold-shelf' | 'clearance' | 'pull' | 'calls';

/** One of a location's working lists, a page at a time. */
export class LocationListQuery {
  constructor(
    readonly list: StaffListName,
    readonly locationId: string,
    readonly offset: number,
    readonly limit: number,
  ) {}
}

@QueryHandler(LocationListQuery)
export class LocationListHandler implements IQueryHandler<LocationListQuery, Page<unknown>> {
  constructor(
    @Inject(READ_MODEL_STORE) private readonly store: ReadModelStore,
    private readonly locations: LocationsService,
  ) {}

  /** An unknown location has no lists: 404, not an empty page that reads as "nothing to do here". */
  async execute(query: LocationListQuery): Promise<Page<unknown>> {
    if (!(await this.locations.exists(query.locationId))) throw new UnknownLocation(query.locationId);
    return this.list(query);
  }

  private list({ list, locationId, offset, limit }: LocationListQuery): Promise<Page<unknown>> {
    const page = { offset, limit };
    switch (list) {
      case 'hold-shelf':
        return holdShelf(this.store, locationId, page);
      case 'clearance':
        return clearanceList(this.store, locationId, page);
      case 'pull':
        return pullList(this.store, locationId, page);
      case 'calls':
        return callList(this.store, locationId, page);
      default: {
        const _exhaustive: never = list;
        return _exhaustive;
      }
    }
  }
}

/** Every pickup location with its current calendar (waits for the read models first). */
export class PickupLocationsQuery {}

@QueryHandler(PickupLocationsQuery)
export class PickupLocationsHandler implements IQueryHandler<PickupLocationsQuery, LocationDoc[]> {
  constructor(
    private readonly reads: ConsistentReads,
    @Inject(READ_MODEL_STORE) private readonly store: ReadModelStore,
  ) {}

  async execute(): Promise<LocationDoc[]> {
    await this.reads.settle();
    return pickupLocations(this.store);
  }
}
