import type {
  AppendResult,
  EventHandler,
  EventStore,
  ExpectedRevision,
  NewEvent,
  ReadAllOptions,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
} from '@libs/event-store';

/**
 * A minimal event store for unit-speed runner tests: one array, dense positions from 0, no revision checks.
 * The runner's tests against a real store use the lmdb adapter.
 */
export class InMemoryEventStore implements EventStore {
  readonly adapter = 'lmdb' as const;
  private readonly log: RecordedEvent[] = [];
  private readonly listeners = new Set<() => void>();

  async append(streamId: string, events: readonly NewEvent[], _expected: ExpectedRevision): Promise<AppendResult> {
    let revision = this.log.filter((event) => event.streamId === streamId).length - 1;
    for (const event of events) {
      revision += 1;
      this.log.push({ ...event, streamId, revision, position: BigInt(this.log.length), recordedAt: new Date().toISOString() });
    }
    for (const listener of this.listeners) listener();
    return { nextRevision: revision, position: BigInt(this.log.length - 1) };
  }

  async readStream(streamId: string): Promise<RecordedEvent[]> {
    return this.log.filter((event) => event.streamId === streamId);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const from = options.after === undefined ? 0 : Number(options.after) + 1;
    return this.log.slice(from, options.maxCount === undefined ? undefined : from + options.maxCount);
  }

  async headPosition(): Promise<bigint> {
    return BigInt(this.log.length - 1);
  }

  subscribeToAll(handler: EventHandler, options: SubscribeOptions = {}): Subscription {
    let stopped = false;
    let wake: (() => void) | undefined;
    const listener = () => wake?.();
    this.listeners.add(listener);
    const run = async () => {
      let next = options.after === undefined ? 0 : Number(options.after) + 1;
      let caughtUp = false;
      while (!stopped) {
        if (next < this.log.length) {
          await handler(this.log[next]);
          next += 1;
          continue;
        }
        if (!caughtUp) {
          caughtUp = true;
          options.onCaughtUp?.();
        }
        await new Promise<void>((resolve) => (wake = resolve));
      }
    };
    const done = run().finally(() => this.listeners.delete(listener));
    return {
      done,
      stop: async () => {
        stopped = true;
        wake?.();
        await done.catch(() => undefined);
      },
    };
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {}
}
