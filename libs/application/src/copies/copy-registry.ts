import { Injectable } from '@nestjs/common';
import { copyRegistryDecider, requireCopyTitle, streamIds } from '@libs/domain';
import { CommandRunner, type Actor } from '@libs/platform';

/**
 * `copy-<copyId>` holds one event registering the id for its title (copyRegistryDecider: two titles can never
 * register one copy id). A scanned copy id leads to its title with one strongly consistent read.
 */
@Injectable()
export class CopyRegistry {
  constructor(private readonly commands: CommandRunner) {}

  async titleOf(copyId: string): Promise<string> {
    return requireCopyTitle(await this.commands.load(copyRegistryDecider, streamIds.copy(copyId)), copyId);
  }

  /** Registers the id; registering it again for the same title changes nothing, so a retried cataloguing succeeds. */
  async register(copyId: string, titleId: string, actor: Actor): Promise<void> {
    await this.commands.run(copyRegistryDecider, streamIds.copy(copyId), { type: 'RegisterCopy', copyId, titleId }, { actor });
  }
}
