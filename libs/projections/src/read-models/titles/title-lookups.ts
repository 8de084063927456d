import { titlesCollection, type TitleDoc } from './titles.read-model';
import type { ReadModelStore } from '../../store/read-model-store';

/** The documents behind a list's entries, one read for all of them, by id; ids with no document are left out. */
export async function documentsById<T>(store: ReadModelStore, collection: string, ids: readonly string[]): Promise<Map<string, T>> {
  const unique = [...new Set(ids)];
  const docs = await store.getMany<T>(collection, unique);
  const byId = new Map<string, T>();
  docs.forEach((doc, i) => {
    if (doc !== undefined) byId.set(unique[i], doc);
  });
  return byId;
}

/** The titles behind a list's entries, one read for all of them. */
export function titlesById(store: ReadModelStore, titleIds: readonly string[]): Promise<Map<string, TitleDoc>> {
  return documentsById<TitleDoc>(store, titlesCollection, titleIds);
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
