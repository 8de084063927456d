import { BACKWARDS, END, EventStoreDBClient, FORWARDS, START, type AllStreamResolvedEvent, type Direction, type ReadPosition } from '@eventstore/db-client';
import { StreamNotFoundError } from '../errors';
import { checkExpectedRevision } from '../expected-revision';
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
import { isSystemEvent, matchesAllFilter } from './all-filter';
import { AllSubscription } from './all-subscription';
import { toStoreError } from './client-errors';
import { toClientExpectedRevision } from './expected-revision';
import { toJsonEvent } from './json-event';
import { toRecordedEvent } from './recorded-event';
import { CallTimedOut, DEFAULT_CALL_TIMEOUT_MS, withDeadline } from './deadline';

// $all is read in pages: the port's filters are applied client-side (the client's readAll has no
// server-side filter), so memory stays bounded by one page however selective the filter is.
const READ_ALL_PAGE = 256;
// The head is looked up before every consistent read: a short page finds it at once (past the odd system event
// a real server writes at the end of $all) without sending 256 events each time.
const HEAD_PAGE = 16;

/**
 * The event-store port over EventStoreDB (or KurrentDB, same protocol) through @eventstore/db-client.
 * The only place in the product that knows that client. Events are JSON; the port's metadata is the
 * event's JSON metadata; the port's event id is EventStoreDB's event id, so a retried append with the
 * same ids is recognised by the server. Positions are $all commit positions. System events (types
 * starting with '$') are invisible through this port.
 */
export class EventStoreDbEventStore implements EventStore {
  readonly adapter = 'eventstoredb' as const;
  private readonly subscriptions = new Set<Subscription>();

  private constructor(
    private readonly client: EventStoreDBClient,
    private readonly callTimeoutMs: number,
  ) {}

  /**
   * Connects lazily: the channel opens on the first call, so an unreachable server shows as an
   * EventStoreUnavailableError from that call (ping() checks it up front) rather than here. Every call (append,
   * read, ping) gets `callTimeoutMs` to answer.
   */
  static async connect(connectionString: string, options: { callTimeoutMs?: number } = {}): Promise<EventStoreDbEventStore> {
    return new EventStoreDbEventStore(EventStoreDBClient.connectionString(connectionString), options.callTimeoutMs ?? DEFAULT_CALL_TIMEOUT_MS);
  }

  async append(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    if (events.length === 0) return this.appendNothing(streamId, expected);
    const jsonEvents = events.map(toJsonEvent);
    try {
      const result = await withDeadline('append', this.callTimeoutMs, () =>
        this.client.appendToStream(streamId, jsonEvents, { expectedRevision: toClientExpectedRevision(expected) }),
      );
      if (!result.position) throw new Error(`EventStoreDB did not return the position of the append to ${streamId}`);
      return { nextRevision: Number(result.nextExpectedRevision), position: result.position.commit };
    } catch (error) {
      if (error instanceof CallTimedOut) return this.appendOutcome(streamId, events, error);
      throw toStoreError(error, { operation: 'append', streamId, expected });
    }
  }

  /**
   * An append that timed out may have been written or not. The stream tells: when its last events are ours (same
   * event ids), the append committed and is answered as committed; otherwise it is reported unavailable, and the
   * caller's retry decides again on the stream as it then is.
   */
  private async appendOutcome(streamId: string, events: readonly NewEvent[], timedOut: CallTimedOut): Promise<AppendResult> {
    const last = await this.readStream(streamId, { direction: 'backwards', maxCount: events.length });
    const ours = last.length === events.length && last.every((event) => events.some((written) => written.id === event.id));
    if (!ours) throw timedOut;
    return { nextRevision: last[0].revision, position: last[0].position };
  }

  /**
   * An empty append writes nothing, so checking the expectation against the stream's last event is
   * all it takes; EventStoreDB's answer to an empty write carries no position to report. Like the
   * lmdb adapter it answers the last revision and position, or -1 for both when there is no stream.
   */
  private async appendNothing(streamId: string, expected: ExpectedRevision): Promise<AppendResult> {
    const last = await this.lastEventOf(streamId);
    checkExpectedRevision(streamId, expected, last?.revision);
    return last ? { nextRevision: last.revision, position: last.position } : { nextRevision: -1, position: -1n };
  }

