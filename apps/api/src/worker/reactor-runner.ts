import type { Logger } from 'pino';
import type { AllFilter, EventStore, RecordedEvent, Subscription } from '@libs/event-store';
import type { ReactorCheckpoints } from './reactor-checkpoints';

export interface ReactorOptions {
  name: string;
  filter?: AllFilter;
  handle(event: RecordedEvent): Promise<void>;
}

const RETRY_MS = [200, 1000, 5000, 15000];

/**
 * Runs one reactor on its own $all subscription from its checkpoint. A handler error is logged and the same
 * event retried after a pause (reactions are idempotent), so an outage of the mail relay or Redis delays
 * reactions but never skips one.
 */
export class ReactorRunner {
  private subscription: Subscription | undefined;
  private stopped = false;
  private failures = 0;
  private lastError: string | null = null;

  constructor(
    private readonly store: EventStore,
    private readonly checkpoints: ReactorCheckpoints,
    private readonly options: ReactorOptions,
    private readonly logger: Logger,
  ) {}

  status() {
    return { name: this.options.name, failing: this.failures > 0, lastError: this.lastError };
  }

  async start(): Promise<void> {
    this.stopped = false;
    const after = (await this.checkpoints.get(this.options.name)) ?? undefined;
    this.subscription = this.store.subscribeToAll((event) => this.handle(event), {
      after,
      filter: this.options.filter,
      onCheckpoint: (position) => this.checkpoints.set(this.options.name, position),
    });
    this.subscription.done.catch((error: unknown) => {
      if (this.stopped) return;
      this.logger.error({ err: error, reactor: this.options.name }, 'reactor subscription ended; resubscribing');
      setTimeout(() => void this.start(), 1000).unref();
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.subscription?.stop();
  }

  private async handle(event: RecordedEvent): Promise<void> {
    for (;;) {
      try {
        await this.options.handle(event);
        await this.checkpoints.set(this.options.name, event.position);
        this.failures = 0;
        this.lastError = null;
        return;
      } catch (error) {
        if (this.stopped) throw error;
        this.lastError = (error as Error).message;
        const wait = RETRY_MS[Math.min(this.failures++, RETRY_MS.length - 1)];
        this.logger.warn({ err: error, reactor: this.options.name, eventId: event.id, retryInMs: wait }, 'reaction failed; retrying');
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    }
  }
}
