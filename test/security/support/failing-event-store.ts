import type { EventStore, EventHandler, ExpectedRevision, NewEvent, ReadAllOptions, ReadStreamOptions, SubscribeOptions } from '@libs/event-store';

/** An internal failure whose message and stack name files and paths the client must never see. */
export class DiskFailure extends Error {
  constructor() {
    super('EIO: i/o error, read /var/lib/holds/events/data.mdb at LmdbEventStore.readStream (lmdb-event-store.ts:142:17)');
  }
}

/** Wraps the real store; while `failing` is set, every read and append throws a DiskFailure (a plain Error, not "unavailable"). */
export class FailingEventStore implements EventStore {
  failing = false;

  constructor(private readonly inner: EventStore) {}

  get adapter() {
    return this.inner.adapter;
  }

  private guard(): void {
    if (this.failing) throw new DiskFailure();
  }

  async append(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision) {
    this.guard();
    return this.inner.append(streamId, events, expected);
  }
  async readStream(streamId: string, options?: ReadStreamOptions) {
    this.guard();
    return this.inner.readStream(streamId, options);
  }
  async readAll(options?: ReadAllOptions) {
    this.guard();
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
