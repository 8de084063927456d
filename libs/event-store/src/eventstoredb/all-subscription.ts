import { AsyncLocalStorage } from 'node:async_hooks';
import { excludeSystemEvents, START, type AllStreamResolvedEvent, type AllStreamSubscription, type EventStoreDBClient } from '@eventstore/db-client';
import { EventStoreUnavailableError } from '../errors';
import type { EventHandler, SubscribeOptions, Subscription } from '../port';
import { matchesAllFilter } from './all-filter';
import { toStoreError } from './client-errors';
import { toRecordedEvent } from './recorded-event';

/**
 * Server checkpoints and the caught-up signal travel through the subscription's own buffer, behind
 * the events that preceded them. The client reports both as soon as it decodes them, which can be
 * before earlier events were handled; acting on them then could store progress past an unhandled event.
 */
type Signal = { signal: 'checkpoint'; position: bigint } | { signal: 'caughtUp' };
type Item = AllStreamResolvedEvent | Signal;

/** During catch-up, progress is reported at least once per this many events, like the lmdb adapter's pages. */
const CHECKPOINT_EVERY = 256;

/**
 * A catch-up subscription to $all over the client's `subscribeToAll`, consumed as an async iterator:
 * the handler is awaited per event, so a slow handler slows reading down to gRPC flow control.
 *
 * The server drops only its own system events; the port's filter is applied here. A server-side
 * filter would hide skipped events from us, and the server reports progress past them only every
 * `checkpointInterval × maxSearchWindow` events (32 at least, unless catch-up reads one event per
 * page), so a selective subscriber could wait indefinitely for a checkpoint past the events it skipped.
 * Seeing every event of ours, this reports progress itself: every CHECKPOINT_EVERY events, when the
 * subscription catches up, and whenever it has caught up and has nothing more buffered.
 */
export class AllSubscription implements Subscription {
  readonly done: Promise<void>;
  private readonly stream: AllStreamSubscription;
  private stopping = false;
  private readonly insideHandler = new AsyncLocalStorage<true>();

  constructor(
    client: EventStoreDBClient,
    private readonly handler: EventHandler,
    private readonly options: SubscribeOptions,
  ) {
    const after = options.after ?? -1n;
    this.stream = client.subscribeToAll({
      fromPosition: after >= 0n ? { commit: after, prepare: after } : START,
      filter: excludeSystemEvents({
        checkpointReached: (subscription, position) => {
          subscription.push({ signal: 'checkpoint', position: position.commit } satisfies Signal);
        },
      }),
    });
    this.stream.on('caughtUp', () => this.stream.push({ signal: 'caughtUp' } satisfies Signal));
    this.done = this.run(after);
    // A failed subscription must not crash the process as an unhandled rejection; its owner sees it on `done`.
    this.done.catch(() => undefined);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.stream.unsubscribe();
    this.stream.destroy();
    // A handler that stops its own subscription cannot wait for itself to return.
    if (this.insideHandler.getStore()) return;
    await this.done.catch(() => undefined);
  }

  private async run(after: bigint): Promise<void> {
    try {
      await this.consume(after);
    } catch (error) {
      if (this.stopping) return;
      throw toStoreError(error, { operation: 'subscribeToAll' });
    } finally {
      await this.stream.unsubscribe();
    }
    if (!this.stopping) throw new EventStoreUnavailableError('EventStoreDB ended the $all subscription');
  }

  private async consume(after: bigint): Promise<void> {
    const { filter, onCheckpoint, onCaughtUp } = this.options;
    // Everything at or below `progress` has been handled or skipped.
    let progress = after;
    let reported = after;
    let sinceReport = 0;
    let caughtUp = false;
    const report = async () => {
      sinceReport = 0;
      if (progress <= reported) return;
      reported = progress;
      await onCheckpoint?.(progress);
    };

    for await (const item of this.stream as AsyncIterable<Item>) {
      if (this.stopping) return;
      if ('signal' in item) {
        if (item.signal === 'checkpoint') {
          if (item.position > progress) progress = item.position;
        } else if (!caughtUp) {
          caughtUp = true;
          await report();
          onCaughtUp?.();
        }
      } else {
        const event = item.event;
        // A subscription resumed from a position may repeat the event at that position.
        if (!event || event.position.commit <= progress) continue;
        progress = event.position.commit;
        sinceReport += 1;
        if (matchesAllFilter(filter, event)) {
          const recorded = toRecordedEvent(item);
          await this.insideHandler.run(true, () => this.handler(recorded));
        }
      }
      if (this.stopping) return;
      if (sinceReport >= CHECKPOINT_EVERY || (caughtUp && this.stream.readableLength === 0)) await report();
    }
  }
}
