import { join } from 'node:path';
import { EventStoreDbEventStore, LmdbEventStore, type EventStore } from '@libs/event-store';
import type { AppConfig } from '../config/app-config';

/** Opens the event store the configuration names: embedded lmdb under DATA_DIR/events, or EventStoreDB. */
export async function openEventStore(config: AppConfig): Promise<EventStore> {
  if (config.EVENT_STORE === 'eventstoredb') {
    return EventStoreDbEventStore.connect(config.EVENTSTORE_CONNECTION_STRING as string, { callTimeoutMs: config.EVENTSTORE_CALL_TIMEOUT_MS });
  }
  return LmdbEventStore.open({ path: join(config.DATA_DIR, 'events') });
}
