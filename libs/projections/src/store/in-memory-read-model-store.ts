import {
  CheckpointConflictError,
  pageOf,
  type ListOptions,
  type Page,
  type ReadModelGeneration,
  type ReadModelSnapshot,
  type ReadModelStore,
  type WriteBatch,
} from './read-model-store';

/** Documents are kept as JSON text, so callers can never mutate the store and both stores behave alike. */
interface Generation {
  checkpoint: bigint | null;
  documents: Map<string, Map<string, string>>;
  indexes: Map<string, Map<string, Set<string>>>;
}

const emptyGeneration = (): Generation => ({ checkpoint: null, documents: new Map(), indexes: new Map() });

/** Holder of the generation readers see; swapping its `current` is the atomic rebuild swap. */
interface Root {
  current: Generation;
}

/** The embedded default: read models in process memory, rebuilt from the event log at every start. */
export class InMemoryReadModelStore implements ReadModelStore {
  private readonly root: Root;
  private readonly pinned: Generation | undefined;

  constructor();
  constructor(root: Root, pinned: Generation);
  constructor(root?: Root, pinned?: Generation) {
    this.root = root ?? { current: emptyGeneration() };
    this.pinned = pinned;
  }

  private get generation(): Generation {
    return this.pinned ?? this.root.current;
  }

  async getCheckpoint(): Promise<bigint | null> {
    return this.generation.checkpoint;
  }

  async get<T>(collection: string, id: string): Promise<T | undefined> {
    const json = this.generation.documents.get(collection)?.get(id);
    return json === undefined ? undefined : (JSON.parse(json) as T);
  }

  async getMany<T>(collection: string, ids: readonly string[]): Promise<(T | undefined)[]> {
    const documents = this.generation.documents.get(collection);
    return ids.map((id) => {
      const json = documents?.get(id);
      return json === undefined ? undefined : (JSON.parse(json) as T);
    });
  }

  async list<T>(collection: string, options: ListOptions = {}): Promise<Page<T>> {
    const generation = this.generation;
    const documents = generation.documents.get(collection);
    const ids = options.index === undefined ? [...(documents?.keys() ?? [])] : [...(generation.indexes.get(collection)?.get(options.index) ?? [])];
    const page = pageOf(ids.sort(compareIds), options.offset, options.limit);
    return { ...page, items: page.items.map((id) => JSON.parse(documents?.get(id) as string) as T) };
  }

  async applyBatch(batch: WriteBatch): Promise<void> {
    const generation = this.generation;
    if (generation.checkpoint !== batch.expectedCheckpoint) {
      throw new CheckpointConflictError(batch.expectedCheckpoint, generation.checkpoint);
    }
    // Serialise everything first: a document that cannot be written fails the batch before anything changes.
    const serialised = batch.writes.map((write) => (write.doc === null ? null : JSON.stringify(write.doc)));
    batch.writes.forEach((write, i) => {
      const documents = getOrCreate(generation.documents, write.collection, () => new Map<string, string>());
      const json = serialised[i];
      if (json === null) documents.delete(write.id);
      else documents.set(write.id, json);
      const indexes = getOrCreate(generation.indexes, write.collection, () => new Map<string, Set<string>>());
      for (const index of write.removeIndexes) {
        const members = indexes.get(index);
        members?.delete(write.id);
        if (members?.size === 0) indexes.delete(index);
      }
      for (const index of write.addIndexes) getOrCreate(indexes, index, () => new Set<string>()).add(write.id);
    });
    generation.checkpoint = batch.checkpoint;
  }

  async snapshot(): Promise<ReadModelSnapshot> {
    const generation = this.generation;
    const documents: ReadModelSnapshot['documents'] = {};
    for (const [collection, docs] of generation.documents) {
      if (docs.size === 0) continue;
      documents[collection] = Object.fromEntries([...docs].sort(([a], [b]) => compareIds(a, b)).map(([id, json]) => [id, JSON.parse(json)]));
    }
    const indexes: ReadModelSnapshot['indexes'] = {};
    for (const [collection, byIndex] of generation.indexes) {
      if (byIndex.size === 0) continue;
      indexes[collection] = Object.fromEntries([...byIndex].sort(([a], [b]) => compareIds(a, b)).map(([index, ids]) => [index, [...ids].sort(compareIds)]));
    }
    return { checkpoint: generation.checkpoint, documents, indexes };
  }

  async createGeneration(): Promise<ReadModelGeneration> {
    const root = this.root;
    const next = emptyGeneration();
    return {
      store: new InMemoryReadModelStore(root, next),
      async promote() {
        // One assignment: a reader sees the old generation or the new one, never a half-built one.
        root.current = next;
      },
      async discard() {
        next.documents.clear();
        next.indexes.clear();
      },
    };
  }
}

/** Plain string order: for our ASCII ids the same order as Redis's Lua `table.sort`, so both stores page alike. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function getOrCreate<K, V>(map: Map<K, V>, key: K, create: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = create();
    map.set(key, value);
  }
  return value;
}
