import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Actor } from '@libs/event-store';
import { CirculationService, type CheckinResult, type CheckoutResult } from './circulation.service';

export class CheckInCommand {
  constructor(
    readonly copyId: string,
    readonly locationId: string,
    readonly actor: Actor,
  ) {}
}

export class CheckOutCommand {
  constructor(
    readonly copyId: string,
    readonly cardNumber: string,
    readonly actor: Actor,
  ) {}
}

/** A returned (or pulled) copy goes to the first waiting hold (R16, I2), which becomes ready or goes in transit. */
@CommandHandler(CheckInCommand)
export class CheckInHandler implements ICommandHandler<CheckInCommand, CheckinResult> {
  constructor(private readonly circulation: CirculationService) {}
  execute({ copyId, locationId, actor }: CheckInCommand) {
    return this.circulation.checkIn(copyId, locationId, actor);
  }
}

/** Lending a copy; a copy on the hold shelf goes only to its patron and fulfils the hold. */
@CommandHandler(CheckOutCommand)
export class CheckOutHandler implements ICommandHandler<CheckOutCommand, CheckoutResult> {
  constructor(private readonly circulation: CirculationService) {}
  execute({ copyId, cardNumber, actor }: CheckOutCommand) {
    return this.circulation.checkOut(copyId, cardNumber, actor);
  }
}

export const circulationCommandHandlers = [CheckInHandler, CheckOutHandler];
