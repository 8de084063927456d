import type { EventStore } from '@libs/event-store';
import type { AnyReadModel } from '../read-model';
import { allReadModels } from '../read-models/all-read-models';
import type { ReadModelStore } from '../store/read-model-store';
import { projectBatch } from './project-batch';

export interface RebuildProgress {
  /** Position of the last event folded so far. */
  position: bigint;
  /** Head of $all when the rebuild started (more may be appended meanwhile). */
  head: bigint;
  events: number;
}

export interface RebuildOptions {
  onProgress?: (progress: RebuildProgress) => void;
  readModels?: readonly AnyReadModel[];
  batchSize?: number;
}

export interface RebuildResult {
  /** Checkpoint of the generation swapped in; null when the log is empty. */
  position: bigint | null;
  events: number;
}

/**
 * Builds every read model from position 0 into a new generation that readers do not see, then swaps it in
 * atomically and deletes the old one: lists are never empty or half-built while it runs (I5).
 * A runner still writing the old generation notices the swap at its next batch and continues from the new checkpoint.
 * On a failure the new generation is dropped and the live one stays as it was.
 */
export async function rebuildReadModels(eventStore: EventStore, store: ReadModelStore, options: RebuildOptions = {}): Promise<RebuildResult> {
  const readModels = options.readModels ?? allReadModels;
  const batchSize = options.batchSize ?? 500;
  const head = await eventStore.headPosition();
  const generation = await store.createGeneration();
  let position: bigint | null = null;
  let count = 0;
  try {
    for (;;) {
      const events = await eventStore.readAll({ after: position ?? undefined, maxCount: batchSize });
      if (events.length === 0) break;
      const result = await projectBatch(generation.store, readModels, events, position);
      if (result.failure) throw result.failure;
      position = result.checkpoint;
      count += events.length;
      options.onProgress?.({ position: position as bigint, head, events: count });
    }
    await generation.promote();
  } catch (error) {
    await generation.discard().catch(() => undefined);
    throw error;
  }
  return { position, events: count };
}
