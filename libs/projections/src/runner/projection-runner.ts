import type { EventStore, RecordedEvent, Subscription } from '@libs/event-store';
import type { AnyReadModel } from '../read-model';
import { allReadModels } from '../read-models/all-read-models';
import { CheckpointConflictError, type ReadModelStore } from '../store/read-model-store';
import { silentLogger, type ProjectionLogger } from './logger';
import { ProjectionError, projectBatch } from './project-batch';

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

interface Waiter {
  position: bigint;
  resolve(reached: boolean): void;
  timer: NodeJS.Timeout;
}

const maxRetryDelayMs = 30_000;

/**
 * Keeps the read models up to date: subscribes to $all after the stored checkpoint and folds events in batches,
 * each batch written atomically with its checkpoint, so a crash or restart never applies an event twice or skips one (I5).
 */
export class ProjectionRunner {
  private readonly eventStore: EventStore;
  private readonly store: ReadModelStore;
  private readonly readModels: readonly AnyReadModel[];
  private readonly batchSize: number;
  private readonly retryDelayMs: number;
  private readonly catchUpLingerMs: number;
  private readonly lagCountCap: number;
  private readonly logger: ProjectionLogger;
  private readonly now: () => number;

  private state: ProjectionState = 'stopped';
  private position: bigint | null = null;
  private error: string | null = null;
  /** Whether the owner wants it running: automatic restarts happen only then. */
  private wanted = false;
  /** Bumped by every start and stop, so callbacks of an earlier subscription do nothing. */
  private session = 0;
  private subscription: Subscription | undefined;
  private caughtUp = false;
  private buffer: RecordedEvent[] = [];
  private lastQueued: bigint | null = null;
  private flushTimer: NodeJS.Timeout | undefined;
  private flushes: Promise<void> = Promise.resolve();
  private retryTimer: NodeJS.Timeout | undefined;
  private nextRetryDelayMs: number;
  private readonly waiters = new Set<Waiter>();

  constructor(options: ProjectionRunnerOptions) {
    this.eventStore = options.eventStore;
    this.store = options.store;
    this.readModels = options.readModels ?? allReadModels;
    this.batchSize = options.batchSize ?? 100;
    this.retryDelayMs = options.retryDelayMs ?? 1000;
    this.nextRetryDelayMs = this.retryDelayMs;
    this.catchUpLingerMs = options.catchUpLingerMs ?? 10;
    this.lagCountCap = options.lagCountCap ?? 10_000;
    this.logger = options.logger ?? silentLogger;
    this.now = options.now ?? Date.now;
  }

  status(): ProjectionStatus {
    return { state: this.state, position: this.position, error: this.error };
  }

  /** Subscribes from the stored checkpoint. Does nothing when already running. */
  async start(): Promise<void> {
    this.wanted = true;
    if (this.state !== 'stopped' && this.state !== 'failed') return;
    clearTimeout(this.retryTimer);
    await this.subscribe(++this.session);
  }

  private async subscribe(session: number): Promise<void> {
    this.state = 'running';
    this.error = null;
    this.caughtUp = false;
    this.buffer = [];
    try {
      const checkpoint = await this.store.getCheckpoint();
      if (session !== this.session) return;
      this.position = checkpoint;
      this.lastQueued = checkpoint;
      this.state = 'catching-up';
      this.logger.info({ checkpoint: checkpoint?.toString() ?? null }, 'projections: subscribing after the checkpoint');
      const subscription = this.eventStore.subscribeToAll((event) => this.receive(session, event), {
        after: checkpoint ?? undefined,
        onCaughtUp: () => this.reachedHead(session),
      });
      this.subscription = subscription;
      subscription.done.then(
        () => undefined,
        (error: unknown) => this.fail(session, error),
      );
    } catch (error) {
      this.fail(session, error);
    }
  }

  /** Stops reading; a batch being written completes first. */
  async stop(): Promise<void> {
    this.wanted = false;
    await this.halt();
    this.state = 'stopped';
    this.settleWaiters(false);
  }

  /** Resumes from the stored checkpoint, e.g. after a failed read model was fixed. */
  async restart(): Promise<void> {
    await this.halt();
    this.state = 'stopped';
    await this.start();
  }

  /**
   * Read-your-writes: resolves true once the event at `position` (a command's append position) is applied,
   * false after `timeoutMs` or at once when the runner is failed or stopped.
   */
  waitForPosition(position: bigint, timeoutMs: number): Promise<boolean> {
    if (this.position !== null && this.position >= position) return Promise.resolve(true);
    if (this.state === 'failed' || this.state === 'stopped') return Promise.resolve(false);
    return new Promise((resolve) => {
      const waiter: Waiter = {
        position,
        resolve,
        timer: setTimeout(() => {
          this.waiters.delete(waiter);
          resolve(false);
        }, timeoutMs),
      };
      this.waiters.add(waiter);
    });
  }

