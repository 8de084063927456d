import type { ContactMethod } from '@libs/domain';
import { holdIndexes, holdsCollection, type HoldDoc } from './holds.read-model';
import type { ReadModelStore } from '../../store/read-model-store';
import { byKeys, titlesById } from '../titles/title-lookups';

export interface PatronHold {
  holdId: string;
  titleId: string;
  titleName: string | null;
  status: 'waiting' | 'in-transit';
  pickupLocationId: string;
  contactMethod: ContactMethod;
  placedAt: string;
  /** 1 = next to get a copy; null once a copy is on its way (R22). */
  queuePosition: number | null;
  /** Waiting holds on the title, this one included. */
  queueLength: number;
}

/** The patron's holds not yet ready, with their place in the title's queue (R22), oldest first. */
export async function patronHolds(store: ReadModelStore, cardNumber: string): Promise<PatronHold[]> {
  const { items } = await store.list<HoldDoc>(holdsCollection, { index: holdIndexes.patron(cardNumber) });
  const pending = items.filter((hold) => hold.status === 'waiting' || hold.status === 'in-transit');
  const titles = await titlesById(
    store,
    pending.map((hold) => hold.titleId),
  );
  return pending
    .map((hold): PatronHold => {
      const title = titles.get(hold.titleId);
      const place = title?.waiting.indexOf(hold.holdId) ?? -1;
      return {
        holdId: hold.holdId,
        titleId: hold.titleId,
        titleName: title?.name ?? null,
        status: hold.status as PatronHold['status'],
        pickupLocationId: hold.pickupLocationId,
        contactMethod: hold.contactMethod,
        placedAt: hold.placedAt,
        queuePosition: place === -1 ? null : place + 1,
        queueLength: title?.waiting.length ?? 0,
      };
    })
    .sort(
      byKeys(
        (hold) => hold.placedAt,
        (hold) => hold.holdId,
      ),
    );
}
