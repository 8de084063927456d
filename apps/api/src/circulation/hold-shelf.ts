import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { streamIds, titleDecider } from '@libs/domain';
import { CopyRegistry, HoldLocator } from '@libs/application';
import { CommandRunner, type Positioned, type Actor, commandWith } from '@libs/platform';

/** Staff took the copy of an expired or cancelled ready hold off the hold shelf (clears it from the clearance list). */
export class ClearHoldShelfCommand extends commandWith<{
  copyId: string;
  actor: Actor;
}>() {}

/** Staff worked the call list for a ready hold (R14). */
export class RecordContactCommand extends commandWith<{
  holdId: string;
  outcome: 'called' | 'no-answer' | 'left-message';
  actor: Actor;
}>() {}

@CommandHandler(ClearHoldShelfCommand)
export class ClearHoldShelfHandler implements ICommandHandler<ClearHoldShelfCommand, Positioned> {
  constructor(
    private readonly commands: CommandRunner,
    private readonly copies: CopyRegistry,
  ) {}
  async execute({ copyId, actor }: ClearHoldShelfCommand) {
    const titleId = await this.copies.titleOf(copyId);
    return this.commands.runForPosition(titleDecider, streamIds.title(titleId), { type: 'ClearHoldShelf', titleId, copyId }, { actor });
  }
}

@CommandHandler(RecordContactCommand)
export class RecordContactHandler implements ICommandHandler<RecordContactCommand, Positioned> {
  constructor(
    private readonly commands: CommandRunner,
    private readonly locator: HoldLocator,
  ) {}
  async execute({ holdId, outcome, actor }: RecordContactCommand) {
    const { titleId } = await this.locator.find(holdId);
    return this.commands.runForPosition(titleDecider, streamIds.title(titleId), { type: 'RecordContact', titleId, holdId, outcome }, { actor });
  }
}