  async lag(): Promise<ProjectionLag> {
    const head = await this.eventStore.headPosition();
    const position = this.position;
    if (head < 0n || (position !== null && position >= head)) return { events: 0, milliseconds: 0 };
    const behind = await this.eventStore.readAll({ after: position ?? undefined, maxCount: this.lagCountCap });
    if (behind.length === 0) return { events: 0, milliseconds: 0 };
    return { events: behind.length, milliseconds: Math.max(0, this.now() - Date.parse(behind[0].recordedAt)) };
  }

  private async halt(): Promise<void> {
    clearTimeout(this.retryTimer);
    clearTimeout(this.flushTimer);
    this.session++;
    const subscription = this.subscription;
    this.subscription = undefined;
    await subscription?.stop().catch(() => undefined);
    await this.flushes;
    this.buffer = [];
  }

  private async receive(session: number, event: RecordedEvent): Promise<void> {
    if (session !== this.session) return;
    // Never fold an event at or below what is already applied, whatever the subscription redelivers.
    if (this.lastQueued !== null && event.position <= this.lastQueued) return;
    this.buffer.push(event);
    this.lastQueued = event.position;
    if (this.buffer.length >= this.batchSize) {
      await this.flush(session);
    } else if (this.flushTimer === undefined) {
      // Live: write as soon as the event loop is idle. Catching up: wait briefly for a fuller batch.
      this.flushTimer = setTimeout(
        () => {
          this.flushTimer = undefined;
          void this.flush(session);
        },
        this.caughtUp ? 0 : this.catchUpLingerMs,
      );
    }
  }

  private reachedHead(session: number): void {
    if (session !== this.session) return;
    this.caughtUp = true;
    void this.flush(session);
  }

  /** Batches are written one after another, in order. */
  private flush(session: number): Promise<void> {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    const run = this.flushes.then(() => this.writeBatch(session));
    this.flushes = run;
    return run;
  }

  private async writeBatch(session: number): Promise<void> {
    if (session !== this.session) return;
    const events = this.buffer;
    this.buffer = [];
    if (events.length > 0) {
      let result;
      try {
        result = await projectBatch(this.store, this.readModels, events, this.position);
      } catch (error) {
        if (error instanceof CheckpointConflictError) this.resubscribe(session, error);
        else this.fail(session, error);
        return;
      }
      if (result.applied > 0) {
        this.position = result.checkpoint;
        this.nextRetryDelayMs = this.retryDelayMs;
        this.settleWaiters(true);
      }
      if (result.failure) {
        this.fail(session, result.failure);
        return;
      }
    }
    if (session === this.session && this.caughtUp && this.buffer.length === 0 && this.state === 'catching-up') {
      this.state = 'live';
      this.logger.info({ position: this.position?.toString() ?? null }, 'projections: live');
    }
  }

  private fail(session: number, error: unknown): void {
    if (session !== this.session) return;
    this.session++;
    this.state = 'failed';
    this.error = error instanceof Error ? error.message : String(error);
    this.buffer = [];
    clearTimeout(this.flushTimer);
    void this.subscription?.stop().catch(() => undefined);
    this.subscription = undefined;
    this.settleWaiters(false);
    const retry = !(error instanceof ProjectionError) && this.retryDelayMs > 0 && this.wanted;
    this.logger.error({ err: error, position: this.position?.toString() ?? null, retryInMs: retry ? this.nextRetryDelayMs : null }, 'projections: failed');
    if (retry) {
      this.retryTimer = setTimeout(() => {
        if (this.wanted && this.state === 'failed') void this.subscribe(++this.session);
      }, this.nextRetryDelayMs);
      this.nextRetryDelayMs = Math.min(this.nextRetryDelayMs * 2, maxRetryDelayMs);
    }
  }

  /** Someone else moved the checkpoint (a rebuild was swapped in): continue from the stored one. */
  private resubscribe(session: number, conflict: CheckpointConflictError): void {
    if (session !== this.session) return;
    this.logger.warn({ expected: String(conflict.expected), actual: String(conflict.actual) }, 'projections: checkpoint moved, resubscribing');
    const next = ++this.session;
    // Still running as far as readers are concerned: waitForPosition keeps waiting.
    this.state = 'running';
    void this.subscription?.stop().catch(() => undefined);
    this.subscription = undefined;
    this.buffer = [];
    setImmediate(() => {
      if (next === this.session) void this.subscribe(next);
    });
  }

  private settleWaiters(reached: boolean): void {
    for (const waiter of this.waiters) {
      if (reached && (this.position === null || this.position < waiter.position)) continue;
      clearTimeout(waiter.timer);
      this.waiters.delete(waiter);
      waiter.resolve(reached);
    }
  }
}
