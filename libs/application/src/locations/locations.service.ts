import { Inject, Injectable } from '@nestjs/common';
import { locationDecider, streamIds, type LocationCalendar, type LocationState } from '@libs/domain';
import { pickupLocations, type ReadModelStore } from '@libs/projections';
import { READ_MODEL_STORE, CommandRunner } from '@libs/platform';

/** Pickup locations and their calendars, read from their own streams so decisions see the current calendar (R30). */
@Injectable()
export class LocationsService {
  constructor(
    private readonly commands: CommandRunner,
    @Inject(READ_MODEL_STORE) private readonly readModels: ReadModelStore,
  ) {}

  load(locationId: string): Promise<LocationState> {
    return this.commands.load(locationDecider, streamIds.location(locationId));
  }

  async exists(locationId: string): Promise<boolean> {
    return (await this.load(locationId)).exists;
  }

  /**
   * locationId → current calendar of each location named that exists, from their own streams only: a check-in or a
   * cancellation names every location its copy can go to, and decides without the read models (so also while Redis
   * is down).
   */
  async calendarsOf(locationIds: readonly string[]): Promise<Record<string, LocationCalendar>> {
    const states = await Promise.all([...new Set(locationIds)].map((id) => this.load(id)));
    return Object.fromEntries(states.filter((state) => state.exists).map((state) => [state.locationId as string, state.calendar]));
  }

  /**
   * locationId → current calendar, for every registered location (a library has a handful) and for the ones
   * named, which may be too new for the read models.
   */
  async calendars(alsoIds: readonly string[] = []): Promise<Record<string, LocationCalendar>> {
    const listed = (await pickupLocations(this.readModels)).map((location) => location.locationId);
    return this.calendarsOf([...listed, ...alsoIds]);
  }
}
