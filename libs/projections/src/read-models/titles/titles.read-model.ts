import type { LocalDate, MaterialType } from '@libs/domain';
import { isOneOf, type ProjectedEvent } from '../../projected-event';
import type { ReadModel } from '../../read-model';

/**
 * - available: on the open shelf at `locationId`
 * - on-loan
 * - in-transit: on its way to `locationId`
 * - on-hold-shelf: waiting at `locationId` for the ready hold `holdId`
 * - awaiting-clearance: its hold expired or was cancelled; still on the hold shelf until staff clear it
 */
export type CopyStatus = 'available' | 'on-loan' | 'in-transit' | 'on-hold-shelf' | 'awaiting-clearance';

export interface CopyDoc {
  copyId: string;
  locationId: string;
  loanable: boolean;
  status: CopyStatus;
  holdId: string | null;
  dueOn: LocalDate | null;
}

/** A title: catalogue data, its copies, and its waiting queue in placement order (R16, R22). */
export interface TitleDoc {
  titleId: string;
  name: string | null;
  author: string | null;
  materialType: MaterialType | null;
  volume: string | null;
  copies: CopyDoc[];
  /** Hold ids of the waiting holds (no copy yet), first placed first. */
  waiting: string[];
}

export const titlesCollection = 'titles';

export const titleIndexes = {
  /** Titles with waiting holds and a loanable copy on the open shelf at the location: the pull list. */
  pull: (locationId: string) => `pull:${locationId}`,
} as const;

const handled = [
  'TitleCatalogued',
  'CopyAdded',
  'CopyCheckedOut',
  'CopyReturned',
  'HoldPlaced',
  'HoldInTransit',
  'HoldReady',
  'HoldFulfilled',
  'PickupExpired',
  'HoldCancelled',
  'HoldShelfCleared',
] as const;

const newTitle = (titleId: string): TitleDoc => ({
  titleId,
  name: null,
  author: null,
  materialType: null,
  volume: null,
  copies: [],
  waiting: [],
});

export const titlesReadModel: ReadModel<TitleDoc> = {
  collection: titlesCollection,

  keysOf: (event) => (isOneOf(event, handled) ? [event.data.titleId] : []),

  evolve(doc: TitleDoc | undefined, event: ProjectedEvent): TitleDoc | undefined {
    if (!isOneOf(event, handled)) return doc;
    const title = doc ?? newTitle(event.data.titleId);
    switch (event.type) {
      case 'TitleCatalogued': {
        const { name, author, materialType, volume } = event.data;
        return { ...title, name, author, materialType, volume };
      }
      case 'CopyAdded': {
        const { copyId, locationId, loanable } = event.data;
        const copy: CopyDoc = { copyId, locationId, loanable, status: 'available', holdId: null, dueOn: null };
        return { ...title, copies: [...title.copies.filter((c) => c.copyId !== copyId), copy] };
      }
      case 'CopyCheckedOut': {
        const { copyId, locationId, dueOn } = event.data;
        return updateCopy(title, copyId, () => ({ status: 'on-loan', locationId, holdId: null, dueOn }));
      }
      case 'CopyReturned': {
        const { copyId, locationId } = event.data;
        return updateCopy(title, copyId, () => ({ status: 'available', locationId, holdId: null, dueOn: null }));
      }
      case 'HoldPlaced':
        return title.waiting.includes(event.data.holdId) ? title : { ...title, waiting: [...title.waiting, event.data.holdId] };
      case 'HoldInTransit': {
        const { holdId, copyId, toLocationId } = event.data;
        return updateCopy(leaveQueue(title, holdId), copyId, () => ({ status: 'in-transit', locationId: toLocationId, holdId, dueOn: null }));
      }
      case 'HoldReady': {
        const { holdId, copyId, pickupLocationId } = event.data;
        return updateCopy(leaveQueue(title, holdId), copyId, () => ({ status: 'on-hold-shelf', locationId: pickupLocationId, holdId, dueOn: null }));
      }
      case 'HoldFulfilled': {
        const { holdId, copyId } = event.data;
        // The checkout that fulfils the hold sets the due date, whichever of the two comes first.
        return updateCopy(leaveQueue(title, holdId), copyId, (copy) => (copy.holdId === holdId ? { status: 'on-loan', holdId: null } : {}));
      }
      case 'PickupExpired': {
        const { holdId, copyId } = event.data;
        return updateCopy(leaveQueue(title, holdId), copyId, (copy) => (copy.holdId === holdId ? { status: 'awaiting-clearance', holdId: null } : {}));
      }
      case 'HoldCancelled': {
        const { holdId, copyId, previousStatus } = event.data;
        const left = leaveQueue(title, holdId);
        if (copyId === null) return left;
        return updateCopy(left, copyId, (copy) =>
          copy.holdId !== holdId ? {} : previousStatus === 'ready' ? { status: 'awaiting-clearance', holdId: null } : { holdId: null },
        );
      }
      case 'HoldShelfCleared': {
        const { copyId, locationId } = event.data;
        return updateCopy(title, copyId, (copy) => (copy.status === 'awaiting-clearance' ? { status: 'available', locationId } : {}));
      }
      default: {
        const unhandled: never = event;
        return unhandled;
      }
    }
  },

  indexesOf(doc) {
    if (doc.waiting.length === 0) return [];
    const locations = new Set(doc.copies.filter(isPullable).map((copy) => copy.locationId));
    return [...locations].map(titleIndexes.pull);
  },
};

/** A copy staff could pull from the open shelf for a waiting hold. */
export const isPullable = (copy: CopyDoc): boolean => copy.loanable && copy.status === 'available';

function leaveQueue(title: TitleDoc, holdId: string): TitleDoc {
  return title.waiting.includes(holdId) ? { ...title, waiting: title.waiting.filter((id) => id !== holdId) } : title;
}

function updateCopy(title: TitleDoc, copyId: string, change: (copy: CopyDoc) => Partial<CopyDoc>): TitleDoc {
  if (!title.copies.some((copy) => copy.copyId === copyId)) return title;
  return { ...title, copies: title.copies.map((copy) => (copy.copyId === copyId ? { ...copy, ...change(copy) } : copy)) };
}
