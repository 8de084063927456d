import { open, type Database, type RootDatabase } from 'lmdb';

/** The three named databases of one event-store environment. */
export interface LmdbTables {
  root: RootDatabase;
  /** Position key (see position-key.ts) → stored event JSON: $all, in order. */
  events: Database<string, Buffer>;
  /** [streamId, revision] → position key: a stream's events, in revision order. */
  streamIndex: Database<Buffer, [string, number]>;
  /** streamId → revision of its last event: what expected-revision checks read. */
  streamHeads: Database<number, string>;
}

export function openTables(directory: string): LmdbTables {
  const root = open({
    path: directory,
    // A directory even when its name has a dot in it (lmdb would otherwise take it for a file name).
    noSubdir: false,
    // Commit and fsync as one step, so a resolved write is on disk: an acknowledged append is durable (I6)
    // and a subscription never hands out an event that a power cut could still take back.
    overlappingSync: false,
  });
  return {
    root,
    events: root.openDB<string, Buffer>({ name: 'events', keyEncoding: 'binary', encoding: 'string' }),
    streamIndex: root.openDB<Buffer, [string, number]>({ name: 'stream-index', encoding: 'binary' }),
    streamHeads: root.openDB<number, string>({ name: 'stream-heads' }),
  };
}
