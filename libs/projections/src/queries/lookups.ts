import { titlesCollection, type TitleDoc } from '../read-models/titles/titles.read-model';
import type { ReadModelStore } from '../store/read-model-store';

/** The titles behind a list's entries, one read for all of them. */
export async function titlesById(store: ReadModelStore, titleIds: readonly string[]): Promise<Map<string, TitleDoc>> {
  const ids = [...new Set(titleIds)];
  const titles = await store.getMany<TitleDoc>(titlesCollection, ids);
  return new Map(titles.filter((title): title is TitleDoc => title !== undefined).map((title) => [title.titleId, title]));
}

export function byKeys<T>(...keys: ((item: T) => string | number)[]): (a: T, b: T) => number {
  return (a, b) => {
    for (const key of keys) {
      const [x, y] = [key(a), key(b)];
      if (x < y) return -1;
      if (x > y) return 1;
    }
    return 0;
  };
}
