/** A page of a list: `total` counts the whole list, `items` is the slice from `offset`. */
export interface Page<T> {
  items: T[];
  total: number;
  offset: number;
  limit: number;
}

export interface ListOptions {
  /** A secondary index of the collection (e.g. `shelf:<locationId>`); the whole collection when absent. */
  index?: string;
  offset?: number;
  /** Default: everything from `offset`. */
  limit?: number;
}

/** One document's new state in a batch, with the index memberships to add and drop. */
export interface DocumentWrite {
  collection: string;
  id: string;
  /** `null` deletes the document. */
  doc: unknown | null;
  addIndexes: readonly string[];
  removeIndexes: readonly string[];
}

export interface WriteBatch {
  writes: readonly DocumentWrite[];
  /** Position of the last event the batch folds in. */
  checkpoint: bigint;
  /**
   * The checkpoint the writer read before folding (null: nothing applied yet). The store refuses the batch
   * if its checkpoint has moved since, so two writers (or a writer and a rebuild swap) never apply an event twice.
   */
  expectedCheckpoint: bigint | null;
}

/** Every document and index membership of one generation, for comparing a live store with a rebuild. */
export interface ReadModelSnapshot {
  checkpoint: bigint | null;
  /** collection → id → document */
  documents: Record<string, Record<string, unknown>>;
  /** collection → index → sorted ids */
  indexes: Record<string, Record<string, string[]>>;
}

/**
 * Where the read models live. Reads always see one complete generation; `applyBatch` writes a batch of documents
 * together with the checkpoint, atomically, so after a crash the store holds either all of a batch or none of it (I5).
 */
export interface ReadModelStore {
  /** Position of the last event applied, or null when nothing has been applied. */
  getCheckpoint(): Promise<bigint | null>;
  get<T>(collection: string, id: string): Promise<T | undefined>;
  getMany<T>(collection: string, ids: readonly string[]): Promise<(T | undefined)[]>;
  /** Documents of a collection or of one of its indexes, ordered by id. */
  list<T>(collection: string, options?: ListOptions): Promise<Page<T>>;
  /** Throws CheckpointConflictError, writing nothing, when the checkpoint is not `batch.expectedCheckpoint`. */
  applyBatch(batch: WriteBatch): Promise<void>;
  snapshot(): Promise<ReadModelSnapshot>;
  /** A new, empty generation that readers do not see until it is promoted (rebuild). */
  createGeneration(): Promise<ReadModelGeneration>;
}

export interface ReadModelGeneration {
  /** Reads and writes of the new generation only. */
  readonly store: ReadModelStore;
  /** Makes the new generation the one readers see, in one atomic step, then deletes the previous one. */
  promote(): Promise<void>;
  /** Deletes the new generation without showing it. */
  discard(): Promise<void>;
}

export class CheckpointConflictError extends Error {
  override readonly name = 'CheckpointConflictError';
  constructor(
    readonly expected: bigint | null,
    readonly actual: bigint | null,
  ) {
    super(`read-model checkpoint is ${String(actual)}, the writer expected ${String(expected)}`);
  }
}

export function pageOf<T>(all: readonly T[], offset = 0, limit?: number): Page<T> {
  const start = Math.max(0, offset);
  const size = limit === undefined ? Math.max(0, all.length - start) : Math.max(0, limit);
  return { items: all.slice(start, start + size), total: all.length, offset: start, limit: size };
}
