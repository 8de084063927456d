import { Inject } from '@nestjs/common';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainRuleViolation, checkBatchHoldsOffered, type ContactMethod, type Policy } from '@libs/domain';
import { POLICY, type Actor, commandWith } from '@libs/platform';
import { PlaceHoldCommand, type PlacedHold } from './place-hold';

/** R15: a patron holds several titles of their favourites at once. */
export class PlaceHoldBatchCommand extends commandWith<{
  cardNumber: string;
  titleIds: string[];
  pickupLocationId: string;
  contactMethod: ContactMethod;
  actor: Actor;
}>() {}

export type BatchItemResult =
  | { titleId: string; placed: true; holdId: string; queuePosition: number }
  | { titleId: string; placed: false; problem: { type: string; rule: string | null; detail: string } };

/** How a refusal is reported per title in a batch (R15). */
function refusalOf(error: unknown): { type: string; rule: string | null; detail: string } | null {
  if (!(error instanceof DomainRuleViolation)) return null;
  return { type: `/problems/${error.code}`, rule: error.rule, detail: error.message };
}

/**
 * R15: several titles at once. Each title is placed or refused on its own (a refused title claims no slot and
 * leaves nothing behind); the answer says which were placed and why the others were refused.
 */
@CommandHandler(PlaceHoldBatchCommand)
export class PlaceHoldBatchHandler implements ICommandHandler<PlaceHoldBatchCommand, { results: BatchItemResult[]; position: bigint | null }> {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(POLICY) private readonly policy: Policy,
  ) {}

  async execute({ titleIds, ...hold }: PlaceHoldBatchCommand) {
    checkBatchHoldsOffered(this.policy);
    const results: BatchItemResult[] = [];
    let position: bigint | null = null;
    for (const titleId of [...new Set(titleIds)]) {
      try {
        const placed: PlacedHold = await this.commandBus.execute(new PlaceHoldCommand({ ...hold, titleId, via: 'online' }));
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
