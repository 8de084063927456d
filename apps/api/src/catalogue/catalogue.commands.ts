import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Actor } from '@libs/event-store';
import type { Positioned } from '../commands/command-runner.service';
import { CatalogueService, type NewCopy, type NewTitle } from './catalogue.service';

export class CatalogueTitleCommand {
  constructor(
    readonly title: NewTitle,
    readonly actor: Actor,
  ) {}
}

export class AddCopyCommand {
  constructor(
    readonly copy: NewCopy,
    readonly actor: Actor,
  ) {}
}

@CommandHandler(CatalogueTitleCommand)
export class CatalogueTitleHandler implements ICommandHandler<CatalogueTitleCommand, Positioned> {
  constructor(private readonly catalogue: CatalogueService) {}
  execute({ title, actor }: CatalogueTitleCommand) {
    return this.catalogue.catalogueTitle(title, actor);
  }
}

@CommandHandler(AddCopyCommand)
export class AddCopyHandler implements ICommandHandler<AddCopyCommand, Positioned> {
  constructor(private readonly catalogue: CatalogueService) {}
  execute({ copy, actor }: AddCopyCommand) {
    return this.catalogue.addCopy(copy, actor);
  }
}

export const catalogueCommandHandlers = [CatalogueTitleHandler, AddCopyHandler];
