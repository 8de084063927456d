/**
 * Scale benchmark: a city library's event log of 250,000, 500,000 and 1,000,000 events (registrations, catalogue,
 * holds placed / in transit / ready / fulfilled / expired / cancelled, loans and returns, calls, calendar changes:
 * the simulated library of libs/projections/test-support) appended straight through the EventStore port in batches,
 * then rebuilt into the read models, in memory and in Redis, each rebuild in a fresh process: time, peak memory, and
 * whether memory grows with the log beyond the read models themselves.
 *
 *   npm run bench:scale                      (node -r ./scripts/ts-register.js bench/scale/run.ts)
 *   BENCH_SCALE_SIZES=250000,500000,1000000 BENCH_SCALE_TARGETS=memory,redis npm run bench:scale
 *
 * Writes bench/results/scale.json. Redis: its own redis-server on a free port, not the shared one.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { DomainEvent } from '@libs/domain';
import { LmdbEventStore } from '@libs/event-store';
import { appendInBulk } from '../../libs/projections/test-support/append-events';
import { simulateLibrary } from '../../libs/projections/test-support/library-simulation';
import { startRedisProcess } from '../../test/faults/support/redis-process';

const sizes = (process.env.BENCH_SCALE_SIZES ?? '250000,500000,1000000').split(',').map(Number);
const targets = (process.env.BENCH_SCALE_TARGETS ?? 'memory,redis').split(',') as ('memory' | 'redis')[];
/** A city library: tens of thousands of titles and patrons. */
const titles = Number(process.env.BENCH_SCALE_TITLES ?? 20_000);
const patrons = Number(process.env.BENCH_SCALE_PATRONS ?? 30_000);
const appendBatch = 20_000;
const ROOT = join(__dirname, '..', '..');

function mix(events: readonly DomainEvent[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const event of events) counts[event.type] = (counts[event.type] ?? 0) + 1;
  return Object.fromEntries(Object.entries(counts).sort(([, a], [, b]) => b - a));
}

async function writeLog(directory: string, events: readonly DomainEvent[]): Promise<number> {
  const store = await LmdbEventStore.open({ path: directory });
  const started = performance.now();
  try {
    for (let i = 0; i < events.length; i += appendBatch) await appendInBulk(store, events.slice(i, i + appendBatch));
  } finally {
    await store.close();
  }
  return (performance.now() - started) / 1000;
}

function rebuildInChild(directory: string, target: 'memory' | 'redis', redisUrl: string): Record<string, unknown> {
  const args = ['--expose-gc', '--max-old-space-size=8192', '-r', './scripts/ts-register.js', 'bench/scale/rebuild-child.ts', directory, target, redisUrl];
  const output = execFileSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  return JSON.parse(output.trim().split('\n').at(-1) as string) as Record<string, unknown>;
}

async function main() {
  const loadAverageAtStart = loadavg().map((load) => Math.round(load * 100) / 100);
  const largest = Math.max(...sizes);
  console.log(`simulating ${largest} events (${titles} titles, ${patrons} patrons)…`);
  const simulated = performance.now();
  const library = simulateLibrary({ events: largest, titles, patrons });
  console.log(`simulated in ${Math.round((performance.now() - simulated) / 1000)} s`);
  const redis = targets.includes('redis') ? await startRedisProcess() : null;
  const workDir = mkdtempSync(join(tmpdir(), 'bench-scale-'));
  const runs = [];
  try {
    for (const size of sizes) {
      const directory = join(workDir, `log-${size}`);
      // The simulation is deterministic: a smaller log is the first part of the larger one.
      const appendSeconds = await writeLog(directory, library.slice(0, size));
      console.log(`${size} events appended in ${appendSeconds.toFixed(1)} s`);
      const rebuilds: Record<string, unknown> = {};
      for (const target of targets) {
        rebuilds[target] = rebuildInChild(directory, target, redis?.url ?? '');
        console.log(`  rebuilt into ${target}: ${JSON.stringify(rebuilds[target])}`);
      }
      runs.push({ events: size, appendSeconds: Math.round(appendSeconds * 10) / 10, rebuilds });
      rmSync(directory, { recursive: true, force: true });
    }
  } finally {
    await redis?.stop();
    rmSync(workDir, { recursive: true, force: true });
  }
  const output = {
    benchmark: 'scale',
    date: new Date().toISOString(),
    node: process.version,
    cpus: { count: cpus().length, model: cpus()[0]?.model.trim() ?? 'unknown' },
    // The machine is shared: a load average above the core count means other work ran beside the benchmark.
    loadAverageAtStart,
    library: { titles, patrons, simulatedDays: 'one day per ~100 events', eventMix: mix(library) },
    eventStore: 'lmdb (embedded), appended through the EventStore port in bulk',
    rebuild: 'rebuildReadModels (the production rebuild: pages of 1000 from $all into a new generation, then swapped in), each in a fresh node process',
    redis: redis ? 'own redis-server 7, no persistence, same machine' : null,
    runs,
  };
  writeFileSync(join(__dirname, '..', 'results', 'scale.json'), `${JSON.stringify(output, null, 2)}\n`);
  console.log('wrote bench/results/scale.json');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
