import type { ContactMethod, LocalDate } from '@libs/domain';
import { isOneOf, type ProjectedEvent } from '../../projected-event';
import type { ReadModel } from '../../read-model';

export type HoldStatus = 'waiting' | 'in-transit' | 'ready' | 'fulfilled' | 'expired' | 'cancelled';

/** One hold, kept after it ends so audit can still find its streams (the hold index). */
export interface HoldDoc {
  holdId: string;
  titleId: string;
  cardNumber: string;
  status: HoldStatus;
  pickupLocationId: string;
  contactMethod: ContactMethod;
  /** When the hold was placed (the command's time). */
  placedAt: string;
  /** The copy in transit to or waiting on the hold shelf for this hold (or its last one). */
  copyId: string | null;
  /** Pickup-window inputs, set when ready. The last pickup day is computed when read (R23, R30). */
  noticeDay: LocalDate | null;
  pickupOpenDays: number | null;
  /** Call-list work on a ready hold (R14): attempts so far, and whether the patron was reached or left a message. */
  contactAttempts: number;
  contacted: boolean;
  /** When it was fulfilled, expired or cancelled. */
  endedAt: string | null;
}

export const holdsCollection = 'holds';

/** Contact methods that put a ready hold on the staff call list (R14). */
export const callContactMethods: readonly ContactMethod[] = ['phone', 'ring-only', 'voicemail'];

export const holdIndexes = {
  /** The patron's holds that have not ended (not yet ready and ready). */
  patron: (cardNumber: string) => `patron:${cardNumber}`,
  /** Every ready hold, for the expiry sweep. */
  ready: 'ready',
  /** Ready holds on a location's hold shelf. */
  shelf: (locationId: string) => `shelf:${locationId}`,
  /** Ready holds at a location whose patron still has to be called. */
  call: (locationId: string) => `call:${locationId}`,
} as const;

const handled = ['HoldPlaced', 'HoldInTransit', 'HoldReady', 'HoldFulfilled', 'PickupExpired', 'HoldCancelled', 'PatronContacted'] as const;

export const holdsReadModel: ReadModel<HoldDoc> = {
  collection: holdsCollection,

  keysOf: (event) => (isOneOf(event, handled) ? [event.data.holdId] : []),

  evolve(doc: HoldDoc | undefined, event: ProjectedEvent): HoldDoc | undefined {
    if (!isOneOf(event, handled)) return doc;
    if (event.type === 'HoldPlaced') {
      const { holdId, titleId, cardNumber, pickupLocationId, contactMethod } = event.data;
      return {
        holdId,
        titleId,
        cardNumber,
        status: 'waiting',
        pickupLocationId,
        contactMethod,
        placedAt: event.metadata.occurredAt,
        copyId: null,
        noticeDay: null,
        pickupOpenDays: null,
        contactAttempts: 0,
        contacted: false,
        endedAt: null,
      };
    }
    // Every other hold event follows HoldPlaced in the title's stream.
    if (doc === undefined) return doc;
    const endedAt = event.metadata.occurredAt;
    switch (event.type) {
      case 'HoldInTransit':
        return { ...doc, status: 'in-transit', copyId: event.data.copyId };
      case 'HoldReady': {
        const { copyId, pickupLocationId, contactMethod, noticeDay, pickupOpenDays } = event.data;
        return { ...doc, status: 'ready', copyId, pickupLocationId, contactMethod, noticeDay, pickupOpenDays, contactAttempts: 0, contacted: false };
      }
      case 'HoldFulfilled':
        return { ...doc, status: 'fulfilled', copyId: event.data.copyId, endedAt };
      case 'PickupExpired':
        return { ...doc, status: 'expired', copyId: event.data.copyId, pickupLocationId: event.data.pickupLocationId, endedAt };
      case 'HoldCancelled':
        return { ...doc, status: 'cancelled', copyId: event.data.copyId ?? doc.copyId, endedAt };
      case 'PatronContacted':
        return { ...doc, contactAttempts: doc.contactAttempts + 1, contacted: doc.contacted || event.data.outcome !== 'no-answer' };
      default: {
        const unhandled: never = event;
        return unhandled;
      }
    }
  },

  indexesOf(doc) {
    const indexes: string[] = [];
    if (doc.status === 'waiting' || doc.status === 'in-transit' || doc.status === 'ready') indexes.push(holdIndexes.patron(doc.cardNumber));
    if (doc.status === 'ready') {
      indexes.push(holdIndexes.ready, holdIndexes.shelf(doc.pickupLocationId));
      if (callContactMethods.includes(doc.contactMethod) && !doc.contacted) indexes.push(holdIndexes.call(doc.pickupLocationId));
    }
    return indexes;
  },
};
