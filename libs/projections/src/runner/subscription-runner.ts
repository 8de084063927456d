import type { AllFilter, EventStore, RecordedEvent, Subscription } from '@libs/event-store';
import { silentLogger, type ProjectionLogger } from './logger';

/**
 * - running: started, reading its checkpoint
 * - catching-up: replaying the log from the checkpoint
 * - live: caught up, handling new events as they are appended
 * - retrying: an error stopped it; it starts over from its checkpoint after a pause
 * - failed: stopped on an error retrying cannot mend; `restart()` resumes from the checkpoint
 * - stopped
 */
export type SubscriptionState = 'running' | 'catching-up' | 'live' | 'retrying' | 'failed' | 'stopped';

export interface SubscriptionStatus {
  state: SubscriptionState;
  /** Global position of the last event handled or passed over (the checkpoint); null before the first. */
  position: bigint | null;
  /** What stopped it last, while retrying or failed. */
  error: string | null;
  /** Failures since the last event went through. */
  consecutiveFailures: number;
}

/** What one batch came to: how far it got, and what stopped it short (the events after it stay unhandled). */
export interface BatchOutcome {
  reached: bigint | null;
  failure?: unknown;
}

/** Waits between attempts after failures: the first after one failure, and so on; the last one repeats. */
export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [200, 1000, 5000, 15000, 30000];

export interface SubscriptionRunnerOptions {
  /** For logs. */
  name: string;
  eventStore: EventStore;
  filter?: AllFilter;
  /** The stored checkpoint it starts after; null: from the very start. */
  checkpoint(): Promise<bigint | null>;
  /** Handles a batch in order and stores the checkpoint with what it did (atomically, where it can). */
  handle(batch: readonly RecordedEvent[], checkpoint: bigint | null): Promise<BatchOutcome>;
  /** Records progress over events the filter passed over; without it, only handled events move the checkpoint. */
  passed?(position: bigint): Promise<void>;
  /** Most events in one batch. */
  batchSize: number;
  /** While catching up, how long to wait for more events before handling a partial batch. */
  catchUpLingerMs: number;
  retryDelaysMs?: readonly number[];
  /** A failure that retrying the same events cannot mend (a read model's bug): stay failed until restart(). */
  isPermanent?(error: unknown): boolean;
  /** The stored checkpoint moved under it (a swapped-in rebuild): carry on from the stored one at once. */
  isMoved?(error: unknown): boolean;
  logger?: ProjectionLogger;
}

interface Waiter {
  position: bigint;
  resolve(reached: boolean): void;
  timer: NodeJS.Timeout;
}

/**
 * The one subscription runner of the product: the projections and every reactor run on it. It subscribes to $all
 * after its stored checkpoint and hands events over in batches, one batch after another; a failure stops the
 * subscription, and after a pause it starts over from the checkpoint, so an event is never skipped and never
 * handled past the checkpoint twice. Errors stay here (logged, shown in the status), never thrown at the caller.
 */
export class SubscriptionRunner {
  private readonly retryDelaysMs: readonly number[];
  private readonly logger: ProjectionLogger;

  private state: SubscriptionState = 'stopped';
  private position: bigint | null = null;
  private error: string | null = null;
  private consecutiveFailures = 0;
  /** Whether the owner wants it running: automatic restarts happen only then. */
  private wanted = false;
  /** Bumped by every start, stop and failure, so callbacks of an earlier subscription do nothing. */
  private session = 0;
  private subscription: Subscription | undefined;
  private caughtUp = false;
  private buffer: RecordedEvent[] = [];
  private lastQueued: bigint | null = null;
  private flushTimer: NodeJS.Timeout | undefined;
  private flushes: Promise<void> = Promise.resolve();
  private retryTimer: NodeJS.Timeout | undefined;
  private readonly waiters = new Set<Waiter>();

  constructor(private readonly options: SubscriptionRunnerOptions) {
    this.retryDelaysMs = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
    this.logger = options.logger ?? silentLogger;
  }

  get name(): string {
    return this.options.name;
  }

  status(): SubscriptionStatus {
    return { state: this.state, position: this.position, error: this.error, consecutiveFailures: this.consecutiveFailures };
  }

  /** Subscribes from the stored checkpoint. Does nothing when already running. */
  async start(): Promise<void> {
    this.wanted = true;
    if (this.state !== 'stopped' && this.state !== 'failed') return;
    clearTimeout(this.retryTimer);
    await this.subscribe(++this.session);
  }

  /** Stops reading; a batch being handled completes first. */
  async stop(): Promise<void> {
    this.wanted = false;
    await this.halt();
    this.state = 'stopped';
    this.settleWaiters(false);
  }

  /** Resumes from the stored checkpoint, e.g. after a failing read model was fixed. */
  async restart(): Promise<void> {
    await this.halt();
    this.state = 'stopped';
    await this.start();
  }

