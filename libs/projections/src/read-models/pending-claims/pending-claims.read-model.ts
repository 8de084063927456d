import { isOneOf, type ProjectedEvent } from '../../projected-event';
import type { ReadModel } from '../../read-model';

/**
 * Hold slots claimed on a patron's stream whose hold has not (yet) been placed on the title's stream.
 * Placing a hold is two appends; a process killed between them leaves a claimed slot with no hold, and the
 * worker's claim repair releases such slots once they are clearly abandoned.
 */
export interface PendingClaimDoc {
  holdId: string;
  cardNumber: string;
  titleId: string;
  /** occurredAt of the claim (the library's clock). */
  claimedAt: string;
}

export const pendingClaimsCollection = 'pending-claims';
export const pendingClaimIndexes = { all: 'all' } as const;

const handled = ['HoldSlotClaimed', 'HoldPlaced', 'HoldSlotReleased'] as const;

export const pendingClaimsReadModel: ReadModel<PendingClaimDoc> = {
  collection: pendingClaimsCollection,

  keysOf: (event) => (isOneOf(event, handled) ? [event.data.holdId] : []),

  evolve(doc: PendingClaimDoc | undefined, event: ProjectedEvent): PendingClaimDoc | undefined {
    if (!isOneOf(event, handled)) return doc;
    switch (event.type) {
      case 'HoldSlotClaimed': {
        const { holdId, cardNumber, titleId } = event.data;
        return { holdId, cardNumber, titleId, claimedAt: event.metadata.occurredAt };
      }
      case 'HoldPlaced':
      case 'HoldSlotReleased':
        return undefined;
      default: {
        const unhandled: never = event;
        return unhandled;
      }
    }
  },

  indexesOf: () => [pendingClaimIndexes.all],
};
