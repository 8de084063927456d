import { CommandHandler, QueryHandler, type ICommandHandler, type IQueryHandler } from '@nestjs/cqrs';
import { Inject } from '@nestjs/common';
import { UnknownLocation, UnknownTitle, streamIds, titleDecider, type MaterialType } from '@libs/domain';
import { CopyRegistry, LocationsService } from '@libs/application';
import { titleInfo, type ReadModelStore, type TitleDoc } from '@libs/projections';
import { CommandRunner, ConsistentReads, READ_MODEL_STORE, type Positioned, type Actor, commandWith } from '@libs/platform';

/** Staff catalogue a title with its material type (R8, R9) and volume (R11). */
export class CatalogueTitleCommand extends commandWith<{
  titleId: string;
  name: string;
  author: string | null;
  materialType: MaterialType;
  volume: string | null;
  actor: Actor;
}>() {}

/** Staff add a copy of a title at a location; a not-for-loan copy never counts as holdable (R9). */
export class AddCopyCommand extends commandWith<{
  copyId: string;
  titleId: string;
  locationId: string;
  loanable: boolean;
  actor: Actor;
}>() {}

/** A title with its copies and its queue of waiting holds, as the read models show it. */
export class TitleQuery {
  constructor(readonly titleId: string) {}
}

@CommandHandler(CatalogueTitleCommand)
export class CatalogueTitleHandler implements ICommandHandler<CatalogueTitleCommand, Positioned> {
  constructor(private readonly commands: CommandRunner) {}
  execute({ actor, ...title }: CatalogueTitleCommand) {
    return this.commands.runForPosition(titleDecider, streamIds.title(title.titleId), { type: 'CatalogueTitle', ...title }, { actor });
  }
}

@CommandHandler(AddCopyCommand)
export class AddCopyHandler implements ICommandHandler<AddCopyCommand, Positioned> {
  constructor(
    private readonly commands: CommandRunner,
    private readonly locations: LocationsService,
    private readonly copies: CopyRegistry,
  ) {}

  async execute({ actor, ...copy }: AddCopyCommand): Promise<Positioned> {
    if (!(await this.locations.exists(copy.locationId))) throw new UnknownLocation(copy.locationId);
    const title = await this.commands.load(titleDecider, streamIds.title(copy.titleId));
    // The title's own checks (title exists, copy not yet added) before the copy id is registered.
    titleDecider.decide({ type: 'AddCopy', ...copy }, title);
    await this.copies.register(copy.copyId, copy.titleId, actor);
    return this.commands.runForPosition(titleDecider, streamIds.title(copy.titleId), { type: 'AddCopy', ...copy }, { actor });
  }
}

@QueryHandler(TitleQuery)
export class TitleHandler implements IQueryHandler<TitleQuery, TitleDoc> {
  constructor(
    private readonly reads: ConsistentReads,
    @Inject(READ_MODEL_STORE) private readonly readModels: ReadModelStore,
  ) {}

  async execute({ titleId }: TitleQuery): Promise<TitleDoc> {
    await this.reads.settle();
    const title = await titleInfo(this.readModels, titleId);
    if (!title) throw new UnknownTitle(titleId);
    return title;
  }
}
