import { holdShelfCopiesCollection, holdShelfCopyIndexes, type HoldShelfCopyDoc } from './hold-shelf-copies.read-model';
import { pageOf, type Page, type ReadModelStore } from '../../store/read-model-store';
import { byKeys, titlesById } from '../titles/title-lookups';
import type { PageRequest } from '../../store/page-request';

export interface ClearanceEntry {
  holdId: string;
  copyId: string;
  titleId: string;
  titleName: string | null;
  reason: 'expired' | 'cancelled';
  endedAt: string;
}

/** Copies of expired or cancelled ready holds to take off this location's hold shelf, oldest first (I4). */
export async function clearanceList(store: ReadModelStore, locationId: string, page: PageRequest = {}): Promise<Page<ClearanceEntry>> {
  const { items: copies } = await store.list<HoldShelfCopyDoc>(holdShelfCopiesCollection, { index: holdShelfCopyIndexes.clearance(locationId) });
  const titles = await titlesById(
    store,
    copies.map((copy) => copy.titleId),
  );
  const entries = copies
    .filter((copy): copy is HoldShelfCopyDoc & { clearance: NonNullable<HoldShelfCopyDoc['clearance']> } => copy.clearance !== null)
    .map((copy) => ({
      holdId: copy.holdId,
      copyId: copy.copyId,
      titleId: copy.titleId,
      titleName: titles.get(copy.titleId)?.name ?? null,
      reason: copy.clearance.reason,
      endedAt: copy.clearance.endedAt,
    }))
    .sort(
      byKeys(
        (entry) => entry.endedAt,
        (entry) => entry.holdId,
      ),
    );
  return pageOf(entries, page.offset, page.limit);
}
