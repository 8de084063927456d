import { holdIndexes, holdsCollection, type HoldDoc } from '../read-models/holds/holds.read-model';
import { pageOf, type Page, type ReadModelStore } from '../store/read-model-store';
import { byKeys, titlesById } from './lookups';
import type { PageRequest } from './page-request';

export interface ClearanceEntry {
  holdId: string;
  copyId: string;
  titleId: string;
  titleName: string | null;
  reason: 'expired' | 'cancelled';
  endedAt: string;
}

/** Copies of expired or cancelled ready holds to take off this location's hold shelf, oldest first. */
export async function clearanceList(store: ReadModelStore, locationId: string, page: PageRequest = {}): Promise<Page<ClearanceEntry>> {
  const { items: holds } = await store.list<HoldDoc>(holdsCollection, { index: holdIndexes.clearance(locationId) });
  const titles = await titlesById(store, holds.map((hold) => hold.titleId));
  const entries = holds
    .map((hold) => ({
      holdId: hold.holdId,
      copyId: hold.copyId as string,
      titleId: hold.titleId,
      titleName: titles.get(hold.titleId)?.name ?? null,
      reason: hold.status === 'expired' ? ('expired' as const) : ('cancelled' as const),
      endedAt: hold.endedAt as string,
    }))
    .sort(byKeys((entry) => entry.endedAt, (entry) => entry.holdId));
  return pageOf(entries, page.offset, page.limit);
}
