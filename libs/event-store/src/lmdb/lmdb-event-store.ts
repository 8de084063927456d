import { mkdirSync, realpathSync } from 'node:fs';
import type { RangeOptions } from 'lmdb';
import { resolve } from 'node:path';
import { EventStoreUnavailableError, WrongExpectedVersionError } from '../errors';
import type {
  AppendResult,
  EventHandler,
  EventStore,
  ExpectedRevision,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
} from '../port';
import { matchesFilter } from '../all-filter';
import { AppendNotifier } from './append-notifier';
import { DataDirLock } from './data-dir-lock';
import { checkExpectedRevision } from '../expected-revision';
import { openTables, type LmdbTables } from './lmdb-tables';
import { LmdbSubscription } from './lmdb-subscription';
import { keyToPosition, positionToKey } from './position-key';
import { assertValidStreamId } from './stream-id';
import { decodeStoredEvent, encodeEventBody, encodeStoredEvent, type EncodedEventBody } from './stored-event';

export interface LmdbEventStoreOptions {
  /** Data directory, created when missing. One process at a time may open it. */
  path: string;
}

/** Revisions are numbers; this is above any revision a stream can reach and bounds stream-index ranges. */
const REVISION_CEILING = Number.MAX_SAFE_INTEGER;

/**
 * The embedded event store: lmdb, in this process, one writer per data directory.
 *
 * Appends run as lmdb write-transaction callbacks. lmdb runs those one after another on the main
 * thread inside its single write transaction, so the expected-revision check, the position counter
 * and the writes of one append cannot interleave with another's: concurrency control is the write lock.
 * Each append runs as a child transaction, so one that fails leaves nothing of itself behind while
 * the appends batched with it still commit.
 */
export class LmdbEventStore implements EventStore {
  readonly adapter = 'lmdb' as const;
  private readonly notifier = new AppendNotifier();
  private readonly subscriptions = new Set<Subscription>();
  private closed = false;

  private constructor(
    private readonly directory: string,
    private readonly lock: DataDirLock,
    private readonly tables: LmdbTables,
    /** Position of the last event written; only ever advanced inside the write transaction. */
    private lastPosition: bigint,
  ) {}

  static async open(options: LmdbEventStoreOptions): Promise<LmdbEventStore> {
    const directory = prepareDirectory(options.path);
    const lock = DataDirLock.acquire(directory);
    try {
      const tables = openTables(directory);
      return new LmdbEventStore(directory, lock, tables, readLastPosition(tables));
    } catch (error) {
      lock.release();
      throw new EventStoreUnavailableError(`cannot open the event store in ${directory}: ${reason(error)}`, {
        cause: error,
      });
    }
  }

