import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TEST_SECRETS_ENV } from '../../support/test-secrets';
import { freePort } from './free-port';

const ROOT = join(__dirname, '..', '..', '..');
const STARTUP_TIMEOUT_MS = 90_000;

export interface AppExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** The real product in its own process (the entry point its APP_ROLE names), configured by environment variables like in production. */
export interface AppProcess {
  baseUrl: string;
  port: number;
  pid: number;
  readonly exited: Promise<AppExit>;
  /** Everything it wrote to stdout and stderr so far (JSON logs). */
  output(): string;
  /** Resident memory now and at its peak (kB, from /proc). */
  memory(): { rssKb: number; peakRssKb: number };
  /** SIGTERM: the app closes its stores and exits. */
  stop(): Promise<AppExit>;
  /** SIGKILL: a crash, nothing gets to run. */
  kill(): Promise<AppExit>;
}

export interface AppProcessOptions {
  env: Record<string, string>;
  port?: number;
  /** Resolve once it listens (default), or at once: for a start that is expected to fail. */
  waitUntilListening?: boolean;
}

/**
 * Only the variables the product reads, plus what node needs: nothing leaks in from the test's own environment
 * (a REDIS_URL there must not point a fault test at the shared server). The secrets are the harness's: every process
 * of a test signs with one token secret and creates the same first administrator.
 */
function childEnvironment(port: number, env: Record<string, string>): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    PORT: String(port),
    ...TEST_SECRETS_ENV,
    ...env,
  };
}

/** Each role's entry point, as docker compose (api, worker) and `npm start` (all) start them. */
const ENTRY_POINTS: Record<string, string> = { all: 'apps/server/src/main.ts', api: 'apps/api/src/main.ts', worker: 'apps/worker/src/main.ts' };

export async function startAppProcess(options: AppProcessOptions): Promise<AppProcess> {
  const port = options.port ?? (await freePort());
  const child: ChildProcess = spawn(process.execPath, ['-r', './scripts/ts-register.js', ENTRY_POINTS[options.env.APP_ROLE ?? 'all']], {
    cwd: ROOT,
    env: childEnvironment(port, options.env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<AppExit>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const baseUrl = `http://127.0.0.1:${port}`;
  const pid = child.pid as number;
  const app: AppProcess = {
    baseUrl,
    port,
    pid,
    exited,
    output: () => output,
    memory: () => memoryOf(pid),
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      return exited;
    },
  };
  if (options.waitUntilListening === false) return app;
  await waitUntilListening(app);
  return app;
}

/** Listening means any HTTP answer on /health: 503 too, since a fault test may start the app with a part down. */
async function waitUntilListening(app: AppProcess): Promise<void> {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  let done: AppExit | undefined;
  void app.exited.then((exit) => (done = exit));
  while (Date.now() < deadline) {
    if (done) throw new Error(`app exited (${JSON.stringify(done)}) before listening:\n${app.output().slice(-4000)}`);
    try {
      await fetch(`${app.baseUrl}/health`, { signal: AbortSignal.timeout(5000) });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
  }
  await app.kill();
  throw new Error(`app did not listen within ${STARTUP_TIMEOUT_MS} ms:\n${app.output().slice(-4000)}`);
}

function memoryOf(pid: number): { rssKb: number; peakRssKb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssKb: field('VmRSS'), peakRssKb: field('VmHWM') };
}