  private async lastEventOf(streamId: string): Promise<RecordedEvent | undefined> {
    const [last] = await this.readStream(streamId, { direction: 'backwards', maxCount: 1 });
    return last;
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const backwards = options.direction === 'backwards';
    try {
      return await withDeadline('readStream', this.callTimeoutMs, async () => {
        const events: RecordedEvent[] = [];
        const reading = this.client.readStream(streamId, {
          direction: backwards ? BACKWARDS : FORWARDS,
          fromRevision: options.fromRevision === undefined ? (backwards ? END : START) : BigInt(options.fromRevision),
          maxCount: options.maxCount ?? Number.MAX_SAFE_INTEGER,
        });
        for await (const resolved of reading) events.push(toRecordedEvent(resolved));
        return events;
      });
    } catch (error) {
      const failure = toStoreError(error, { operation: 'readStream', streamId });
      // The port's reading of a stream without events is an empty history, not an error.
      if (failure instanceof StreamNotFoundError) return [];
      throw failure;
    }
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const maxCount = options.maxCount ?? Number.POSITIVE_INFINITY;
    const events: RecordedEvent[] = [];
    let lastSeen = options.after ?? -1n;
    let from: ReadPosition = lastSeen >= 0n ? { commit: lastSeen, prepare: lastSeen } : START;
    try {
      while (events.length < maxCount) {
        const page = await this.readAllPage(FORWARDS, from);
        for (const resolved of page) {
          // Reading forwards from a position includes the event at it: the last one already seen.
          if (!resolved.event || resolved.event.position.commit <= lastSeen) continue;
          lastSeen = resolved.event.position.commit;
          if (events.length < maxCount && matchesAllFilter(options.filter, resolved.event)) {
            events.push(toRecordedEvent(resolved));
          }
        }
        const last = page.at(-1)?.event;
        if (page.length < READ_ALL_PAGE || !last) break;
        from = last.position;
      }
    } catch (error) {
      throw toStoreError(error, { operation: 'readAll' });
    }
    return events;
  }

  /** The last event of ours in $all: system events the server writes itself are skipped. */
  async headPosition(): Promise<bigint> {
    let from: ReadPosition = END;
    try {
      for (;;) {
        const page = await this.readAllPage(BACKWARDS, from, HEAD_PAGE);
        const ours = page.find((resolved) => resolved.event && !isSystemEvent(resolved.event));
        if (ours?.event) return ours.event.position.commit;
        const last = page.at(-1)?.event;
        if (page.length < HEAD_PAGE || !last) return -1n;
        // Reading backwards from a position returns what lies before it.
        from = last.position;
      }
    } catch (error) {
      throw toStoreError(error, { operation: 'headPosition' });
    }
  }

  subscribeToAll(handler: EventHandler, options: SubscribeOptions = {}): Subscription {
    const subscription = new AllSubscription(this.client, handler, options);
    this.subscriptions.add(subscription);
    const forget = () => this.subscriptions.delete(subscription);
    subscription.done.then(forget, forget);
    return subscription;
  }

  async ping(): Promise<void> {
    try {
      await withDeadline('ping', this.callTimeoutMs, () => this.client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1 }).toArray());
    } catch (error) {
      throw toStoreError(error, { operation: 'ping' });
    }
  }

  /** Stops the subscriptions still running first, so they end as stopped rather than as failed. */
  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
    await this.client.dispose();
  }

  /** One page of $all, read to its end so no call is left half-consumed. */
  private readAllPage(direction: Direction, fromPosition: ReadPosition, maxCount = READ_ALL_PAGE): Promise<AllStreamResolvedEvent[]> {
    return withDeadline('readAll', this.callTimeoutMs, async () => {
      const page: AllStreamResolvedEvent[] = [];
      for await (const resolved of this.client.readAll({ direction, fromPosition, maxCount })) page.push(resolved);
      return page;
    });
  }
}
