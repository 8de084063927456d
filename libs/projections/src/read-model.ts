import type { ProjectedEvent } from './projected-event';

/**
 * One read model: a collection of JSON documents, each folded from the events that name it.
 * Everything here is pure; the runner loads the documents, folds, and writes them back in one batch.
 */
export interface ReadModel<Doc> {
  /** Name of the collection its documents live in. */
  readonly collection: string;
  /** Ids of the documents this event changes; empty when the event does not concern this read model. */
  keysOf(event: ProjectedEvent): readonly string[];
  /** Folds one event into one document. `undefined` in: the document does not exist yet; out: delete it. */
  evolve(doc: Doc | undefined, event: ProjectedEvent): Doc | undefined;
  /** The lists (secondary indexes) the document belongs to, e.g. `shelf:<locationId>`. */
  indexesOf(doc: Doc): readonly string[];
}

/** The read models with their document types erased, as the runner handles them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyReadModel = ReadModel<any>;
