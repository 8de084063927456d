/**
 * Projection benchmark: how fast the read models fill Redis, beside what Redis takes as raw pipelined writes
 * on this machine in the same run, and how far behind the appends they stay under a steady write load.
 *
 *   npm run bench:projections            (node -r ./scripts/ts-register.js bench/projections/run.ts)
 *   BENCH_EVENTS=20000 BENCH_LOAD_SECONDS=10 REDIS_URL=redis://127.0.0.1:6379 npm run bench:projections
 *
 * Writes bench/results/projections.json.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { DomainEvent } from '@libs/domain';
import { LmdbEventStore } from '@libs/event-store';
import { ProjectionRunner, RedisReadModelStore, rebuildReadModels, type ReadModelStore, type WriteBatch } from '@libs/projections';
import { Redis } from 'ioredis';
import { appendInBulk } from '../../libs/projections/test-support/append-events';
import { newEvent, streamOf } from '../../libs/projections/test-support/domain-events';
import { simulateLibrary } from '../../libs/projections/test-support/library-simulation';
import { deleteKeys } from '../../libs/projections/test-support/stores';
import { median, percentile, round } from '../stats';

const seededEvents = Number(process.env.BENCH_EVENTS ?? 20_000);
const loadSeconds = Number(process.env.BENCH_LOAD_SECONDS ?? 10);
const loadRates = (process.env.BENCH_LOAD_RATES ?? '200,1000').split(',').map(Number);
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const batchSize = 100;
/** Measured runs, after one warm-up run that is not counted. */
const runs = 3;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Counts the documents each batch writes, passing everything else through. */
function countingWrites(store: ReadModelStore): { store: ReadModelStore; writes: () => number } {
  let writes = 0;
  const counted: ReadModelStore = Object.create(store, {
    applyBatch: {
      value: (batch: WriteBatch) => {
        writes += batch.writes.length;
        return store.applyBatch(batch);
      },
    },
  });
  return { store: counted, writes: () => writes };
}

async function catchUp(eventStore: LmdbEventStore, redis: Redis, head: bigint) {
  const keyPrefix = `bench:projections:${randomUUID()}:`;
  const { store, writes } = countingWrites(new RedisReadModelStore({ redis, keyPrefix }));
  const runner = new ProjectionRunner({ eventStore, store, batchSize, retryDelayMs: 0 });
  const started = performance.now();
  await runner.start();
  if (!(await runner.waitForPosition(head, 600_000)))
    throw new Error(`catch-up did not finish: ${JSON.stringify(runner.status(), (_k, v) => (typeof v === 'bigint' ? String(v) : v))}`);
  const seconds = (performance.now() - started) / 1000;
  await runner.stop();
  return { keyPrefix, seconds, writes: writes() };
}

/** The same documents the projections wrote, written raw: HSET commands pipelined 100 at a time, no scripts. */
async function rawPipelinedWrites(redis: Redis, documents: string[]): Promise<number> {
  const key = `bench:projections:raw:${randomUUID()}`;
  const started = performance.now();
  for (let i = 0; i < documents.length; i += batchSize) {
    const pipeline = redis.pipeline();
    documents.slice(i, i + batchSize).forEach((doc, j) => pipeline.hset(key, `doc-${i + j}`, doc));
    await pipeline.exec();
  }
  const seconds = (performance.now() - started) / 1000;
  await redis.unlink(key);
  return documents.length / seconds;
}

/** Appends at a steady rate with the runner live; lag = append acknowledged → its batch committed in Redis. */
async function lagUnderLoad(eventStore: LmdbEventStore, redis: Redis, rate: number, events: DomainEvent[]) {
  const keyPrefix = `bench:projections:${randomUUID()}:`;
  const store = new RedisReadModelStore({ redis, keyPrefix });
  await rebuildReadModels(eventStore, store);
  const runner = new ProjectionRunner({ eventStore, store, batchSize, retryDelayMs: 0 });
  await runner.start();
  if (!(await runner.waitForPosition(await eventStore.headPosition(), 600_000))) throw new Error('runner did not catch up before the load');

  const lags: number[] = [];
  const pending: Promise<void>[] = [];
  const started = performance.now();
  let sent = 0;
  while (sent < events.length) {
    const due = Math.min(events.length, Math.floor(((performance.now() - started) / 1000) * rate));
    for (; sent < due; sent++) {
      const event = events[sent];
      pending.push(
        eventStore.append(streamOf(event), [newEvent(event)], 'any').then(async ({ position }) => {
          const appendedAt = performance.now();
          if (!(await runner.waitForPosition(position, 60_000))) throw new Error(`position ${position} was not applied`);
          lags.push(performance.now() - appendedAt);
        }),
      );
    }
    await sleep(5);
  }
  await Promise.all(pending);
  const seconds = (performance.now() - started) / 1000;
  await runner.stop();
  await deleteKeys(redis, keyPrefix);
  return {
    targetEventsPerSecond: rate,
    achievedEventsPerSecond: round(events.length / seconds),
    events: events.length,
    lagMs: { p50: round(percentile(lags, 50), 2), p99: round(percentile(lags, 99), 2), max: round(Math.max(...lags), 2) },
  };
}

