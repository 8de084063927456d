import { isPullable, titleIndexes, titlesCollection, type TitleDoc } from './titles.read-model';
import type { Page, ReadModelStore } from '../../store/read-model-store';
import type { PageRequest } from '../../store/page-request';

export interface PullListEntry {
  titleId: string;
  titleName: string | null;
  /** Waiting holds on the title: how many copies staff may pull. */
  waitingHolds: number;
  /** Loanable copies on this location's open shelf. */
  copyIds: string[];
}

/** Titles with waiting holds and copies on this location's open shelf (where holds on available titles are allowed, R8). */
export async function pullList(store: ReadModelStore, locationId: string, page: PageRequest = {}): Promise<Page<PullListEntry>> {
  const titles = await store.list<TitleDoc>(titlesCollection, { index: titleIndexes.pull(locationId), ...page });
  return {
    ...titles,
    items: titles.items.map((title) => ({
      titleId: title.titleId,
      titleName: title.name,
      waitingHolds: title.waiting.length,
      copyIds: title.copies.filter((copy) => isPullable(copy) && copy.locationId === locationId).map((copy) => copy.copyId),
    })),
  };
}
