import { Inject, Injectable } from '@nestjs/common';
import { CalendarHasNoOpenDay, pickupDeadline, patronDecider, streamIds, titleDecider } from '@libs/domain';
import type { NotificationLookups, PatronContact } from '@libs/notifications';
import { pickupLocation, titleInfo, type ReadModelStore } from '@libs/projections';
import { READ_MODEL_STORE, CommandRunner } from '@libs/platform';
import { LocationFaults } from '../locations/location-faults';
import { LocationsService } from '../locations/locations.service';

/**
 * What mails are filled in with. Names come from the read models, or from the streams while the read models
 * are still being rebuilt (a worker catching up after a restart); the patron's address and a ready hold's
 * current last pickup day come from the streams themselves, so a mail is never sent on stale facts.
 */
@Injectable()
export class NotificationLookupsService implements NotificationLookups {
  constructor(
    private readonly commands: CommandRunner,
    private readonly locations: LocationsService,
    private readonly faults: LocationFaults,
    @Inject(READ_MODEL_STORE) private readonly readModels: ReadModelStore,
  ) {}

  async patron(cardNumber: string): Promise<PatronContact | null> {
    const patron = await this.commands.load(patronDecider, streamIds.patron(cardNumber));
    return patron.exists ? { name: patron.name ?? '', email: patron.email } : null;
  }

  async titleName(titleId: string): Promise<string | null> {
    return (await titleInfo(this.readModels, titleId))?.name ?? (await this.commands.load(titleDecider, streamIds.title(titleId))).name;
  }

  async locationName(locationId: string): Promise<string | null> {
    return (await pickupLocation(this.readModels, locationId))?.name ?? (await this.locations.load(locationId)).name;
  }

  async lastPickupDay(holdId: string, titleId: string): Promise<string | null> {
    const title = await this.commands.load(titleDecider, streamIds.title(titleId));
    const hold = title.holds[holdId];
    if (!hold || hold.status !== 'ready' || !hold.noticeDay || !hold.pickupOpenDays) return null;
    const location = await this.locations.load(hold.pickupLocationId);
    try {
      return pickupDeadline(hold.noticeDay, hold.pickupOpenDays, location.calendar);
    } catch (error) {
      // Retrying would never help (the mail reactor retries an event until it goes through, holding every later
      // mail back): the patron is told the day as it was at notice time, and /health names the location.
      if (!(error instanceof CalendarHasNoOpenDay)) throw error;
      this.faults.report(hold.pickupLocationId, 'mail', error);
      return hold.lastPickupDay;
    }
  }
}
