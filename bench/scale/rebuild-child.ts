/**
 * One rebuild, measured in a fresh process so nothing of the generator's memory is counted:
 *
 *   node --expose-gc -r ./scripts/ts-register.js bench/scale/rebuild-child.ts <events-dir> memory
 *   node --expose-gc -r ./scripts/ts-register.js bench/scale/rebuild-child.ts <events-dir> redis <redis-url>
 *
 * Prints one JSON line: time, peak heap and RSS while rebuilding, heap kept afterwards, the read models' own size.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Redis } from 'ioredis';
import { LmdbEventStore } from '@libs/event-store';
import { InMemoryReadModelStore, RedisReadModelStore, rebuildReadModels, type ReadModelStore } from '@libs/projections';

const [directory, target, redisUrl] = process.argv.slice(2);
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

function settledHeap(): number {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (!collect) throw new Error('run with --expose-gc');
  collect();
  collect();
  return process.memoryUsage().heapUsed;
}

/**
 * Resident memory from /proc: the peak, and now split into anonymous memory (heap, buffers: what the process really
 * holds) and file pages (lmdb maps the log into memory; pages read stay resident until the kernel needs them back).
 */
function residentBytes(): { peak: number; anonymous: number; file: number } {
  const status = readFileSync('/proc/self/status', 'utf8');
  const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
  return { peak: field('VmHWM'), anonymous: field('RssAnon'), file: field('RssFile') };
}

function fileBytes(directory: string): number {
  return readdirSync(directory).reduce((sum, name) => sum + statSync(join(directory, name)).size, 0);
}

/** Documents and their JSON size: what the read models hold, whatever the store. */
async function readModelSize(store: ReadModelStore) {
  const snapshot = await store.snapshot();
  let documents = 0;
  let jsonBytes = 0;
  for (const byId of Object.values(snapshot.documents)) {
    for (const doc of Object.values(byId)) {
      documents += 1;
      jsonBytes += Buffer.byteLength(JSON.stringify(doc));
    }
  }
  const indexEntries = Object.values(snapshot.indexes).reduce((sum, byIndex) => sum + Object.values(byIndex).reduce((n, ids) => n + ids.length, 0), 0);
  return { documents, indexEntries, jsonMb: mb(jsonBytes) };
}

async function redisUsedMemory(redis: Redis): Promise<number> {
  return Number(/used_memory:(\d+)/.exec(await redis.info('memory'))?.[1] ?? 0);
}

async function main() {
  const eventStore = await LmdbEventStore.open({ path: directory });
  const redis = target === 'redis' ? new Redis(redisUrl) : null;
  let store: ReadModelStore | undefined = redis ? new RedisReadModelStore({ redis, keyPrefix: 'bench:scale:' }) : new InMemoryReadModelStore();
  const redisBefore = redis ? await redisUsedMemory(redis) : 0;
  const baseline = settledHeap();
  let peakHeap = 0;
  const sampler = setInterval(() => (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)), 20);

  const started = performance.now();
  const result = await rebuildReadModels(eventStore, store, { batchSize: 1000 });
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  const resident = residentBytes();
  // What V8 reserved for its heap (live objects and garbage not yet given back) and memory outside it (buffers).
  const { heapTotal, external } = process.memoryUsage();

  const heapAfterRebuild = settledHeap();
  const size = await readModelSize(store);
  const redisAfter = redis ? await redisUsedMemory(redis) : 0;
  // Drop the read models: what stays is what the rebuild kept besides them.
  store = undefined;
  const heapWithoutReadModels = settledHeap();
  if (redis) {
    const keys = await redis.keys('bench:scale:*');
    for (let i = 0; i < keys.length; i += 1000) await redis.unlink(...keys.slice(i, i + 1000));
    redis.disconnect();
  }
  await eventStore.close();

  process.stdout.write(
    `${JSON.stringify({
      events: result.events,
      logOnDiskMb: mb(fileBytes(directory)),
      seconds: Math.round(seconds * 100) / 100,
      eventsPerSecond: Math.round(result.events / seconds),
      readModels: {
        ...size,
        heldInHeapMb: target === 'memory' ? mb(heapAfterRebuild - heapWithoutReadModels) : 0,
        redisUsedMemoryMb: redis ? mb(redisAfter - redisBefore) : null,
      },
      memoryMb: {
        heapBaseline: mb(baseline),
        heapPeakDuringRebuild: mb(Math.max(peakHeap, heapAfterRebuild)),
        heapAfterRebuild: mb(heapAfterRebuild),
        heapAfterDroppingReadModels: mb(heapWithoutReadModels),
        keptBesidesReadModels: mb(heapWithoutReadModels - baseline),
        peakRss: mb(resident.peak),
        rssAnonymousAfterRebuild: mb(resident.anonymous),
        v8HeapReservedAfterRebuild: mb(heapTotal),
        externalAfterRebuild: mb(external),
        rssFileBackedAfterRebuild: mb(resident.file),
      },
    })}\n`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
