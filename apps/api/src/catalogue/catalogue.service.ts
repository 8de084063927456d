import { Injectable } from '@nestjs/common';
import { UnknownLocation, streamIds, titleDecider, type MaterialType } from '@libs/domain';
import type { Actor } from '@libs/event-store';
import { CommandRunner, type Positioned } from '../commands/command-runner.service';
import { LocationsService } from '../locations/locations.service';
import { CopyRegistry } from './copy-registry.service';

export interface NewTitle {
  titleId: string;
  name: string;
  author: string | null;
  materialType: MaterialType;
  volume: string | null;
}

export interface NewCopy {
  copyId: string;
  titleId: string;
  locationId: string;
  loanable: boolean;
}

/** The catalogue the hold backend needs: titles (with material type) and copies (with location and loanable flag). */
@Injectable()
export class CatalogueService {
  constructor(
    private readonly commands: CommandRunner,
    private readonly locations: LocationsService,
    private readonly copies: CopyRegistry,
  ) {}

  async catalogueTitle(title: NewTitle, actor: Actor): Promise<Positioned> {
    return this.commands.runForPosition(titleDecider, streamIds.title(title.titleId), { type: 'CatalogueTitle', ...title }, { actor });
  }

  async addCopy(copy: NewCopy, actor: Actor): Promise<Positioned> {
    if (!(await this.locations.exists(copy.locationId))) throw new UnknownLocation(copy.locationId);
    const title = await this.commands.load(titleDecider, streamIds.title(copy.titleId));
    // The title's own checks (title exists, copy not yet added) before the copy id is claimed.
    titleDecider.decide({ type: 'AddCopy', ...copy }, title);
    await this.copies.claim(copy.copyId, copy.titleId, actor);
    return this.commands.runForPosition(titleDecider, streamIds.title(copy.titleId), { type: 'AddCopy', ...copy }, { actor });
  }
}
