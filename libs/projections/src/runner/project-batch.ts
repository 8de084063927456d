import type { RecordedEvent } from '@libs/event-store';
import { asProjectedEvent, type ProjectedEvent } from '../projected-event';
import type { AnyReadModel } from '../read-model';
import type { DocumentWrite, ReadModelStore } from '../store/read-model-store';

/** A read model threw on an event. The runner stops there: it never skips an event it could not fold. */
export class ProjectionError extends Error {
  override readonly name = 'ProjectionError';
  constructor(
    readonly collection: string,
    readonly event: Pick<RecordedEvent, 'id' | 'type' | 'streamId' | 'position'>,
    cause: unknown,
  ) {
    super(
      `read model ${collection} failed on ${event.type} ${event.id} (stream ${event.streamId}, position ${event.position}): ` +
        (cause instanceof Error ? cause.message : String(cause)),
      { cause },
    );
  }
}

export interface BatchResult {
  /** How many events of the batch were folded and written: all of them unless `failure` is set. */
  applied: number;
  /** The store's checkpoint after the batch. */
  checkpoint: bigint | null;
  failure?: ProjectionError;
}

interface Loaded {
  model: AnyReadModel;
  /** id → document as folded so far (undefined: does not exist) */
  working: Map<string, unknown>;
  /** id → the stored document's JSON and lists, taken before folding so a careless evolve cannot change them */
  before: Map<string, { json: string | undefined; indexes: readonly string[] }>;
}

/**
 * Folds a batch of events into the documents they touch and writes the changed documents together with the
 * new checkpoint in one atomic store batch. When a read model throws, the events before it are still written
 * and the failure is returned: the failing event stays unapplied.
 */
export async function projectBatch(
  store: ReadModelStore,
  readModels: readonly AnyReadModel[],
  recorded: readonly RecordedEvent[],
  expectedCheckpoint: bigint | null,
): Promise<BatchResult> {
  const events = recorded.map(asProjectedEvent);
  let failure: ProjectionError | undefined;

  // Which documents each event touches, per read model.
  const keys: (readonly string[])[][] = [];
  for (const event of events) {
    try {
      keys.push(readModels.map((model) => keysOf(model, event)));
    } catch (error) {
      failure = error as ProjectionError;
      break;
    }
  }

  const loaded = await Promise.all(
    readModels.map(async (model, m): Promise<Loaded> => {
      const ids = [...new Set(keys.flatMap((perModel) => perModel[m]))];
      const docs = await store.getMany(model.collection, ids);
      const before = new Map(
        ids.map((id, i) => [
          id,
          { json: docs[i] === undefined ? undefined : JSON.stringify(docs[i]), indexes: docs[i] === undefined ? [] : model.indexesOf(docs[i]) },
        ]),
      );
      return { model, working: new Map(ids.map((id, i) => [id, docs[i]])), before };
    }),
  );

  let applied = 0;
  for (; applied < keys.length; applied++) {
    const event = events[applied];
    const updates: [Map<string, unknown>, string, unknown][] = [];
    try {
      loaded.forEach(({ model, working }, m) => {
        for (const id of keys[applied][m]) {
          updates.push([working, id, evolve(model, working.get(id), event)]);
        }
      });
    } catch (error) {
      failure = error as ProjectionError;
      break;
    }
    for (const [working, id, doc] of updates) working.set(id, doc);
  }
  if (applied === 0) return { applied, checkpoint: expectedCheckpoint, failure };

  const writes: DocumentWrite[] = [];
  for (const { model, working, before } of loaded) {
    for (const [id, doc] of working) {
      const old = before.get(id) ?? { json: undefined, indexes: [] };
      const json = doc === undefined ? undefined : JSON.stringify(doc);
      if (json === old.json) continue;
      const indexes = doc === undefined ? [] : model.indexesOf(doc);
      writes.push({
        collection: model.collection,
        id,
        doc: doc === undefined ? null : doc,
        addIndexes: indexes.filter((index) => !old.indexes.includes(index)),
        removeIndexes: old.indexes.filter((index) => !indexes.includes(index)),
      });
    }
  }
  const checkpoint = events[applied - 1].position;
  await store.applyBatch({ writes, checkpoint, expectedCheckpoint });
  return { applied, checkpoint, failure };
}

function keysOf(model: AnyReadModel, event: ProjectedEvent): readonly string[] {
  try {
    const ids = model.keysOf(event);
    return ids.length > 1 ? [...new Set(ids)] : ids;
  } catch (error) {
    throw new ProjectionError(model.collection, event, error);
  }
}

function evolve(model: AnyReadModel, doc: unknown, event: ProjectedEvent): unknown {
  try {
    return model.evolve(doc, event);
  } catch (error) {
    throw new ProjectionError(model.collection, event, error);
  }
}