  /**
   * Resolves true once the event at `position` is handled, false after `timeoutMs` or at once when the runner is
   * failed or stopped (a runner retrying keeps the waiter: it may still get there).
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

  private async subscribe(session: number): Promise<void> {
    this.state = 'running';
    this.caughtUp = false;
    this.buffer = [];
    try {
      const checkpoint = await this.options.checkpoint();
      if (session !== this.session) return;
      this.position = checkpoint;
      this.lastQueued = checkpoint;
      this.state = 'catching-up';
      this.logger.info({ runner: this.name, checkpoint: checkpoint?.toString() ?? null }, `${this.name}: subscribing after the checkpoint`);
      const { passed } = this.options;
      const subscription = this.options.eventStore.subscribeToAll((event) => this.receive(session, event), {
        after: checkpoint ?? undefined,
        filter: this.options.filter,
        onCaughtUp: () => this.reachedHead(session),
        onCheckpoint: passed ? (position) => this.passedOver(session, position, passed) : undefined,
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

  private async halt(): Promise<void> {
    clearTimeout(this.retryTimer);
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    this.session++;
    const subscription = this.subscription;
    this.subscription = undefined;
    await subscription?.stop().catch(() => undefined);
    await this.flushes;
    this.buffer = [];
  }

  private async receive(session: number, event: RecordedEvent): Promise<void> {
    if (session !== this.session) return;
    // Never hand over an event at or below what is already handled, whatever the subscription redelivers.
    if (this.lastQueued !== null && event.position <= this.lastQueued) return;
    this.buffer.push(event);
    this.lastQueued = event.position;
    if (this.buffer.length >= this.options.batchSize) {
      await this.flush(session);
    } else if (this.flushTimer === undefined) {
      // Live: handle as soon as the event loop is idle. Catching up: wait briefly for a fuller batch.
      this.flushTimer = setTimeout(
        () => {
          this.flushTimer = undefined;
          void this.flush(session);
        },
        this.caughtUp ? 0 : this.options.catchUpLingerMs,
      );
    }
  }

  private reachedHead(session: number): void {
    if (session !== this.session) return;
    this.caughtUp = true;
    void this.flush(session);
  }

  /** Progress over filtered-out events is recorded in line with the batches, never ahead of an unhandled one. */
  private passedOver(session: number, position: bigint, record: (position: bigint) => Promise<void>): Promise<void> {
    const run = this.flushes.then(async () => {
      if (session !== this.session || this.buffer.length > 0 || (this.position !== null && position <= this.position)) return;
      await record(position);
      this.position = position;
      this.lastQueued = position;
    });
    this.flushes = run.catch((error: unknown) => this.fail(session, error));
    return this.flushes;
  }

  /** Batches are handled one after another, in order. */
  private flush(session: number): Promise<void> {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    const run = this.flushes.then(() => this.handleBatch(session));
    this.flushes = run;
    return run;
  }

  private async handleBatch(session: number): Promise<void> {
    if (session !== this.session) return;
    const events = this.buffer;
    this.buffer = [];
    if (events.length > 0) {
      let outcome: BatchOutcome;
      try {
        outcome = await this.options.handle(events, this.position);
      } catch (error) {
        outcome = { reached: this.position, failure: error };
      }
      if (outcome.reached !== null && (this.position === null || outcome.reached > this.position)) {
        this.position = outcome.reached;
        this.consecutiveFailures = 0;
        this.error = null;
        this.settleWaiters(true);
      }
      if (outcome.failure !== undefined) {
        this.fail(session, outcome.failure);
        return;
      }
    }
    if (session === this.session && this.caughtUp && this.buffer.length === 0 && this.state === 'catching-up') {
      // Everything up to the head went through: whatever failed before is behind it.
      this.state = 'live';
      this.consecutiveFailures = 0;
      this.error = null;
      this.logger.info({ runner: this.name, position: this.position?.toString() ?? null }, `${this.name}: live`);
    }
  }

  private fail(session: number, error: unknown): void {
    if (session !== this.session) return;
    this.session++;
    this.buffer = [];
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    void this.subscription?.stop().catch(() => undefined);
    this.subscription = undefined;
    if (this.options.isMoved?.(error)) {
      // Someone else moved the checkpoint: continue from the stored one; readers keep waiting meanwhile.
      this.logger.warn({ runner: this.name, err: error }, `${this.name}: checkpoint moved, resubscribing`);
      this.state = 'running';
      const next = this.session;
      setImmediate(() => {
        if (next === this.session) void this.subscribe(next);
      });
      return;
    }
    this.error = error instanceof Error ? error.message : String(error);
    this.consecutiveFailures += 1;
    const permanent = this.options.isPermanent?.(error) ?? false;
    const wait = this.retryDelaysMs[Math.min(this.consecutiveFailures - 1, this.retryDelaysMs.length - 1)];
    const retry = !permanent && this.wanted && this.retryDelaysMs.length > 0;
    this.state = retry ? 'retrying' : 'failed';
    if (!retry) this.settleWaiters(false);
    this.logger.error(
      { runner: this.name, err: error, position: this.position?.toString() ?? null, retryInMs: retry ? wait : null },
      `${this.name}: ${retry ? 'failed; starting over from the checkpoint after a pause' : 'failed'}`,
    );
    if (!retry) return;
    const next = this.session;
    this.retryTimer = setTimeout(() => {
      if (this.wanted && next === this.session) void this.subscribe(next);
    }, wait);
    this.retryTimer.unref?.();
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
