import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { streamIds, titleDecider } from '@libs/domain';
import { pendingClaimsBefore, type ReadModelStore } from '@libs/projections';
import { APP_CONFIG, READ_MODEL_STORE, ROOT_LOGGER, type AppConfig, CommandRunner, ConsistentReads, type Actor } from '@libs/platform';
import { HoldSlotLedger } from './hold-slot-ledger';

const REPAIR_ACTOR: Actor = { kind: 'system', id: 'claim-repair' };

export interface ClaimRepairReport {
  checked: number;
  released: { holdId: string; cardNumber: string; titleId: string }[];
}

/**
 * Placing a hold claims a slot on the patron's stream, then places the hold on the title's stream. A process killed
 * between the two appends leaves a slot claimed for a hold that does not exist, which would count against the
 * patron's limit (R7) for ever. This repair releases such slots: the worker runs it at start and every five minutes; it takes the claims
 * the read models show without a hold, older than HOLD_CLAIM_REPAIR_AFTER_SECONDS, re-checks each against the
 * title's own stream, and releases the abandoned.
 */
@Injectable()
export class ClaimRepair {
  private running: Promise<ClaimRepairReport> | null = null;
  private readonly logger: Logger;

  constructor(
    private readonly commands: CommandRunner,
    private readonly ledger: HoldSlotLedger,
    private readonly reads: ConsistentReads,
    @Inject(READ_MODEL_STORE) private readonly readModels: ReadModelStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.logger = logger.child({ part: 'claim-repair' });
  }

  /** One pass; passes never overlap. */
  run(): Promise<ClaimRepairReport> {
    this.running ??= this.repair().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async repair(): Promise<ClaimRepairReport> {
    await this.reads.settle();
    // A placement takes milliseconds; a claim this old without its hold was abandoned (its process died).
    const cutoff = new Date(this.commands.clock.now().getTime() - this.config.HOLD_CLAIM_REPAIR_AFTER_SECONDS * 1000).toISOString();
    const claims = await pendingClaimsBefore(this.readModels, cutoff);
    const released: ClaimRepairReport['released'] = [];
    for (const claim of claims) {
      const title = await this.commands.load(titleDecider, streamIds.title(claim.titleId));
      if (title.holds[claim.holdId]) continue;
      const position = await this.ledger.release(claim.cardNumber, claim.holdId, REPAIR_ACTOR, 'the hold was never placed (placement interrupted)');
      if (position !== null) released.push({ holdId: claim.holdId, cardNumber: claim.cardNumber, titleId: claim.titleId });
    }
    if (released.length > 0) this.logger.warn({ released }, 'released hold slots whose placement never completed');
    return { checked: claims.length, released };
  }
}
