import { LmdbEventStore, type RecordedEvent } from '@libs/event-store';

/** Every event in an embedded store, read by the test itself once the app that owns the directory has exited. */
export async function readEmbeddedLog(eventsDirectory: string): Promise<RecordedEvent[]> {
  const store = await LmdbEventStore.open({ path: eventsDirectory });
  try {
    return await store.readAll();
  } finally {
    await store.close();
  }
}
