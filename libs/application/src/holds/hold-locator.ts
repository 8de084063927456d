import { Inject, Injectable } from '@nestjs/common';
import { UnknownHold, type HoldPlaced } from '@libs/domain';
import type { EventStore } from '@libs/event-store';
import { holdIndex, type HoldIndexEntry, type ReadModelStore } from '@libs/projections';
import { EVENT_STORE, ProblemException, READ_MODEL_STORE, asRecorded, problemType } from '@libs/platform';
/** Where a hold lives (its title's stream) and whose it is. */
export type HoldLocation = Pick<HoldIndexEntry, 'holdId' | 'titleId' | 'cardNumber'>;

/** How many placements after the read models' checkpoint the log is searched for a hold they do not know yet. */
const MOST_PLACEMENTS_SEARCHED = 10_000;

/** The read models are too far behind to say, and the log search gave up: ask again shortly. */
const readModelsTooFarBehind = (holdId: string) =>
  new ProblemException(
    {
      type: problemType('read-models-behind'),
      title: 'Read models behind',
      status: 503,
      detail: `Hold ${holdId} is not known to the read models yet, which are far behind the event log; try again in a few seconds.`,
    },
    { 'Retry-After': '5' },
  );

/**
 * Finds the title stream a hold lives on and whose hold it is. The hold index (a read model) knows every hold placed
 * up to the read models' checkpoint; a hold placed after it is found in the log itself, among the placements after
 * that checkpoint, so a hold that exists is never called unknown while the read models lag (workers stopped, Redis
 * catching up). Only a hold in neither is unknown (404).
 */
@Injectable()
export class HoldLocator {
  constructor(
    @Inject(READ_MODEL_STORE) private readonly readModels: ReadModelStore,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async find(holdId: string): Promise<HoldLocation> {
    // The checkpoint is read first: whatever the index misses below it, the log search after it covers.
    const checkpoint = await this.readModels.getCheckpoint();
    const known = await holdIndex(this.readModels, holdId);
    if (known) return known;
    const placements = asRecorded<HoldPlaced>(
      await this.store.readAll({ after: checkpoint ?? undefined, filter: { eventTypes: ['HoldPlaced'] }, maxCount: MOST_PLACEMENTS_SEARCHED }),
    );
    const placed = placements.find((event) => event.data.holdId === holdId);
    if (placed) return { holdId, titleId: placed.data.titleId, cardNumber: placed.data.cardNumber };
    if (placements.length === MOST_PLACEMENTS_SEARCHED) throw readModelsTooFarBehind(holdId);
    throw new UnknownHold(holdId);
  }
}
