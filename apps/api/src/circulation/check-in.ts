import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnknownLocation, streamIds, titleDecider, type TitleEvent } from '@libs/domain';
import { CopyRegistry, LocationsService } from '@libs/application';
import { CommandRunner, type Actor, commandWith } from '@libs/platform';

/** A copy scanned in at a desk: returned from loan, or pulled from the shelf for a hold. */
export class CheckInCommand extends commandWith<{
  copyId: string;
  locationId: string;
  actor: Actor;
}>() {}

/** What the desk should do with a copy just scanned in (I2): put it on the hold shelf, send it on, or shelve it. */
export type CheckinOutcome =
  | { action: 'hold-shelf'; holdId: string; cardNumber: string; pickupLocationId: string; lastPickupDay: string }
  | { action: 'transit'; holdId: string; cardNumber: string; toLocationId: string }
  | { action: 'shelve' };

export interface CheckinResult {
  copyId: string;
  titleId: string;
  returned: boolean;
  outcome: CheckinOutcome;
  position: bigint | null;
}

/** A returned (or pulled) copy goes to the first waiting hold (R16, I2), which becomes ready or goes in transit. */
@CommandHandler(CheckInCommand)
export class CheckInHandler implements ICommandHandler<CheckInCommand, CheckinResult> {
  constructor(
    private readonly commands: CommandRunner,
    private readonly copies: CopyRegistry,
    private readonly locations: LocationsService,
  ) {}

  async execute({ copyId, locationId, actor }: CheckInCommand): Promise<CheckinResult> {
    const titleId = await this.copies.titleOf(copyId);
    const title = await this.commands.load(titleDecider, streamIds.title(titleId));
    // The check-in location's stream is read once: it exists exactly when it has a calendar here.
    const calendars = await this.locations.calendarsOf([locationId, ...Object.values(title.holds).map((hold) => hold.pickupLocationId)]);
    if (!(locationId in calendars)) throw new UnknownLocation(locationId);
    const result = await this.commands.run(
      titleDecider,
      streamIds.title(titleId),
      { type: 'CheckIn', titleId, copyId, locationId, today: this.commands.today(), policy: this.commands.policy, calendars },
      { actor },
    );
    const { events } = result;
    return { copyId, titleId, returned: events.some((event) => event.type === 'CopyReturned'), outcome: outcomeOf(events), position: result.position };
  }
}

function outcomeOf(events: TitleEvent[]): CheckinOutcome {
  for (const event of events) {
    if (event.type === 'HoldReady') {
      const { holdId, cardNumber, pickupLocationId, lastPickupDay } = event.data;
      return { action: 'hold-shelf', holdId, cardNumber, pickupLocationId, lastPickupDay };
    }
    if (event.type === 'HoldInTransit') {
      const { holdId, cardNumber, toLocationId } = event.data;
      return { action: 'transit', holdId, cardNumber, toLocationId };
    }
  }
  return { action: 'shelve' };
}
