import type { EventHandler, RecordedEvent, SubscribeOptions, Subscription } from '../port';
import { matchesFilter } from '../all-filter';
import type { AppendNotifier } from './append-notifier';

/** Events of $all strictly after `after`, at most `limit`, in position order, unfiltered. */
export type ReadPage = (after: bigint, limit: number) => RecordedEvent[];

/** Most events read ahead of the handler: the bound on what a slow handler makes the subscription hold. */
export const SUBSCRIPTION_PAGE_SIZE = 256;

/**
 * A $all subscription that reads the store page by page from its position, catch-up and live alike:
 * when a read comes back empty it is caught up and sleeps until the next append in this process wakes it.
 * Because live events are read from the store like any other, and the position only moves forward
 * past what was read, the switch from catch-up to live can neither skip nor repeat an event.
 */
export class LmdbSubscription implements Subscription {
  readonly done: Promise<void>;
  private stopping = false;
  private wake: (() => void) | undefined;

  constructor(
    private readonly readPage: ReadPage,
    private readonly notifier: AppendNotifier,
    private readonly handler: EventHandler,
    private readonly options: SubscribeOptions,
    onEnd: () => void,
  ) {
    // Started on a later tick so the handler never runs before the caller holds this subscription.
    this.done = Promise.resolve()
      .then(() => this.run())
      .finally(onEnd);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wakeUp();
    // stop() is for ending it; a failure is reported through `done`.
    await this.done.catch(() => undefined);
  }

  private async run(): Promise<void> {
    const { filter, onCheckpoint, onCaughtUp } = this.options;
    let after = this.options.after ?? -1n;
    let caughtUp = false;
    const unlisten = this.notifier.listen(() => this.wakeUp());
    try {
      while (!this.stopping) {
        const page = this.readPage(after, SUBSCRIPTION_PAGE_SIZE);
        if (page.length === 0) {
          if (!caughtUp) {
            caughtUp = true;
            onCaughtUp?.();
          }
          // The read above and this line run in one synchronous stretch, so an append that the read
          // missed can only notify after `wake` is set: no wake-up is lost.
          await new Promise<void>((resolve) => (this.wake = resolve));
          continue;
        }
        for (const event of page) {
          if (this.stopping) return;
          if (matchesFilter(filter, event)) await this.handler(event);
        }
        after = page[page.length - 1].position;
        await onCheckpoint?.(after);
      }
    } finally {
      unlisten();
    }
  }

  private wakeUp(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}
