import type { EventMetadata, NewEvent, RecordedEvent } from '../port';

/**
 * How one event is kept in lmdb: a JSON document under its position key. JSON, not msgpack, so data
 * round-trips exactly as it does through EventStoreDB: both adapters hand back what JSON.parse gives.
 *
 * The writer's part (id, type, data, metadata) is serialised before the write transaction starts:
 * that is the costly part and the only one that can throw, so the serialised write lock stays short
 * and a bad payload fails the append before anything is written.
 */
export type EncodedEventBody = string & { readonly __brand: 'EncodedEventBody' };

interface StoredEvent {
  streamId: string;
  revision: number;
  recordedAt: string;
  event: { id: string; type: string; data: unknown; metadata: EventMetadata };
}

export function encodeEventBody(event: NewEvent): EncodedEventBody {
  const { id, type, data, metadata } = event;
  return JSON.stringify({ id, type, data, metadata }) as EncodedEventBody;
}

/** Builds the StoredEvent document around an already encoded body, without serialising it again. */
export function encodeStoredEvent(streamId: string, revision: number, recordedAt: string, body: EncodedEventBody): string {
  return `{"streamId":${JSON.stringify(streamId)},"revision":${revision},"recordedAt":${JSON.stringify(recordedAt)},"event":${body}}`;
}

export function decodeStoredEvent(position: bigint, stored: string): RecordedEvent {
  const { streamId, revision, recordedAt, event } = JSON.parse(stored) as StoredEvent;
  return { ...event, streamId, revision, position, recordedAt };
}
