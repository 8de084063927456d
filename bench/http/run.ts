/**
 * HTTP benchmark: the real app in a child process, in both modes, under autocannon. Per scenario: requests/s, p50/p99
 * latency, share of the ceiling (the same stack answering an unknown route), projection lag while writing; per mode
 * the app's peak resident memory.
 *
 *   npm run bench:http                  (node -r ./scripts/ts-register.js bench/http/run.ts)
 *   BENCH_SECONDS=5 BENCH_CONNECTIONS=10 BENCH_PATRONS=400 npm run bench:http
 *
 * Writes bench/results/http.json and bench/results/http.svg. Everything runs on this machine: the app, the load
 * generator, and in the production mode Redis and the test-only EventStoreDB protocol stand-in share its cores.
 */
import autocannon from 'autocannon';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startStandIn, type StandIn } from '../../test/support/esdb-stand-in/start';
import { startAppProcess, type AppProcess } from '../../test/faults/support/app-process';
import { LibraryClient } from '../../test/faults/support/library-client';
import { startRedisProcess, type RedisProcess } from '../../test/faults/support/redis-process';
import { round } from '../stats';
import { barChartSvg } from './chart';
import { ProjectionLagSampler } from './projection-lag';
import { ceiling, checkIns, patronList, placeHolds, type Scenario } from './scenarios';
import { seedLibrary, type LibrarySize } from './seed';

const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const size: LibrarySize = {
  titles: Number(process.env.BENCH_TITLES ?? 300),
  copiesPerTitle: Number(process.env.BENCH_COPIES_PER_TITLE ?? 10),
  patrons: Number(process.env.BENCH_PATRONS ?? 400),
};

interface Mode {
  name: string;
  eventStore: string;
  readModels: string;
  start(dataDir: string): Promise<{ env: Record<string, string>; stop(): Promise<void> }>;
}

const modes: Mode[] = [
  {
    name: 'embedded',
    eventStore: 'lmdb (embedded, in the app process)',
    readModels: 'memory (in the app process)',
    start: async () => ({ env: {}, stop: async () => undefined }),
  },
  {
    name: 'production-like',
    eventStore: 'EventStoreDB client over gRPC to the test-only protocol stand-in (in-memory, same machine)',
    readModels: 'Redis (own redis-server, same machine)',
    start: async (dataDir) => {
      const [standIn, redis]: [StandIn, RedisProcess] = await Promise.all([startStandIn(), startRedisProcess()]);
      return {
        env: {
          EVENT_STORE: 'eventstoredb',
          EVENTSTORE_CONNECTION_STRING: standIn.connectionString,
          READ_MODEL_STORE: 'redis',
          REDIS_URL: redis.url,
          DATA_DIR: dataDir,
        },
        stop: async () => {
          await standIn.stop();
          await redis.stop();
        },
      };
    },
  },
];

async function load(app: AppProcess, scenario: Scenario, sampler: ProjectionLagSampler) {
  if (scenario.writes) sampler.start();
  const started = performance.now();
  const result = await autocannon({
    url: app.baseUrl,
    connections,
    timeout: 30,
    duration: seconds,
    requests: [{ setupRequest: (request) => ({ ...request, ...scenario.next() }) }],
  });
  // autocannon's own duration is in whole seconds; short write scenarios need the real one.
  const elapsed = (performance.now() - started) / 1000;
  const lag = scenario.writes ? await sampler.stop() : null;
  return {
    scenario: scenario.name,
    request: scenario.label,
    requests: result.requests.total,
    // A write scenario that ran out of fresh work would measure refusals: say so rather than hide it.
    ranOutOfFreshWork: result.requests.total > scenario.supply,
    seconds: round(elapsed, 2),
    requestsPerSecond: round(result.requests.total / elapsed),
    latencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    projectionLagMs: lag,
  };
}

async function runMode(mode: Mode) {
  const dataDir = mkdtempSync(join(tmpdir(), `bench-http-${mode.name}-`));
  const backing = await mode.start(dataDir);
  const app = await startAppProcess({ env: { DATA_DIR: dataDir, ...backing.env } });
  try {
    const client = new LibraryClient(app.baseUrl);
    const seedStarted = Date.now();
    const library = await seedLibrary(client, size);
    console.log(
      `[${mode.name}] seeded ${size.titles} titles, ${library.copyIds.length} copies on loan, ${size.patrons} patrons in ${round((Date.now() - seedStarted) / 1000)} s`,
    );
    const sampler = new ProjectionLagSampler(app.baseUrl);
    const scenarios = [
      ceiling(),
      placeHolds(library),
      patronList(library, '/me/holds'),
      patronList(library, '/me/holds/ready'),
      patronList(library, '/me/loans'),
      checkIns(library),
    ];
    const results: Awaited<ReturnType<typeof load>>[] = [];
    for (const scenario of scenarios) {
      const result = await load(app, scenario, sampler);
      results.push(result);
      console.log(
        `[${mode.name}] ${result.request}: ${result.requestsPerSecond} req/s, p50 ${result.latencyMs.p50} ms, p99 ${result.latencyMs.p99} ms, non-2xx ${result.non2xx}`,
      );
    }
    const ceilingRate = results[0].requestsPerSecond;
    const memory = app.memory();
    return {
      mode: mode.name,
      eventStore: mode.eventStore,
      readModels: mode.readModels,
      scenarios: results.map((result) => ({ ...result, shareOfCeiling: round(result.requestsPerSecond / ceilingRate, 3) })),
      appMemoryMb: { rssAtEnd: round(memory.rssKb / 1024), peakRss: round(memory.peakRssKb / 1024) },
    };
  } finally {
    await app.stop();
    await backing.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main() {
  const loadAverageAtStart = loadavg().map((load) => Math.round(load * 100) / 100);
  const results: Awaited<ReturnType<typeof runMode>>[] = [];
  for (const mode of modes) results.push(await runMode(mode));
  const output = {
    benchmark: 'http',
    date: new Date().toISOString(),
    node: process.version,
    cpus: { count: cpus().length, model: cpus()[0]?.model.trim() ?? 'unknown' },
    // The machine is shared: a load average above the core count means other work ran beside the benchmark.
    loadAverageAtStart,
    load: { tool: 'autocannon 9', connections, secondsPerScenario: seconds },
    app: 'apps/server/src/main.ts (npm start) in a child process, LOG_LEVEL=warn, library-b policy',
    ceiling: 'GET /no-such-route: 404 problem+json through every middleware, the router and the error filter, no store',
    library: size,
    modes: results,
  };
  const resultsDir = join(__dirname, '..', 'results');
  writeFileSync(join(resultsDir, 'http.json'), `${JSON.stringify(output, null, 2)}\n`);
  writeFileSync(
    join(resultsDir, 'http.svg'),
    barChartSvg({
      title: 'HTTP requests per second, by request and mode',
      subtitle: `autocannon, ${connections} connections, ${output.cpus.count} cores shared by app and load generator; ${output.date.slice(0, 10)}`,
      modes: results.map((result) => result.mode),
      rows: results[0].scenarios.map((scenario, s) => ({
        label: scenario.request,
        values: results.map((result) => result.scenarios[s]?.requestsPerSecond ?? null),
      })),
      unit: 'req/s',
    }),
  );
  console.log('wrote bench/results/http.json and bench/results/http.svg');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
