import { jsonEvent, type JSONEventData, type JSONType } from '@eventstore/db-client';
import type { NewEvent } from '../port';

/**
 * The port's event as the client's JSON event: same id, type and data, the port's metadata as JSON
 * metadata. The data is serialised here first because the client serialises it inside a promise
 * executor, where a failure (a bigint, a cycle) becomes an unhandled rejection and the append never
 * settles; here it fails the append before anything is sent.
 */
export function toJsonEvent(event: NewEvent): JSONEventData {
  if (JSON.stringify(event.data) === undefined) {
    throw new TypeError(`event ${event.id} (${event.type}): data must be JSON-serialisable`);
  }
  return jsonEvent({ id: event.id, type: event.type, data: event.data as JSONType, metadata: { ...event.metadata } });
}
