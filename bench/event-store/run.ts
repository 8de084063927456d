/**
 * Event-store benchmark: the embedded lmdb adapter's append and read throughput, beside raw lmdb puts
 * measured in the same run on the same disk. adapterToRawPutRatio (single-event appends ÷ raw puts) is the
 * figure we track: what the port's guarantees (expected-revision check, global order, stream index,
 * durable commit) cost over the storage engine itself, independent of how fast this machine is.
 *
 *   npm run bench:event-store            (node -r ./scripts/ts-register.js bench/event-store/run.ts)
 *   BENCH_EVENTS=20000 BENCH_CALLERS=64 npm run bench:event-store
 *
 * Writes bench/results/event-store.json.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { LmdbEventStore, type EventStore, type ExpectedRevision, type NewEvent } from '@libs/event-store';
import { encodeEventBody, encodeStoredEvent } from '@libs/event-store/lmdb/stored-event';
import { median, percentile, round } from '../stats';
import { measureRawPuts } from './raw-lmdb-put';

const eventCount = Number(process.env.BENCH_EVENTS ?? 20_000);
const callers = Number(process.env.BENCH_CALLERS ?? 64);
const batchSize = 50;
const batchCallers = 8;
const readPageSize = 1_000;
/**
 * Measured runs, each on a fresh directory, after one warm-up run that is not counted. Disk flush times
 * vary a lot from second to second on shared machines, hence several runs, their medians, and a ratio taken
 * within each run from two measurements made back to back.
 */
const runs = 5;

const root = join(__dirname, '..', '..');
const resultFile = join(root, 'bench', 'results', 'event-store.json');

interface RunResult {
  single: { eventsPerSecond: number; p50Ms: number; p99Ms: number };
  batch: { eventsPerSecond: number; appendsPerSecond: number };
  readAll: { eventsPerSecond: number };
  catchUp: { eventsPerSecond: number };
  rawPutsPerSecond: number;
  adapterToRawPutRatio: number;
}

function holdPlaced(titleId: string): NewEvent {
  return {
    id: randomUUID(),
    type: 'HoldPlaced',
    data: { holdId: randomUUID(), titleId, cardNumber: '20001234', pickupLocationId: 'central', placedAt: '2026-04-01T09:30:00.000Z' },
    metadata: {
      correlationId: randomUUID(),
      causationId: randomUUID(),
      actor: { kind: 'patron', id: '20001234' },
      occurredAt: '2026-04-01T09:30:00.000Z',
    },
  };
}

/** `callers` concurrent loops that together make `appends` calls; each loop owns a stream and expects its revision. */
async function appendConcurrently(
  store: EventStore,
  label: string,
  appends: number,
  concurrency: number,
  eventsPerAppend: number,
): Promise<{ seconds: number; latenciesMs: number[] }> {
  let started = 0;
  const latenciesMs: number[] = [];
  const caller = async (index: number) => {
    const streamId = `holds-${label}-${index}`;
    let expected: ExpectedRevision = 'no_stream';
    while (started < appends) {
      started++;
      const events = Array.from({ length: eventsPerAppend }, () => holdPlaced(streamId));
      const before = performance.now();
      expected = (await store.append(streamId, events, expected)).nextRevision;
      latenciesMs.push(performance.now() - before);
    }
  };
  const before = performance.now();
  await Promise.all(Array.from({ length: concurrency }, (_, index) => caller(index)));
  return { seconds: (performance.now() - before) / 1000, latenciesMs };
}

async function readWholeLog(store: EventStore): Promise<number> {
  let after = -1n;
  let read = 0;
  for (;;) {
    const page = await store.readAll({ after, maxCount: readPageSize });
    if (page.length === 0) return read;
    read += page.length;
    after = page[page.length - 1].position;
  }
}

async function catchUpWholeLog(store: EventStore): Promise<number> {
  let delivered = 0;
  let caughtUp!: () => void;
  const done = new Promise<void>((resolve) => (caughtUp = resolve));
  const subscription = store.subscribeToAll(() => void delivered++, { onCaughtUp: () => caughtUp() });
  await done;
  await subscription.stop();
  return delivered;
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  const before = performance.now();
  const value = await work();
  return { value, seconds: (performance.now() - before) / 1000 };
}

async function runOnce(): Promise<RunResult> {
  const directory = mkdtempSync(join(tmpdir(), 'bench-event-store-'));
  try {
    const store = await LmdbEventStore.open({ path: join(directory, 'events') });
    const single = await appendConcurrently(store, 'single', eventCount, callers, 1);
    const sample = encodeStoredEvent('holds-single-0', 0, new Date().toISOString(), encodeEventBody(holdPlaced('holds-single-0')));
    const raw = await measureRawPuts(join(directory, 'raw'), eventCount, callers, sample);
    const batch = await appendConcurrently(store, 'batch', eventCount / batchSize, batchCallers, batchSize);
    const readAll = await timed(() => readWholeLog(store));
    const catchUp = await timed(() => catchUpWholeLog(store));
    await store.close();
    return {
      single: {
        eventsPerSecond: eventCount / single.seconds,
        p50Ms: percentile(single.latenciesMs, 50),
        p99Ms: percentile(single.latenciesMs, 99),
      },
      batch: { eventsPerSecond: eventCount / batch.seconds, appendsPerSecond: eventCount / batchSize / batch.seconds },
      readAll: { eventsPerSecond: readAll.value / readAll.seconds },
      catchUp: { eventsPerSecond: catchUp.value / catchUp.seconds },
      rawPutsPerSecond: raw.putsPerSecond,
      adapterToRawPutRatio: eventCount / single.seconds / raw.putsPerSecond,
    };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  await runOnce();
  const measured: RunResult[] = [];
  for (let run = 0; run < runs; run++) measured.push(await runOnce());
  const of = (pick: (result: RunResult) => number, digits = 0) => round(median(measured.map(pick)), digits);

  const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  const report = {
    benchmark: 'event-store',
    date: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memoryGiB: round(totalmem() / 2 ** 30),
      platform: `${process.platform} ${process.arch}`,
      node: process.version,
      lmdb: packageJson.dependencies.lmdb,
    },
    adapter: 'lmdb (embedded, durable commit per transaction)',
    runs,
    appendSingle: {
      events: eventCount,
      callers,
      eventsPerSecond: of((result) => result.single.eventsPerSecond),
      latencyP50Ms: of((result) => result.single.p50Ms, 2),
      latencyP99Ms: of((result) => result.single.p99Ms, 2),
    },
    appendBatches: {
      events: eventCount,
      batchSize,
      callers: batchCallers,
      eventsPerSecond: of((result) => result.batch.eventsPerSecond),
      appendsPerSecond: of((result) => result.batch.appendsPerSecond),
    },
    readAll: { events: eventCount * 2, pageSize: readPageSize, eventsPerSecond: of((result) => result.readAll.eventsPerSecond) },
    subscriptionCatchUp: { events: eventCount * 2, eventsPerSecond: of((result) => result.catchUp.eventsPerSecond) },
    rawLmdbPut: { puts: eventCount, callers, putsPerSecond: of((result) => result.rawPutsPerSecond) },
    /** Median over the runs of (single-event appends per second ÷ raw puts per second) within one run. */
    adapterToRawPutRatio: of((result) => result.adapterToRawPutRatio, 2),
  };
  mkdirSync(join(root, 'bench', 'results'), { recursive: true });
  writeFileSync(resultFile, `${JSON.stringify(report, null, 2)}\n`);
  console.log(JSON.stringify(report, null, 2));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
