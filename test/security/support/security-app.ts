import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LmdbEventStore, type EventStore, type RecordedEvent } from '@libs/event-store';
import { startTestApp, type TestApp } from '../../support/test-app';

export interface SecurityApp {
  app: TestApp;
  /** The app's own event store: the test reads the log to prove what a request did or did not append. */
  store: EventStore;
  close(): Promise<void>;
}

/** The real test app on an lmdb store the test holds, optionally behind a wrapper (a store that fails on demand). */
export async function startSecurityApp(options: { wrap?: (store: EventStore) => EventStore; env?: Record<string, string> } = {}): Promise<SecurityApp> {
  const dataDir = await mkdtemp(join(tmpdir(), 'holds-security-'));
  const store = await LmdbEventStore.open({ path: join(dataDir, 'events') });
  const app = await startTestApp({ dataDir, eventStore: options.wrap ? options.wrap(store) : store, env: options.env });
  return {
    app,
    store,
    close: async () => {
      await app.close();
      await store.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Events appended after `position` on behalf of one request (its X-Correlation-Id). Filtering on the correlation id
 * keeps mails and projections that earlier requests set off in the background out of the count.
 */
export async function appendedBy(store: EventStore, position: bigint, correlationId: string): Promise<RecordedEvent[]> {
  if ((await store.headPosition()) === position) return [];
  const since = await store.readAll({ after: position });
  return since.filter((event) => event.metadata.correlationId === correlationId);
}
