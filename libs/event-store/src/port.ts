/**
 * The one event-store port every other part of the product uses. Two adapters implement it:
 * the embedded lmdb store (default) and EventStoreDB through @eventstore/db-client.
 * Nothing outside libs/event-store may import an adapter's client library.
 */

/**
 * What the store keeps beside an event's data: the usual event-sourcing facts every writer gives, and whatever
 * else a writer adds (the product adds who caused the change and why: libs/platform's CommandMetadata). The store
 * reads none of it; it stores it as JSON and hands it back.
 */
export interface EventMetadata {
  /** Ties together every event caused by one request or one job run. */
  correlationId: string;
  /** Id of the event (or request id) that directly caused this one. */
  causationId: string;
  /** ISO-8601 instant from the writer's clock, when the change was decided. */
  occurredAt: string;
  [fact: string]: unknown;
}

/** An event to append. `id` is a UUID chosen by the writer, so a retried append can be recognised. */
export interface NewEvent<Type extends string = string, Data = unknown> {
  id: string;
  type: Type;
  /** JSON-serialisable: both adapters store JSON and hand back what JSON.parse gives (no Date, bigint, undefined). */
  data: Data;
  metadata: EventMetadata;
}

/** An event as stored. */
export interface RecordedEvent<Type extends string = string, Data = unknown> extends NewEvent<Type, Data> {
  streamId: string;
  /** Position in its stream: 0 for the first event. */
  revision: number;
  /** Position in the one global order ($all). Strictly increasing, not necessarily dense. */
  position: bigint;
  /** ISO-8601 instant when the store committed it. */
  recordedAt: string;
}

/**
 * What the writer expects the stream to be at:
 * a revision number (the revision of its last event), 'no_stream' (must not exist yet),
 * 'exists' (must exist) or 'any' (no check).
 */
export type ExpectedRevision = number | 'no_stream' | 'exists' | 'any';

/** For an empty append: the stream's last revision and position, or -1 and -1n when the stream does not exist. */
export interface AppendResult {
  /** Revision of the last event appended. */
  nextRevision: number;
  /** Global position of the last event appended. */
  position: bigint;
}

export interface ReadStreamOptions {
  direction?: 'forwards' | 'backwards';
  /** Revision to start from (inclusive). Default: start (forwards) or end (backwards). */
  fromRevision?: number;
  /** Maximum number of events. Default: all. */
  maxCount?: number;
}

export interface AllFilter {
  /** Only events whose type is one of these. */
  eventTypes?: readonly string[];
  /** Only events whose stream id starts with one of these prefixes. */
  streamPrefixes?: readonly string[];
}

export interface ReadAllOptions {
  /** Read events strictly after this position. Default: from the very start. */
  after?: bigint;
  maxCount?: number;
  filter?: AllFilter;
}

export interface SubscribeOptions {
  /** Deliver events strictly after this position (a stored checkpoint). Default: from the very start. */
  after?: bigint;
  filter?: AllFilter;
  /**
   * Called with the position reached whenever the subscription has skipped filtered-out events or caught up,
   * so a subscriber with a selective filter can still store its progress.
   */
  onCheckpoint?: (position: bigint) => Promise<void> | void;
  /** Called once when the catch-up phase ends and the subscription goes live. */
  onCaughtUp?: () => void;
}

/**
 * A running subscription. The handler is awaited for each event before the next one is delivered
 * (back-pressure: a slow handler slows reading instead of growing a buffer without bound).
 */
export interface Subscription {
  stop(): Promise<void>;
  /** Settles when the subscription ends: resolves on stop(), rejects if the handler or the store failed. */
  readonly done: Promise<void>;
}

export type EventHandler = (event: RecordedEvent) => Promise<void> | void;

export interface EventStore {
  /** Which adapter this is, for /health and logs. */
  readonly adapter: 'lmdb' | 'eventstoredb';
  append(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult>;
  /** The stream's events; none (an empty history) when the stream has no events. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /** Position of the last event in $all, or -1n when the store is empty. */
  headPosition(): Promise<bigint>;
  subscribeToAll(handler: EventHandler, options?: SubscribeOptions): Subscription;
  /** Cheap round trip to tell whether the store answers. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
