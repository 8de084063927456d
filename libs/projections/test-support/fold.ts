import type { RecordedEvent } from '@libs/event-store';
import { asProjectedEvent, type ReadModel } from '@libs/projections';

/** Folds events into a read model's documents with no store at all: id → document. */
export function foldDocs<Doc>(model: ReadModel<Doc>, recorded: readonly RecordedEvent[]): Map<string, Doc> {
  const docs = new Map<string, Doc>();
  for (const event of recorded.map(asProjectedEvent)) {
    for (const id of model.keysOf(event)) {
      const next = model.evolve(docs.get(id), event);
      if (next === undefined) docs.delete(id);
      else docs.set(id, next);
    }
  }
  return docs;
}

/** index → ids (sorted) of the folded documents. */
export function indexesOf<Doc>(model: ReadModel<Doc>, docs: Map<string, Doc>): Record<string, string[]> {
  const indexes: Record<string, string[]> = {};
  for (const [id, doc] of docs) for (const index of model.indexesOf(doc)) (indexes[index] ??= []).push(id);
  for (const ids of Object.values(indexes)) ids.sort();
  return indexes;
}
