import { isOneOf, type ProjectedEvent } from '../../projected-event';
import type { ReadModel } from '../../read-model';

/**
 * A copy lying on a location's hold shelf: set aside for a ready hold, or left there when that hold expired or was
 * cancelled while ready, until staff clear it (I4). Keyed by copy: when the hold ends and the same append hands
 * the copy to the next hold (HoldReady or HoldInTransit with this copy), the copy is not awaiting clearance.
 */
export interface HoldShelfCopyDoc {
  copyId: string;
  titleId: string;
  /** The hold shelf's location: the pickup location of the hold it was set aside for. */
  locationId: string;
  /** The ready hold it waits for, or the ended hold it was set aside for. */
  holdId: string;
  /** Null while its hold is ready; why it must come off the shelf once the hold ended. */
  clearance: { reason: 'expired' | 'cancelled'; endedAt: string } | null;
}

export const holdShelfCopiesCollection = 'hold-shelf-copies';

export const holdShelfCopyIndexes = {
  /** Copies of ended holds to take off a location's hold shelf. */
  clearance: (locationId: string) => `clearance:${locationId}`,
} as const;

const handled = [
  'HoldReady',
  'HoldInTransit',
  'HoldFulfilled',
  'PickupExpired',
  'HoldCancelled',
  'HoldShelfCleared',
  'CopyCheckedOut',
  'CopyReturned',
] as const;

export const holdShelfCopiesReadModel: ReadModel<HoldShelfCopyDoc> = {
  collection: holdShelfCopiesCollection,

  keysOf(event) {
    if (!isOneOf(event, handled)) return [];
    if (event.type === 'HoldCancelled') return event.data.copyId === null ? [] : [event.data.copyId];
    return [event.data.copyId];
  },

  evolve(doc: HoldShelfCopyDoc | undefined, event: ProjectedEvent): HoldShelfCopyDoc | undefined {
    if (!isOneOf(event, handled)) return doc;
    switch (event.type) {
      case 'HoldReady': {
        // Also when the copy was awaiting clearance for an ended hold: it serves this one now, no clearance.
        const { copyId, titleId, pickupLocationId, holdId } = event.data;
        return { copyId, titleId, locationId: pickupLocationId, holdId, clearance: null };
      }
      case 'PickupExpired': {
        const { copyId, titleId, pickupLocationId, holdId } = event.data;
        return { copyId, titleId, locationId: pickupLocationId, holdId, clearance: { reason: 'expired', endedAt: event.metadata.occurredAt } };
      }
      case 'HoldCancelled': {
        const { holdId, previousStatus } = event.data;
        if (doc === undefined || previousStatus !== 'ready' || doc.holdId !== holdId) return doc;
        return { ...doc, clearance: { reason: 'cancelled', endedAt: event.metadata.occurredAt } };
      }
      // The copy left the hold shelf: on its way to another location, lent, cleared, or back on the open shelf.
      case 'HoldInTransit':
      case 'HoldFulfilled':
      case 'HoldShelfCleared':
      case 'CopyCheckedOut':
      case 'CopyReturned':
        return undefined;
      default: {
        const unhandled: never = event;
        return unhandled;
      }
    }
  },

  indexesOf: (doc) => (doc.clearance ? [holdShelfCopyIndexes.clearance(doc.locationId)] : []),
};
