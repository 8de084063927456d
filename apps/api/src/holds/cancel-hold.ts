import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnknownHold, streamIds, titleDecider } from '@libs/domain';
import { HoldLocator, HoldSlotLedger, LocationsService } from '@libs/application';
import { CommandRunner, laterPosition, type Positioned, type Actor, commandWith } from '@libs/platform';

/** A patron cancels their own hold (not once ready: R19), or staff cancel any live hold with a reason (R20). */
export class CancelHoldCommand extends commandWith<{
  holdId: string;
  /** The patron cancelling their own hold; null for staff. */
  cardNumber: string | null;
  reason: string | null;
  actor: Actor;
}>() {}

/** The title decides (a ready hold's copy goes to the next waiting hold: I4); then the patron's slot is free (R7). */
@CommandHandler(CancelHoldCommand)
export class CancelHoldHandler implements ICommandHandler<CancelHoldCommand, Positioned> {
  constructor(
    private readonly commands: CommandRunner,
    private readonly locator: HoldLocator,
    private readonly locations: LocationsService,
    private readonly ledger: HoldSlotLedger,
  ) {}

  async execute({ holdId, cardNumber, reason, actor }: CancelHoldCommand): Promise<Positioned> {
    const located = await this.locator.find(holdId);
    // A patron asking about someone else's hold learns nothing about it (I7).
    if (cardNumber !== null && located.cardNumber !== cardNumber) throw new UnknownHold(holdId);
    const title = await this.commands.load(titleDecider, streamIds.title(located.titleId));
    const calendars = await this.locations.calendarsOf(Object.values(title.holds).map((hold) => hold.pickupLocationId));
    const cancelled = await this.commands.run(
      titleDecider,
      streamIds.title(located.titleId),
      {
        type: 'CancelHold',
        titleId: located.titleId,
        holdId,
        by: cardNumber === null ? 'staff' : 'patron',
        cardNumber,
        reason,
        today: this.commands.today(),
        policy: this.commands.policy,
        calendars,
      },
      { actor, reason: reason ?? undefined },
    );
    const released = await this.ledger.release(located.cardNumber, holdId, actor);
    return { position: laterPosition(cancelled.position, released) };
  }
}
