/**
 * HTTP benchmark: the real app in a child process, in both modes, under autocannon. Per scenario: requests/s, p50/p99
 * latency, share of the ceiling (the same stack answering an unknown route), projection lag while writing; per mode
 * the app's peak resident memory.
 *
 *   npm run bench:http                  (node -r ./scripts/ts-register.js bench/http/run.ts)
 *   BENCH_SECONDS=5 BENCH_CONNECTIONS=10 BENCH_PATRONS=400 npm run bench:http
 *   BENCH_SCENARIOS=login-flood BENCH_TITLES=5 BENCH_PATRONS=5 npm run bench:http   (some scenarios only: prints, writes nothing)
 *
 * The login flood: BENCH_FLOOD_RATE bogus logins a second (default 400; 0: as fast as BENCH_FLOOD_CONNECTIONS
 * connections send them), each from its own client address on its own unknown card (a botnet: every one passes the
 * throttle and asks for a password check), while GET /health and a real patron's login are timed alongside from a
 * worker thread. Bounded password hashing keeps the event loop answering.
 *
 * Writes bench/results/http.json and bench/results/http.svg. Everything runs on this machine: the app, the load
 * generator, and in the production mode Redis and the test-only EventStoreDB protocol stand-in share its cores.
 */
import autocannon from 'autocannon';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { startStandIn, type StandIn } from '../../test/support/esdb-stand-in/start';
import { startAppProcess, type AppProcess } from '../../test/faults/support/app-process';
import { LibraryClient } from '../../test/faults/support/library-client';
import { startRedisProcess, type RedisProcess } from '../../test/faults/support/redis-process';
import { percentile, round } from '../stats';
import { barChartSvg } from './chart';
import { ProjectionLagSampler } from './projection-lag';
import { ceiling, checkIns, patronList, placeHolds, type Scenario } from './scenarios';
import { seedLibrary, type LibrarySize } from './seed';

const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const floodConnections = Number(process.env.BENCH_FLOOD_CONNECTIONS ?? 50);
/** Bogus logins per second; the default is several times what two cores can check (about 130 a second). 0: full speed. */
const floodRate = Number(process.env.BENCH_FLOOD_RATE ?? 400);
const FLOOD_WARM_UP_SECONDS = 2;
/** Names of the scenarios to run (ceiling, place-hold, list-me-holds…, check-in, login-flood); unset: all, and the results are written. */
const only = process.env.BENCH_SCENARIOS?.split(',').map((name) => name.trim());
const wanted = (name: string) => !only || only.includes(name);
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

const latencySummary = (samples: readonly number[]) =>
  samples.length === 0
    ? null
    : { samples: samples.length, p50: round(percentile(samples, 50)), p99: round(percentile(samples, 99)), max: round(Math.max(...samples)) };

/**
 * Times one request after another (a pause between) in a worker thread of its own, so that the load generator's busy
 * event loop in this process adds nothing to what is measured.
 */
const SAMPLER = `
const { parentPort, workerData } = require('node:worker_threads');
const { performance } = require('node:perf_hooks');
let stopped = false;
parentPort.on('message', () => { stopped = true; });
(async () => {
  const latencies = [];
  const statuses = {};
  while (!stopped) {
    const started = performance.now();
    let status = 0;
    try {
      const answer = await fetch(workerData.url, workerData.init);
      await answer.arrayBuffer();
      status = answer.status;
    } catch {}
    latencies.push(performance.now() - started);
    statuses[status] = (statuses[status] ?? 0) + 1;
    await new Promise((resolve) => setTimeout(resolve, workerData.pauseMs));
  }
  parentPort.postMessage({ latencies, statuses });
})();
`;

interface Sampled {
  latencies: number[];
  statuses: Record<string, number>;
}

function startSampler(url: string, init: RequestInit, pauseMs: number): { stop(): Promise<Sampled> } {
  const worker = new Worker(SAMPLER, { eval: true, workerData: { url, init, pauseMs } });
  return {
    stop: async () => {
      const sampled = new Promise<Sampled>((resolve) => worker.once('message', resolve));
      worker.postMessage('stop');
      try {
        return await sampled;
      } finally {
        await worker.terminate();
      }
    },
  };
}

/**
 * The app's own event-loop delay since the previous scrape, from prom-client's default metrics on /metrics (served to
 * this machine): each scrape resets the histogram. In ms, including the monitor's 10 ms sampling resolution.
 */
async function eventLoopDelay(baseUrl: string) {
  const text = await (await fetch(`${baseUrl}/metrics`)).text();
  const valueOf = (name: string) => Number(new RegExp(`^nodejs_eventloop_lag_${name}_seconds (\\S+)$`, 'm').exec(text)?.[1] ?? NaN);
  return { p50: round(valueOf('p50') * 1000), p99: round(valueOf('p99') * 1000), max: round(valueOf('max') * 1000) };
}

