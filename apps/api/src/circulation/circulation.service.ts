import { Injectable } from '@nestjs/common';
import { UnknownLocation, UnknownPatron, patronDecider, streamIds, titleDecider, type TitleEvent } from '@libs/domain';
import type { Actor } from '@libs/event-store';
import { CommandRunner, laterPosition } from '../commands/command-runner.service';
import { CopyRegistry } from '../catalogue/copy-registry.service';
import { HoldsService } from '../holds/holds.service';
import { LocationsService } from '../locations/locations.service';

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

export interface CheckoutResult {
  copyId: string;
  titleId: string;
  cardNumber: string;
  dueOn: string;
  /** The ready hold this checkout fulfilled (the patron picked it up), if any. */
  fulfilledHoldId: string | null;
  position: bigint | null;
}

@Injectable()
export class CirculationService {
  constructor(
    private readonly commands: CommandRunner,
    private readonly copies: CopyRegistry,
    private readonly locations: LocationsService,
    private readonly holds: HoldsService,
  ) {}

  async checkIn(copyId: string, locationId: string, actor: Actor): Promise<CheckinResult> {
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
    const events = result.events as unknown as TitleEvent[];
    return {
      copyId,
      titleId,
      returned: events.some((event) => event.type === 'CopyReturned'),
      outcome: outcomeOf(events),
      position: result.position,
    };
  }

  async checkOut(copyId: string, cardNumber: string, actor: Actor): Promise<CheckoutResult> {
    const titleId = await this.copies.titleOf(copyId);
    const patron = await this.commands.load(patronDecider, streamIds.patron(cardNumber));
    if (!patron.exists) throw new UnknownPatron(cardNumber);
    const result = await this.commands.run(
      titleDecider,
      streamIds.title(titleId),
      { type: 'CheckOut', titleId, copyId, cardNumber, today: this.commands.today(), policy: this.commands.policy },
      { actor },
    );
    const events = result.events as unknown as TitleEvent[];
    const checkedOut = events.find((event) => event.type === 'CopyCheckedOut');
    const fulfilled = events.find((event) => event.type === 'HoldFulfilled');
    const released = fulfilled ? await this.holds.releaseSlot(cardNumber, fulfilled.data.holdId, actor) : null;
    return {
      copyId,
      titleId,
      cardNumber,
      dueOn: checkedOut?.type === 'CopyCheckedOut' ? checkedOut.data.dueOn : '',
      fulfilledHoldId: fulfilled?.type === 'HoldFulfilled' ? fulfilled.data.holdId : null,
      position: laterPosition(result.position, released),
    };
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
