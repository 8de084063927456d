import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainRuleViolation, type ContactMethod, type HoldChannel, type Policy } from '@libs/domain';
import type { Actor } from '@libs/event-store';
import { POLICY } from '@libs/platform';
import type { Positioned } from '../commands/command-runner.service';
import { HoldsService, refusalOf, type PlacedHold } from './holds.service';

export class PlaceHoldCommand {
  constructor(
    readonly cardNumber: string,
    readonly titleId: string,
    readonly pickupLocationId: string,
    readonly contactMethod: ContactMethod,
    readonly via: HoldChannel,
    readonly actor: Actor,
  ) {}
}

export class PlaceHoldBatchCommand {
  constructor(
    readonly cardNumber: string,
    readonly titleIds: string[],
    readonly pickupLocationId: string,
    readonly contactMethod: ContactMethod,
    readonly actor: Actor,
  ) {}
}

export class CancelHoldCommand {
  constructor(
    readonly holdId: string,
    /** The patron cancelling their own hold; null for staff. */
    readonly cardNumber: string | null,
    readonly reason: string | null,
    readonly actor: Actor,
  ) {}
}

export type BatchItemResult =
  | { titleId: string; placed: true; holdId: string; queuePosition: number }
  | { titleId: string; placed: false; problem: { type: string; rule: string | null; detail: string } };

@CommandHandler(PlaceHoldCommand)
export class PlaceHoldHandler implements ICommandHandler<PlaceHoldCommand, PlacedHold> {
  constructor(private readonly holds: HoldsService) {}
  execute(command: PlaceHoldCommand) {
    return this.holds.place(command);
  }
}

/** R15 is Library B's favourites list; a library whose patrons hold one title at a time does not offer it. */
export class BatchHoldsNotOffered extends DomainRuleViolation {
  constructor() {
    super('batch-holds-not-offered', 'This library takes holds one title at a time; place each hold on its own.', 'not-found', 'R15');
  }
}

/**
 * R15: several titles at once. Each title is placed or refused on its own (a refused title claims no slot and
 * leaves nothing behind); the answer says which were placed and why the others were refused.
 */
@CommandHandler(PlaceHoldBatchCommand)
export class PlaceHoldBatchHandler implements ICommandHandler<PlaceHoldBatchCommand, { results: BatchItemResult[]; position: bigint | null }> {
  constructor(
    private readonly holds: HoldsService,
    @Inject(POLICY) private readonly policy: Policy,
  ) {}

  async execute(command: PlaceHoldBatchCommand) {
    if (!this.policy.batchHoldsFromFavourites) throw new BatchHoldsNotOffered();
    const results: BatchItemResult[] = [];
    let position: bigint | null = null;
    for (const titleId of [...new Set(command.titleIds)]) {
      try {
        const placed = await this.holds.place({ ...command, titleId, via: 'online' });
        results.push({ titleId, placed: true, holdId: placed.holdId, queuePosition: placed.queuePosition });
        position = placed.position ?? position;
      } catch (error) {
        const problem = refusalOf(error);
        if (!problem) throw error;
        results.push({ titleId, placed: false, problem });
      }
    }
    return { results, position };
  }
}

@CommandHandler(CancelHoldCommand)
export class CancelHoldHandler implements ICommandHandler<CancelHoldCommand, Positioned> {
  constructor(private readonly holds: HoldsService) {}
  execute(command: CancelHoldCommand) {
    return this.holds.cancel(command);
  }
}

export const holdCommandHandlers = [PlaceHoldHandler, PlaceHoldBatchHandler, CancelHoldHandler];
