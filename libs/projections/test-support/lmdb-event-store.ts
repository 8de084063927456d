import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LmdbEventStore } from '@libs/event-store';

export interface TestEventStore {
  eventStore: LmdbEventStore;
  path: string;
  /** Closes the store and deletes its directory. */
  dispose(): Promise<void>;
}

/** A real embedded event store in a fresh temporary directory. */
export async function openTestEventStore(): Promise<TestEventStore> {
  const path = mkdtempSync(join(tmpdir(), 'projections-events-'));
  const eventStore = await LmdbEventStore.open({ path });
  return {
    eventStore,
    path,
    dispose: async () => {
      await eventStore.close();
      rmSync(path, { recursive: true, force: true });
    },
  };
}
