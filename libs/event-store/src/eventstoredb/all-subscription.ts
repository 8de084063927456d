import { AsyncLocalStorage } from 'node:async_hooks';
import { START, type AllStreamResolvedEvent, type AllStreamSubscription, type EventStoreDBClient } from '@eventstore/db-client';
import { EventStoreUnavailableError } from '../errors';
import type { EventHandler, SubscribeOptions, Subscription } from '../port';
import { matchesAllFilter, serverFilter } from './all-filter';
import { toStoreError } from './client-errors';
import { toRecordedEvent } from './recorded-event';

/**
 * Checkpoints and the caught-up signal travel through the subscription's own buffer, after the events
 * that preceded them. The client reports both as soon as it decodes them, which can be before earlier
 * events were handled; reporting them then could store progress past an event not yet applied.
 */
type Signal = { signal: 'checkpoint'; position: bigint } | { signal: 'caughtUp' };
type Item = AllStreamResolvedEvent | Signal;

/**
 * A catch-up subscription to $all over the client's `subscribeToAll`. Consumed as an async iterator,
 * so the handler is awaited per event and a slow handler slows reading down to gRPC flow control.
 */
export class AllSubscription implements Subscription {
  readonly done: Promise<void>;
  private stream: AllStreamSubscription | undefined;
  private stopping = false;
  private readonly insideHandler = new AsyncLocalStorage<true>();

  constructor(
    private readonly client: EventStoreDBClient,
    private readonly headPosition: () => Promise<bigint>,
    private readonly handler: EventHandler,
    private readonly options: SubscribeOptions,
  ) {
    this.done = this.run();
    // A failed subscription must not crash the process as an unhandled rejection; its owner sees it on `done`.
    this.done.catch(() => undefined);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.stream?.unsubscribe();
    this.stream?.destroy();
    // A handler that stops its own subscription cannot wait for itself to return.
    if (this.insideHandler.getStore()) return;
    await this.done.catch(() => undefined);
  }

  private async run(): Promise<void> {
    const after = this.options.after ?? -1n;
    // Everything up to the head as it was before subscribing has been delivered once the server says
    // caught up, so that head is a safe checkpoint even when the filter matched nothing.
    const headAtStart = await this.headPosition();
    if (this.stopping) return;
    const stream = this.client.subscribeToAll({
      fromPosition: after >= 0n ? { commit: after, prepare: after } : START,
      filter: serverFilter(this.options.filter, (subscription, position) => {
        subscription.push({ signal: 'checkpoint', position: position.commit } satisfies Signal);
      }),
    });
    stream.on('caughtUp', () => stream.push({ signal: 'caughtUp' } satisfies Signal));
    this.stream = stream;
    try {
      await this.consume(stream, after, headAtStart);
    } catch (error) {
      if (this.stopping) return;
      throw toStoreError(error, { operation: 'subscribeToAll' });
    } finally {
      await stream.unsubscribe();
    }
    if (!this.stopping) throw new EventStoreUnavailableError('EventStoreDB ended the $all subscription');
  }

  private async consume(stream: AllStreamSubscription, after: bigint, headAtStart: bigint): Promise<void> {
    let lastSeen = after;
    let lastCheckpoint = after;
    let caughtUp = false;
    const checkpoint = async (position: bigint) => {
      if (position <= lastCheckpoint) return;
      lastCheckpoint = position;
      await this.options.onCheckpoint?.(position);
    };
    for await (const item of stream as AsyncIterable<Item>) {
      if (this.stopping) return;
      if ('signal' in item) {
        if (item.signal === 'checkpoint') {
          await checkpoint(item.position);
        } else if (!caughtUp) {
          caughtUp = true;
          await checkpoint(headAtStart > lastSeen ? headAtStart : lastSeen);
          this.options.onCaughtUp?.();
        }
        continue;
      }
      const position = item.event?.position.commit;
      // A resumed subscription may repeat the event it resumed after.
      if (!item.event || position === undefined || position <= lastSeen) continue;
      lastSeen = position;
      if (!matchesAllFilter(this.options.filter, item.event)) continue;
      const event = toRecordedEvent(item);
      await this.insideHandler.run(true, () => this.handler(event));
    }
  }
}
