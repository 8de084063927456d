import type { ContactMethod, LocalDate } from '@libs/domain';
import { holdIndexes, holdsCollection, type HoldDoc } from './holds.read-model';
import { locationsCollection, type LocationDoc } from '../locations/locations.read-model';
import { pageOf, type Page, type ReadModelStore } from '../../store/read-model-store';
import { byKeys, titlesById } from '../titles/title-lookups';
import type { PageRequest } from '../../store/page-request';
import { lastPickupDay } from '../locations/pickup-calendar';

export interface HoldShelfEntry {
  holdId: string;
  cardNumber: string;
  titleId: string;
  titleName: string | null;
  copyId: string;
  contactMethod: ContactMethod;
  noticeDay: LocalDate;
  pickupOpenDays: number;
  lastPickupDay: LocalDate;
}

/** The ready holds waiting on a location's hold shelf, the first to run out at the top. */
export async function holdShelf(store: ReadModelStore, locationId: string, page: PageRequest = {}): Promise<Page<HoldShelfEntry>> {
  const [{ items: holds }, location] = await Promise.all([
    store.list<HoldDoc>(holdsCollection, { index: holdIndexes.shelf(locationId) }),
    store.get<LocationDoc>(locationsCollection, locationId),
  ]);
  const titles = await titlesById(
    store,
    holds.map((hold) => hold.titleId),
  );
  const entries = holds
    .map((hold) => ({
      holdId: hold.holdId,
      cardNumber: hold.cardNumber,
      titleId: hold.titleId,
      titleName: titles.get(hold.titleId)?.name ?? null,
      copyId: hold.copyId as string,
      contactMethod: hold.contactMethod,
      noticeDay: hold.noticeDay as LocalDate,
      pickupOpenDays: hold.pickupOpenDays as number,
      lastPickupDay: lastPickupDay(hold, location),
    }))
    .sort(
      byKeys(
        (entry) => entry.lastPickupDay,
        (entry) => entry.holdId,
      ),
    );
  return pageOf(entries, page.offset, page.limit);
}
