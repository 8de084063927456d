import { titlesCollection, type TitleDoc } from './titles.read-model';
import type { ReadModelStore } from '../../store/read-model-store';

/** The title's waiting holds, first placed first (R16); undefined for an unknown title. */
export async function titleQueue(store: ReadModelStore, titleId: string): Promise<string[] | undefined> {
  return (await store.get<TitleDoc>(titlesCollection, titleId))?.waiting;
}

/** Catalogue data and copies (status and location) of a title. */
export function titleInfo(store: ReadModelStore, titleId: string): Promise<TitleDoc | undefined> {
  return store.get<TitleDoc>(titlesCollection, titleId);
}