async function main(): Promise<void> {
  const loadEvents = loadRates.map((rate) => rate * loadSeconds);
  const library = simulateLibrary({ events: seededEvents + loadEvents.reduce((a, b) => a + b, 0) });
  const directory = mkdtempSync(join(tmpdir(), 'bench-projections-'));
  const eventStore = await LmdbEventStore.open({ path: directory });
  const redis = new Redis(redisUrl);
  const prefixes: string[] = [];
  try {
    const redisVersion = /redis_version:(\S+)/.exec(await redis.info('server'))?.[1] ?? 'unknown';
    console.log(`seeding ${seededEvents} events into lmdb…`);
    const head = await appendInBulk(eventStore, library.slice(0, seededEvents));

    const catchUps = [];
    for (let run = 0; run <= runs; run++) {
      const result = await catchUp(eventStore, redis, head);
      prefixes.push(result.keyPrefix);
      if (run === 0) {
        console.log(`warm-up run: ${round(seededEvents / result.seconds)} events/s (not counted)`);
        continue;
      }
      catchUps.push(result);
      console.log(`catch-up run ${run}: ${round(seededEvents / result.seconds)} events/s, ${round(result.writes / result.seconds)} document writes/s`);
    }
    const eventsPerSecond = median(catchUps.map((run) => seededEvents / run.seconds));
    const documentWritesPerSecond = median(catchUps.map((run) => run.writes / run.seconds));

    // As many raw writes as the projections made, cycling through the documents they wrote.
    const snapshot = await new RedisReadModelStore({ redis, keyPrefix: prefixes[0] }).snapshot();
    const written = Object.values(snapshot.documents).flatMap((byId) => Object.values(byId).map((doc) => JSON.stringify(doc)));
    const documents = Array.from({ length: catchUps[0].writes }, (_, i) => written[i % written.length]);
    const rawRuns = [];
    for (let run = 0; run <= runs; run++) rawRuns.push(await rawPipelinedWrites(redis, documents));
    const rawWritesPerSecond = median(rawRuns.slice(1));
    console.log(`raw pipelined HSET of ${documents.length} projection documents: ${round(rawWritesPerSecond)} writes/s`);

    const rebuildStarted = performance.now();
    const rebuildPrefix = `bench:projections:${randomUUID()}:`;
    prefixes.push(rebuildPrefix);
    await rebuildReadModels(eventStore, new RedisReadModelStore({ redis, keyPrefix: rebuildPrefix }));
    const rebuildEventsPerSecond = seededEvents / ((performance.now() - rebuildStarted) / 1000);
    console.log(`rebuild (pages of 500): ${round(rebuildEventsPerSecond)} events/s`);

    const load = [];
    let offset = seededEvents;
    for (const [i, rate] of loadRates.entries()) {
      const events = library.slice(offset, offset + loadEvents[i]);
      offset += loadEvents[i];
      const result = await lagUnderLoad(eventStore, redis, rate, events);
      load.push(result);
      console.log(`steady load ${rate}/s: lag p50 ${result.lagMs.p50} ms, p99 ${result.lagMs.p99} ms`);
    }

    const result = {
      benchmark: 'projections',
      date: new Date().toISOString(),
      node: process.version,
      cpus: { count: cpus().length, model: cpus()[0]?.model ?? 'unknown' },
      redis: redisVersion,
      eventStore: 'lmdb (embedded, same process)',
      seededEvents,
      batchSize,
      runs,
      catchUp: {
        eventsPerSecond: round(eventsPerSecond),
        documentWritesPerSecond: round(documentWritesPerSecond),
        documentWritesPerEvent: round(catchUps[0].writes / seededEvents, 2),
      },
      rawPipelinedRedis: {
        command: 'HSET, pipelines of 100',
        writes: documents.length,
        averageDocumentBytes: Math.round(documents.reduce((sum, doc) => sum + doc.length, 0) / documents.length),
        writesPerSecond: round(rawWritesPerSecond),
      },
      projectionShareOfRawWriteRate: round(documentWritesPerSecond / rawWritesPerSecond, 2),
      rebuild: { pageSize: 500, eventsPerSecond: round(rebuildEventsPerSecond) },
      lagUnderSteadyLoad: load,
      notes:
        'Catch-up: a ProjectionRunner from position 0 to the head, batches of 100 events, each batch one Lua script (documents + lists + checkpoint). Lag: from an append being acknowledged to the batch holding it being committed in Redis.',
    };
    mkdirSync(join(__dirname, '../results'), { recursive: true });
    writeFileSync(join(__dirname, '../results/projections.json'), `${JSON.stringify(result, null, 2)}\n`);
    console.log('wrote bench/results/projections.json');
  } finally {
    for (const prefix of prefixes) await deleteKeys(redis, prefix);
    await redis.quit();
    await eventStore.close();
    rmSync(directory, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
