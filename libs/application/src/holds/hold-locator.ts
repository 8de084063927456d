import { Inject, Injectable } from '@nestjs/common';
import { UnknownHold } from '@libs/domain';
import { holdIndex, type HoldIndexEntry, type ReadModelStore } from '@libs/projections';
import { READ_MODEL_STORE, ConsistentReads } from '@libs/platform';

/**
 * Finds the title stream a hold lives on. The hold index is a read model; when it does not know the hold yet,
 * the locator waits for the read models to reach the head of the log once before saying the hold is unknown.
 */
@Injectable()
export class HoldLocator {
  constructor(
    @Inject(READ_MODEL_STORE) private readonly readModels: ReadModelStore,
    private readonly reads: ConsistentReads,
  ) {}

  async find(holdId: string): Promise<HoldIndexEntry> {
    const known = await holdIndex(this.readModels, holdId);
    if (known) return known;
    await this.reads.settle();
    const later = await holdIndex(this.readModels, holdId);
    if (!later) throw new UnknownHold(holdId);
    return later;
  }
}
