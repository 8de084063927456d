import type { EventStore, EventHandler, ExpectedRevision, NewEvent, ReadAllOptions, ReadStreamOptions, SubscribeOptions } from '@libs/event-store';

/** Wraps the real store; while `held`, every read of a stream whose id starts with `prefix` waits until `release()`. */
export class HeldReadsEventStore implements EventStore {
  private gate: Promise<void> | null = null;
  private open: () => void = () => undefined;
  /** Reads of held streams asked for while held, in order. */
  readonly heldReads: string[] = [];

  constructor(
    private readonly inner: EventStore,
    private readonly prefix: string,
  ) {}

  get adapter() {
    return this.inner.adapter;
  }

  hold(): void {
    this.gate = new Promise((resolve) => {
      this.open = resolve;
    });
  }

  release(): void {
    this.gate = null;
    this.open();
  }

  async readStream(streamId: string, options?: ReadStreamOptions) {
    if (this.gate && streamId.startsWith(this.prefix)) {
      this.heldReads.push(streamId);
      await this.gate;
    }
    return this.inner.readStream(streamId, options);
  }
  append(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision) {
    return this.inner.append(streamId, events, expected);
  }
  readAll(options?: ReadAllOptions) {
    return this.inner.readAll(options);
  }
  headPosition() {
    return this.inner.headPosition();
  }
  subscribeToAll(handler: EventHandler, options?: SubscribeOptions) {
    return this.inner.subscribeToAll(handler, options);
  }
  ping() {
    return this.inner.ping();
  }
  close() {
    return this.inner.close();
  }
}
