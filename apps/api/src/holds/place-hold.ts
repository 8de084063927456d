import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import {
  AlreadyHoldingTitle,
  HoldLimitReached,
  UnknownPatron,
  patronDecider,
  queuePosition,
  streamIds,
  titleDecider,
  type ContactMethod,
  type HoldChannel,
  type PlaceHold,
} from '@libs/domain';
import { HoldSlotLedger, LocationsService } from '@libs/application';
import { patronLoans, type ReadModelStore } from '@libs/projections';
import { CommandRunner, READ_MODEL_STORE, laterPosition, type Actor, commandWith } from '@libs/platform';

/** A patron (online) or staff (at the counter) place a hold on a title for a patron. */
export class PlaceHoldCommand extends commandWith<{
  cardNumber: string;
  titleId: string;
  pickupLocationId: string;
  contactMethod: ContactMethod;
  via: HoldChannel;
  actor: Actor;
}>() {}

export interface PlacedHold {
  holdId: string;
  status: 'waiting';
  queuePosition: number;
  position: bigint | null;
}

/**
 * Placing a hold touches two streams: the patron's (a hold slot is claimed, so the limit holds under races: I1)
 * and the title's (the hold joins the queue). The title's rules are checked first without writing, then the slot
 * is claimed, then the hold placed; if the title refuses after all (another writer changed it), the slot is
 * released again, so nothing is half-placed.
 */
@CommandHandler(PlaceHoldCommand)
export class PlaceHoldHandler implements ICommandHandler<PlaceHoldCommand, PlacedHold> {
  constructor(
    private readonly commands: CommandRunner,
    private readonly locations: LocationsService,
    private readonly ledger: HoldSlotLedger,
    @Inject(READ_MODEL_STORE) private readonly readModels: ReadModelStore,
  ) {}

  async execute(command: PlaceHoldCommand): Promise<PlacedHold> {
    const { cardNumber, titleId, pickupLocationId, via, actor } = command;
    const policy = this.commands.policy;
    const today = this.commands.today();
    const patron = await this.commands.load(patronDecider, streamIds.patron(cardNumber));
    if (!patron.exists) throw new UnknownPatron(cardNumber);

    const holdId = randomUUID();
    const placeHold: PlaceHold = {
      type: 'PlaceHold',
      titleId,
      holdId,
      cardNumber,
      pickupLocationId,
      contactMethod: command.contactMethod,
      via,
      policy,
      patronEmail: patron.email,
      knownLocationIds: (await this.locations.exists(pickupLocationId)) ? [pickupLocationId] : [],
    };
    // The title's rules first (R8-R10, R12-R14), so a refused title never claims a slot.
    titleDecider.decide(placeHold, await this.commands.load(titleDecider, streamIds.title(titleId)));

    // Only R5 needs the loans read model: under a policy without it, holds are placed from the event store alone,
    // so placing goes on while Redis is down.
    const hasOverdueLoans = policy.overdueBlocksHolds && (await patronLoans(this.readModels, cardNumber, today)).some((loan) => loan.overdue);
    const claim = () =>
      this.commands.run(
        patronDecider,
        streamIds.patron(cardNumber),
        { type: 'ClaimHoldSlot', cardNumber, holdId, titleId, via, today, policy, hasOverdueLoans },
        { actor },
      );
    let claimed;
    try {
      claimed = await claim();
    } catch (error) {
      // A slot left behind by a crash may be what refuses this hold (R7, R12): free such slots, then claim once more.
      if (!(error instanceof AlreadyHoldingTitle || error instanceof HoldLimitReached)) throw error;
      if ((await this.ledger.releaseStale(cardNumber)) === 0) throw error;
      claimed = await claim();
    }
    try {
      const placed = await this.commands.run(titleDecider, streamIds.title(titleId), placeHold, { actor });
      return { holdId, status: 'waiting', queuePosition: queuePosition(placed.state, holdId) ?? 1, position: laterPosition(claimed.position, placed.position) };
    } catch (error) {
      await this.ledger.release(cardNumber, holdId, actor, 'placement refused');
      throw error;
    }
  }
}
