import type { ContactMethod, LocalDate } from '@libs/domain';
import { holdIndexes, holdsCollection, type HoldDoc } from './holds.read-model';
import { locationsCollection, type LocationDoc } from '../locations/locations.read-model';
import { patronsCollection, type PatronDoc } from '../patron-directory/patron-directory.read-model';
import { pageOf, type Page, type ReadModelStore } from '../../store/read-model-store';
import { byKeys, titlesById } from '../titles/title-lookups';
import type { PageRequest } from '../../store/page-request';
import { lastPickupDay } from '../locations/pickup-calendar';

export interface CallListEntry {
  holdId: string;
  cardNumber: string;
  patronName: string | null;
  titleId: string;
  titleName: string | null;
  contactMethod: ContactMethod;
  /** Calls that found no one so far. */
  contactAttempts: number;
  noticeDay: LocalDate;
  lastPickupDay: LocalDate;
}

/** Ready holds at a location whose patron asked for a call, ring or voicemail and has not been reached yet (R14), oldest notice first. */
export async function callList(store: ReadModelStore, locationId: string, page: PageRequest = {}): Promise<Page<CallListEntry>> {
  const [{ items: holds }, location] = await Promise.all([
    store.list<HoldDoc>(holdsCollection, { index: holdIndexes.call(locationId) }),
    store.get<LocationDoc>(locationsCollection, locationId),
  ]);
  const cards = [...new Set(holds.map((hold) => hold.cardNumber))];
  const [titles, patrons] = await Promise.all([
    titlesById(
      store,
      holds.map((hold) => hold.titleId),
    ),
    store.getMany<PatronDoc>(patronsCollection, cards),
  ]);
  const names = new Map(cards.map((card, i) => [card, patrons[i]?.name ?? null]));
  const entries = holds
    .map((hold) => ({
      holdId: hold.holdId,
      cardNumber: hold.cardNumber,
      patronName: names.get(hold.cardNumber) ?? null,
      titleId: hold.titleId,
      titleName: titles.get(hold.titleId)?.name ?? null,
      contactMethod: hold.contactMethod,
      contactAttempts: hold.contactAttempts,
      noticeDay: hold.noticeDay as LocalDate,
      lastPickupDay: lastPickupDay(hold, location),
    }))
    .sort(
      byKeys(
        (entry) => entry.noticeDay,
        (entry) => entry.holdId,
      ),
    );
  return pageOf(entries, page.offset, page.limit);
}
