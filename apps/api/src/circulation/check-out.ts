import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnknownPatron, patronDecider, streamIds, titleDecider } from '@libs/domain';
import { CopyRegistry, HoldSlotLedger } from '@libs/application';
import { CommandRunner, laterPosition, type Actor, commandWith } from '@libs/platform';

/** A copy lent to a patron at the desk. */
export class CheckOutCommand extends commandWith<{
  copyId: string;
  cardNumber: string;
  actor: Actor;
}>() {}

export interface CheckoutResult {
  copyId: string;
  titleId: string;
  cardNumber: string;
  dueOn: string;
  /** The ready hold this checkout fulfilled (the patron picked it up), if any. */
  fulfilledHoldId: string | null;
  position: bigint | null;
}

/** Lending a copy; a copy on the hold shelf goes only to its patron and fulfils the hold, which frees its slot (R7). */
@CommandHandler(CheckOutCommand)
export class CheckOutHandler implements ICommandHandler<CheckOutCommand, CheckoutResult> {
  constructor(
    private readonly commands: CommandRunner,
    private readonly copies: CopyRegistry,
    private readonly ledger: HoldSlotLedger,
  ) {}

  async execute({ copyId, cardNumber, actor }: CheckOutCommand): Promise<CheckoutResult> {
    const titleId = await this.copies.titleOf(copyId);
    const patron = await this.commands.load(patronDecider, streamIds.patron(cardNumber));
    if (!patron.exists) throw new UnknownPatron(cardNumber);
    const result = await this.commands.run(
      titleDecider,
      streamIds.title(titleId),
      { type: 'CheckOut', titleId, copyId, cardNumber, today: this.commands.today(), policy: this.commands.policy },
      { actor },
    );
    const { events } = result;
    const checkedOut = events.find((event) => event.type === 'CopyCheckedOut');
    const fulfilled = events.find((event) => event.type === 'HoldFulfilled');
    const released = await this.ledger.holdsEnded(events, actor);
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
