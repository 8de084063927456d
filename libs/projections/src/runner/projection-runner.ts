import type { EventStore } from '@libs/event-store';
import type { AnyReadModel } from '../read-model';
import { allReadModels } from '../read-models/all-read-models';
import { CheckpointConflictError, type ReadModelStore } from '../store/read-model-store';
import type { ProjectionLogger } from './logger';
import { ProjectionError, projectBatch } from './project-batch';
import { SubscriptionRunner } from './subscription-runner';

/**
 * - running: started, reading its checkpoint
 * - catching-up: replaying the log from the checkpoint
 * - live: caught up, applying new events as they are appended
 * - failed: stopped on an error; `restart()` resumes from the checkpoint
 * - stopped
 */
export type ProjectionState = 'running' | 'catching-up' | 'live' | 'failed' | 'stopped';

export interface ProjectionStatus {
  state: ProjectionState;
  /** Global position of the last event applied (the checkpoint); null before the first. */
  position: bigint | null;
  /** What stopped it, when failed. */
  error: string | null;
}

export interface ProjectionLag {
  /** Events appended but not yet applied (counted up to `lagCountCap`). */
  events: number;
  /** Age of the oldest event not yet applied: 0 when caught up. */
  milliseconds: number;
}

export interface ProjectionRunnerOptions {
  eventStore: EventStore;
  store: ReadModelStore;
  readModels?: readonly AnyReadModel[];
  /** Most events written in one atomic batch. */
  batchSize?: number;
  /**
   * After a store or subscription error (not a read model's), restart by itself after this delay, doubling
   * up to 30 s while it keeps failing. 0: stay failed until `restart()`. A read model's error always waits for
   * `restart()`: retrying the same event cannot help until the code is fixed.
   */
  retryDelayMs?: number;
  /** While catching up, wait this long for more events before writing a partial batch. */
  catchUpLingerMs?: number;
  lagCountCap?: number;
  logger?: ProjectionLogger;
  now?: () => number;
}

const maxRetryDelayMs = 30_000;

/** retryDelayMs doubling up to 30 s; none (stay failed) for 0. */
function doublingDelays(firstMs: number): number[] {
  const delays: number[] = [];
  for (let delay = firstMs; delay > 0; delay *= 2) {
    delays.push(Math.min(delay, maxRetryDelayMs));
    if (delay >= maxRetryDelayMs) break;
  }
  return delays;
}

/**
 * Keeps the read models up to date on the product's one SubscriptionRunner: events after the stored checkpoint are
 * folded in batches, each batch written atomically with its checkpoint, so a crash or restart never applies an event
 * twice or skips one (I5). A read model that throws stops it until `restart()`; a store error is retried by itself.
 */
export class ProjectionRunner {
  private readonly eventStore: EventStore;
  private readonly lagCountCap: number;
  private readonly now: () => number;
  private readonly runner: SubscriptionRunner;

  constructor(options: ProjectionRunnerOptions) {
    const { store } = options;
    const readModels = options.readModels ?? allReadModels;
    this.eventStore = options.eventStore;
    this.lagCountCap = options.lagCountCap ?? 10_000;
    this.now = options.now ?? Date.now;
    this.runner = new SubscriptionRunner({
      name: 'projections',
      eventStore: options.eventStore,
      checkpoint: () => store.getCheckpoint(),
      handle: async (events, checkpoint) => {
        const result = await projectBatch(store, readModels, events, checkpoint);
        return { reached: result.checkpoint, failure: result.failure };
      },
      batchSize: options.batchSize ?? 100,
      catchUpLingerMs: options.catchUpLingerMs ?? 10,
      retryDelaysMs: doublingDelays(options.retryDelayMs ?? 1000),
      isPermanent: (error) => error instanceof ProjectionError,
      isMoved: (error) => error instanceof CheckpointConflictError,
      logger: options.logger,
    });
  }

  status(): ProjectionStatus {
    const { state, position, error } = this.runner.status();
    return { state: state === 'retrying' ? 'failed' : state, position, error };
  }

  /** Subscribes from the stored checkpoint. Does nothing when already running. */
  start(): Promise<void> {
    return this.runner.start();
  }

  /** Stops reading; a batch being written completes first. */
  stop(): Promise<void> {
    return this.runner.stop();
  }

  /** Resumes from the stored checkpoint, e.g. after a failed read model was fixed. */
  restart(): Promise<void> {
    return this.runner.restart();
  }

  /**
   * Read-your-writes: resolves true once the event at `position` (a command's append position) is applied,
   * false after `timeoutMs` or at once when the runner is failed or stopped.
   */
  waitForPosition(position: bigint, timeoutMs: number): Promise<boolean> {
    return this.runner.waitForPosition(position, timeoutMs);
  }

  async lag(): Promise<ProjectionLag> {
    const head = await this.eventStore.headPosition();
    const { position } = this.runner.status();
    if (head < 0n || (position !== null && position >= head)) return { events: 0, milliseconds: 0 };
    const behind = await this.eventStore.readAll({ after: position ?? undefined, maxCount: this.lagCountCap });
    if (behind.length === 0) return { events: 0, milliseconds: 0 };
    return { events: behind.length, milliseconds: Math.max(0, this.now() - Date.parse(behind[0].recordedAt)) };
  }
}
