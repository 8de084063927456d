import type { Logger } from 'pino';
import type { AllFilter, EventStore, RecordedEvent } from '@libs/event-store';
import { DEFAULT_RETRY_DELAYS_MS, SubscriptionRunner } from '@libs/projections';
import { requestContext } from '@libs/platform';
import type { ReactorCheckpoints } from './reactor-checkpoints';

/** One reaction to events of $all: its checkpoint name, the events it wants, and what it does (idempotently) with each. */
export interface ReactorOptions {
  name: string;
  filter?: AllFilter;
  handle(event: RecordedEvent): Promise<void>;
}

/** What /health shows of a reactor. `failing`: an event (or the subscription) failed and is being retried. */
export interface ReactorStatus {
  name: string;
  state: 'stopped' | 'running' | 'failing';
  /** The last position handled or passed over, as a decimal string; null before the first event. */
  position: string | null;
  consecutiveFailures: number;
  lastError: string | null;
}

export { DEFAULT_RETRY_DELAYS_MS };

/**
 * One reactor on the product's one SubscriptionRunner, one event at a time from its own checkpoint. A failing
 * reaction is logged and, after a pause, the same event is handed over again (reactions are idempotent), so an
 * outage of the mail relay or Redis delays reactions but never skips one. The checkpoint moves past an event only
 * once it was handled.
 */
export class ReactorRunner {
  private readonly runner: SubscriptionRunner;

  constructor(
    store: EventStore,
    checkpoints: ReactorCheckpoints,
    options: ReactorOptions,
    logger: Logger,
    retryDelaysMs: readonly number[] = DEFAULT_RETRY_DELAYS_MS,
  ) {
    this.runner = new SubscriptionRunner({
      name: `reactor:${options.name}`,
      eventStore: store,
      filter: options.filter,
      checkpoint: () => checkpoints.get(options.name),
      handle: async ([event]) => {
        // What a reaction appends is tied to the request that caused the event, for audit.
        await requestContext.run({ correlationId: event.metadata.correlationId, requestId: event.id }, () => options.handle(event));
        await checkpoints.set(options.name, event.position);
        return { reached: event.position };
      },
      passed: (position) => checkpoints.set(options.name, position),
      batchSize: 1,
      catchUpLingerMs: 0,
      retryDelaysMs,
      logger,
    });
  }

  get name(): string {
    return this.runner.name.replace(/^reactor:/, '');
  }

  status(): ReactorStatus {
    const { state, position, error, consecutiveFailures } = this.runner.status();
    return {
      name: this.name,
      // Failing from the first failure until the events it stopped on went through (or it reached the head again).
      state: state === 'stopped' || state === 'failed' ? 'stopped' : state === 'retrying' || consecutiveFailures > 0 ? 'failing' : 'running',
      position: position?.toString() ?? null,
      consecutiveFailures,
      lastError: error,
    };
  }

  start(): Promise<void> {
    return this.runner.start();
  }

  stop(): Promise<void> {
    return this.runner.stop();
  }
}
