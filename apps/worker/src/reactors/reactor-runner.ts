import type { Logger } from 'pino';
import type { AllFilter, EventStore, RecordedEvent, Subscription } from '@libs/event-store';
import { requestContext } from '@libs/platform';
import type { ReactorCheckpoints } from './reactor-checkpoints';

/** One reaction to events of $all: its checkpoint name, the events it wants, and what it does (idempotently) with each. */
export interface ReactorOptions {
  name: string;
  filter?: AllFilter;
  handle(event: RecordedEvent): Promise<void>;
}

/** What /health shows of a reactor. `failing`: the current event (or the subscription) failed and is being retried. */
export interface ReactorStatus {
  name: string;
  state: 'stopped' | 'running' | 'failing';
  /** The last position handled or passed over, as a decimal string; null before the first event. */
  position: string | null;
  consecutiveFailures: number;
  lastError: string | null;
}

/** Waits between attempts at one failing event; the last one repeats until the event goes through. */
export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [200, 1000, 5000, 15000];

/**
 * Runs one reactor on its own $all subscription from its checkpoint. A handler error is logged and the same
 * event retried after a pause (reactions are idempotent), so an outage of the mail relay or Redis delays
 * reactions but never skips one. The checkpoint moves past an event only once it was handled.
 */
export class ReactorRunner {
  private subscription: Subscription | undefined;
  private running = false;
  private position: bigint | null = null;
  private consecutiveFailures = 0;
  private lastError: string | null = null;
  private subscriptionBroken = false;
  private resubscribeTimer: NodeJS.Timeout | undefined;
  private endPause: (() => void) | undefined;

  constructor(
    private readonly store: EventStore,
    private readonly checkpoints: ReactorCheckpoints,
    private readonly options: ReactorOptions,
    private readonly logger: Logger,
    private readonly retryDelaysMs: readonly number[] = DEFAULT_RETRY_DELAYS_MS,
  ) {}

  get name(): string {
    return this.options.name;
  }

  status(): ReactorStatus {
    const failing = this.consecutiveFailures > 0 || this.subscriptionBroken;
    return {
      name: this.options.name,
      state: !this.running ? 'stopped' : failing ? 'failing' : 'running',
      position: this.position?.toString() ?? null,
      consecutiveFailures: this.consecutiveFailures,
      lastError: this.lastError,
    };
  }

  async start(): Promise<void> {
    this.running = true;
    await this.subscribe();
  }

  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.resubscribeTimer);
    this.endPause?.();
    await this.subscription?.stop();
  }

  private async subscribe(): Promise<void> {
    const after = (await this.checkpoints.get(this.options.name)) ?? undefined;
    this.position = after ?? null;
    const subscription = this.store.subscribeToAll((event) => this.handle(event), {
      after,
      filter: this.options.filter,
      onCheckpoint: (position) => this.passed(position),
    });
    this.subscription = subscription;
    subscription.done.catch((error: unknown) => {
      if (!this.running) return;
      this.brokenSubscription(error);
    });
  }

  /** The store or the checkpoint store failed under the subscription: start over from the stored checkpoint. */
  private brokenSubscription(error: unknown): void {
    this.subscriptionBroken = true;
    this.lastError = (error as Error).message;
    this.logger.error({ err: error, reactor: this.options.name }, 'reactor subscription ended; resubscribing');
    this.resubscribeTimer = setTimeout(
      () => {
        if (!this.running) return;
        this.subscribe().then(
          () => (this.subscriptionBroken = false),
          (failure: unknown) => this.brokenSubscription(failure),
        );
      },
      this.retryDelaysMs[this.retryDelaysMs.length - 1],
    );
    this.resubscribeTimer.unref();
  }

  private async passed(position: bigint): Promise<void> {
    await this.checkpoints.set(this.options.name, position);
    this.position = position;
  }

  private async handle(event: RecordedEvent): Promise<void> {
    for (;;) {
      try {
        // What a reaction appends is tied to the request that caused the event, for audit.
        await requestContext.run({ correlationId: event.metadata.correlationId, requestId: event.id }, () => this.options.handle(event));
        await this.checkpoints.set(this.options.name, event.position);
        this.position = event.position;
        this.consecutiveFailures = 0;
        this.lastError = null;
        return;
      } catch (error) {
        if (!this.running) throw error;
        this.lastError = (error as Error).message;
        const wait = this.retryDelaysMs[Math.min(this.consecutiveFailures, this.retryDelaysMs.length - 1)];
        this.consecutiveFailures += 1;
        this.logger.warn({ err: error, reactor: this.options.name, eventId: event.id, type: event.type, retryInMs: wait }, 'reaction failed; retrying');
        await this.pause(wait);
        // Stopped while waiting: end the subscription here, without checkpointing the unhandled event.
        if (!this.running) throw error;
      }
    }
  }

  /** A wait that stop() cuts short, so shutting down never waits out a long retry pause. */
  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const end = () => {
        clearTimeout(timer);
        this.endPause = undefined;
        resolve();
      };
      const timer = setTimeout(end, ms);
      this.endPause = end;
    });
  }
}
