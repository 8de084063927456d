// The baseline the adapter is measured against: plain lmdb puts, each awaited, from as many concurrent
// callers, into an environment opened like the adapter's (durable commits), with values of the size the
// adapter stores. The one place outside libs/event-store that opens lmdb itself: the point is to see
// what the adapter adds on top of it.
import { open } from 'lmdb';
import { performance } from 'node:perf_hooks';

export interface RawPutResult {
  puts: number;
  callers: number;
  seconds: number;
  putsPerSecond: number;
}

export async function measureRawPuts(directory: string, puts: number, callers: number, value: string): Promise<RawPutResult> {
  const root = open({ path: directory, noSubdir: false, overlappingSync: false });
  const table = root.openDB<string, Buffer>({ name: 'raw', keyEncoding: 'binary', encoding: 'string' });
  try {
    let next = 0;
    const caller = async () => {
      while (next < puts) {
        const key = Buffer.allocUnsafe(8);
        key.writeBigUInt64BE(BigInt(next++));
        await table.put(key, value);
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: callers }, caller));
    const seconds = (performance.now() - started) / 1000;
    return { puts, callers, seconds, putsPerSecond: puts / seconds };
  } finally {
    await root.close();
  }
}