/** The login flood (see the header): the flood's answers, /health's latency before and during it, a real patron's logins during it. */
async function loginFlood(app: AppProcess, patron: { cardNumber: string; password: string }) {
  const health = { url: `${app.baseUrl}/health`, init: {} };
  const idleSampler = startSampler(health.url, health.init, 20);
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const idle = await idleSampler.stop();
  let sent = 0;
  const flood = autocannon({
    url: app.baseUrl,
    connections: floodConnections,
    // autocannon's overallRate (requests per second over all connections); 0: as fast as they go.
    ...(floodRate > 0 ? { overallRate: floodRate } : {}),
    timeout: 30,
    // The first seconds open the connections and warm the login path up; the timing starts after them.
    duration: FLOOD_WARM_UP_SECONDS + seconds,
    requests: [
      {
        setupRequest: (request) => {
          sent += 1;
          const address = `10.${(sent >> 16) & 255}.${(sent >> 8) & 255}.${sent & 255}`;
          return {
            ...request,
            method: 'POST',
            path: '/auth/login',
            headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
            body: JSON.stringify({ cardNumber: String(900000000 + sent), password: `guess-${sent}` }),
          };
        },
      },
    ],
  } as autocannon.Options);
  await new Promise((resolve) => setTimeout(resolve, FLOOD_WARM_UP_SECONDS * 1000));
  await eventLoopDelay(app.baseUrl);
  const healthSampler = startSampler(health.url, health.init, 20);
  const loginSampler = startSampler(
    `${app.baseUrl}/auth/login`,
    { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': '192.0.2.250' }, body: JSON.stringify(patron) },
    250,
  );
  const result = await flood;
  const [during, realLogin, loopDelay] = await Promise.all([healthSampler.stop(), loginSampler.stop(), eventLoopDelay(app.baseUrl)]);
  const statusCodes = (result as unknown as { statusCodeStats?: Record<string, { count: number }> }).statusCodeStats ?? {};
  return {
    scenario: 'login-flood',
    request: `POST /auth/login, ${floodConnections} connections at ${floodRate > 0 ? `${floodRate} req/s` : 'full speed'}, each a new address and unknown card`,
    flood: {
      requests: result.requests.total,
      requestsPerSecond: round(result.requests.total / (FLOOD_WARM_UP_SECONDS + seconds)),
      statusCodes: Object.fromEntries(Object.entries(statusCodes).map(([status, { count }]) => [status, count])),
      latencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
      errors: result.errors,
      timeouts: result.timeouts,
    },
    healthMs: { idle: latencySummary(idle.latencies), duringFlood: latencySummary(during.latencies), statusesDuringFlood: during.statuses },
    realLoginMs: { ...latencySummary(realLogin.latencies), statuses: realLogin.statuses },
    appEventLoopDelayMsDuringFlood: loopDelay,
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
    ].filter((scenario) => wanted(scenario.name));
    const results: Awaited<ReturnType<typeof load>>[] = [];
    for (const scenario of scenarios) {
      const result = await load(app, scenario, sampler);
      results.push(result);
      console.log(
        `[${mode.name}] ${result.request}: ${result.requestsPerSecond} req/s, p50 ${result.latencyMs.p50} ms, p99 ${result.latencyMs.p99} ms, non-2xx ${result.non2xx}`,
      );
    }
    const flood = wanted('login-flood') ? await loginFlood(app, { cardNumber: '200000000', password: 'patron-password' }) : null;
    if (flood)
      console.log(
        `[${mode.name}] login flood: ${flood.flood.requestsPerSecond} req/s ${JSON.stringify(flood.flood.statusCodes)}; /health p99 ${flood.healthMs.idle?.p99} ms idle, ${flood.healthMs.duringFlood?.p99} ms during; real login p99 ${flood.realLoginMs.p99} ms ${JSON.stringify(flood.realLoginMs.statuses)}; app event-loop delay p99 ${flood.appEventLoopDelayMsDuringFlood.p99} ms`,
      );
    const ceilingRate = results.find((result) => result.scenario === 'ceiling')?.requestsPerSecond ?? null;
    const memory = app.memory();
    return {
      mode: mode.name,
      eventStore: mode.eventStore,
      readModels: mode.readModels,
      scenarios: results.map((result) => ({ ...result, shareOfCeiling: ceilingRate ? round(result.requestsPerSecond / ceilingRate, 3) : null })),
      loginFlood: flood,
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
  if (only) {
    console.log(JSON.stringify(output, null, 2));
    console.log(`BENCH_SCENARIOS=${only.join(',')}: a partial run, bench/results left as they were`);
    return;
  }
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
