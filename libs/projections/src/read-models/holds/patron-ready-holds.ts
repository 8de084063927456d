import type { LocalDate } from '@libs/domain';
import { holdIndexes, holdsCollection, type HoldDoc } from './holds.read-model';
import type { ReadModelStore } from '../../store/read-model-store';
import { byKeys, titlesById } from '../titles/title-lookups';
import { lastPickupDay, locationsById } from '../locations/pickup-calendar';

export interface PatronReadyHold {
  holdId: string;
  titleId: string;
  titleName: string | null;
  copyId: string;
  pickupLocationId: string;
  pickupLocationName: string | null;
  noticeDay: LocalDate;
  pickupOpenDays: number;
  /** From the pickup location's current calendar (R23, R30). */
  lastPickupDay: LocalDate;
}

/** The patron's holds ready for pickup (R23), the one to collect first at the top. */
export async function patronReadyHolds(store: ReadModelStore, cardNumber: string): Promise<PatronReadyHold[]> {
  const { items } = await store.list<HoldDoc>(holdsCollection, { index: holdIndexes.patron(cardNumber) });
  const ready = items.filter((hold) => hold.status === 'ready');
  const [titles, locations] = await Promise.all([
    titlesById(
      store,
      ready.map((hold) => hold.titleId),
    ),
    locationsById(
      store,
      ready.map((hold) => hold.pickupLocationId),
    ),
  ]);
  return ready
    .map((hold) => {
      const location = locations.get(hold.pickupLocationId);
      return {
        holdId: hold.holdId,
        titleId: hold.titleId,
        titleName: titles.get(hold.titleId)?.name ?? null,
        copyId: hold.copyId as string,
        pickupLocationId: hold.pickupLocationId,
        pickupLocationName: location?.name ?? null,
        noticeDay: hold.noticeDay as LocalDate,
        pickupOpenDays: hold.pickupOpenDays as number,
        lastPickupDay: lastPickupDay(hold, location),
      };
    })
    .sort(
      byKeys(
        (hold) => hold.lastPickupDay,
        (hold) => hold.holdId,
      ),
    );
}