  async append(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    this.assertOpen();
    assertValidStreamId(streamId);
    const bodies = events.map(encodeEventBody);
    let result: AppendResult;
    try {
      result = await this.tables.root.childTransaction(() => this.writeAppend(streamId, bodies, expected));
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) throw error;
      throw this.unavailable('append failed', error);
    }
    // Only now, after the commit, may subscriptions see the events.
    if (bodies.length > 0) this.notifier.notify();
    return result;
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    assertValidStreamId(streamId);
    return this.reading(() => {
      const { streamHeads, streamIndex } = this.tables;
      const lastRevision = streamHeads.get(streamId);
      if (lastRevision === undefined) return [];
      const { direction = 'forwards', fromRevision, maxCount } = options;
      if (maxCount !== undefined && maxCount <= 0) return [];
      // Ranges include their start and exclude their end.
      const range: RangeOptions =
        direction === 'forwards'
          ? { start: [streamId, fromRevision ?? 0], end: [streamId, REVISION_CEILING] }
          : { start: [streamId, Math.min(fromRevision ?? lastRevision, lastRevision)], end: [streamId, -1], reverse: true };
      return Array.from(streamIndex.getRange({ ...range, limit: maxCount }), ({ value }) => this.eventAt(value));
    });
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const { after, maxCount, filter } = options;
    if (maxCount !== undefined && maxCount <= 0) return [];
    return this.reading(() => {
      const found: RecordedEvent[] = [];
      for (const event of this.scanAll(after ?? -1n)) {
        if (!matchesFilter(filter, event)) continue;
        found.push(event);
        if (found.length === maxCount) break;
      }
      return found;
    });
  }

  async headPosition(): Promise<bigint> {
    this.assertOpen();
    return this.reading(() => readLastPosition(this.tables));
  }

  subscribeToAll(handler: EventHandler, options: SubscribeOptions = {}): Subscription {
    this.assertOpen();
    const readPage = (after: bigint, limit: number) => this.reading(() => [...this.scanAll(after, limit)]);
    const subscription: Subscription = new LmdbSubscription(readPage, this.notifier, handler, options, () => this.subscriptions.delete(subscription));
    this.subscriptions.add(subscription);
    return subscription;
  }

  async ping(): Promise<void> {
    this.assertOpen();
    this.reading(() => readLastPosition(this.tables));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
    try {
      // lmdb finishes the writes already queued before it closes.
      await this.tables.root.close();
    } finally {
      this.lock.release();
    }
  }

  /** Runs inside the write transaction; throws before writing anything when the expectation fails. */
  private writeAppend(streamId: string, bodies: readonly EncodedEventBody[], expected: ExpectedRevision): AppendResult {
    const { events, streamIndex, streamHeads } = this.tables;
    const lastRevision = streamHeads.get(streamId);
    checkExpectedRevision(streamId, expected, lastRevision);
    if (bodies.length === 0) return this.currentHead(streamId, lastRevision);

    const recordedAt = new Date().toISOString();
    let revision = lastRevision ?? -1;
    let position = this.lastPosition;
    for (const body of bodies) {
      revision += 1;
      position += 1n;
      const positionKey = positionToKey(position);
      events.putSync(positionKey, encodeStoredEvent(streamId, revision, recordedAt, body));
      streamIndex.putSync([streamId, revision], positionKey);
    }
    streamHeads.putSync(streamId, revision);
    // Advanced only once every write of this append succeeded. Should the commit itself fail later,
    // the next append skips these positions: the order stays strictly increasing, just not dense.
    this.lastPosition = position;
    return { nextRevision: revision, position };
  }

  /** What an empty append answers: the stream's last revision and position, or -1 for both when there is none. */
  private currentHead(streamId: string, lastRevision: number | undefined): AppendResult {
    if (lastRevision === undefined) return { nextRevision: -1, position: -1n };
    const positionKey = this.tables.streamIndex.get([streamId, lastRevision]) as Buffer;
    return { nextRevision: lastRevision, position: keyToPosition(positionKey) };
  }

  /** Events of $all strictly after `after`, decoded lazily, at most `limit`. */
  private scanAll(after: bigint, limit?: number): Iterable<RecordedEvent> {
    const start = positionToKey(after < 0n ? 0n : after + 1n);
    return this.tables.events.getRange({ start, limit }).map(({ key, value }) => decodeStoredEvent(keyToPosition(key), value));
  }

  private eventAt(positionKey: Buffer): RecordedEvent {
    const stored = this.tables.events.get(positionKey);
    if (stored === undefined) {
      throw new Error(`stream index points at position ${keyToPosition(positionKey)}, which holds no event`);
    }
    return decodeStoredEvent(keyToPosition(positionKey), stored);
  }

  /** Runs a synchronous read: one lmdb snapshot. Store failures become EventStoreUnavailableError. */
  private reading<T>(read: () => T): T {
    try {
      return read();
    } catch (error) {
      throw this.unavailable('read failed', error);
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new EventStoreUnavailableError(`the event store in ${this.directory} is closed`);
  }

  private unavailable(what: string, error: unknown): EventStoreUnavailableError {
    return new EventStoreUnavailableError(`event store in ${this.directory}: ${what}: ${reason(error)}`, {
      cause: error,
    });
  }
}

/** Creates the directory when missing and returns its real path, the identity the lock is keyed by. */
function prepareDirectory(path: string): string {
  const directory = resolve(path);
  try {
    mkdirSync(directory, { recursive: true });
    return realpathSync(directory);
  } catch (error) {
    throw new EventStoreUnavailableError(`cannot create the event store directory ${directory}: ${reason(error)}`, {
      cause: error,
    });
  }
}

function readLastPosition(tables: LmdbTables): bigint {
  for (const key of tables.events.getKeys({ reverse: true, limit: 1 })) return keyToPosition(key);
  return -1n;
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
