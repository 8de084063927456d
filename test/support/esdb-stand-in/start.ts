// Starts the test-only EventStoreDB protocol stand-in (not EventStoreDB; see README.md) as a child
// process. It must not run inside the test process: that process loads the client's generated protobuf
// code, and a second copy in one process breaks serialization.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Client, credentials, type ServiceError } from '@grpc/grpc-js';

const MAIN = join(__dirname, 'main.js');
const STARTUP_TIMEOUT_MS = 10_000;
// Same path and JSON messages as stats-service.js in the child.
const STATS_PATH = '/esdb_stand_in.StandIn/GetStats';

export interface StandInOptions {
  /** Port to listen on; default: a free one. Pass a stopped stand-in's port to restart it in place. */
  port?: number;
  /** JSON-lines file that keeps the events, so a restarted stand-in comes back with the same data. */
  dataFile?: string;
  /** A fault: appends are written but never answered, as when the reply is lost on the way. */
  swallowAppendReplies?: boolean;
}

export interface StandInStats {
  /** Calls per RPC, e.g. { "Streams.BatchAppend": 1, "Streams.Read": 3 }. */
  calls: Record<string, number>;
  events: number;
}

export interface StandIn {
  connectionString: string;
  port: number;
  /** Graceful stop: ends every open call, then waits for the process to exit. */
  stop(): Promise<void>;
  /** Hard crash (SIGKILL), for fault tests; `exited` tells when the port is free again. */
  kill(): void;
  /** Stops answering anything (SIGSTOP), as a stalled server does; `resume()` carries on. */
  pause(): void;
  resume(): void;
  readonly exited: Promise<void>;
  stats(): Promise<StandInStats>;
}

export async function startStandIn(options: StandInOptions = {}): Promise<StandIn> {
  const args = [MAIN, '--port', String(options.port ?? 0)];
  if (options.dataFile) args.push('--data', options.dataFile);
  if (options.swallowAppendReplies) args.push('--swallow-append-replies', '1');
  // stdin stays a pipe: the child exits when it closes, so a crashed test run leaves no server behind.
  const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const port = await new Promise<number>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    const timer = setTimeout(() => fail(`did not listen within ${STARTUP_TIMEOUT_MS} ms`), STARTUP_TIMEOUT_MS);
    const onExit = (code: number | null) => fail(`exited with code ${String(code)} before listening`);
    function settle() {
      clearTimeout(timer);
      child.off('exit', onExit);
      lines.close();
    }
    function fail(reason: string) {
      settle();
      child.kill('SIGKILL');
      reject(new Error(`esdb stand-in ${reason}${stderr ? `: ${stderr.trim()}` : ''}`));
    }
    lines.on('line', (line) => {
      const message = JSON.parse(line) as { listening?: number };
      if (message.listening === undefined) return;
      settle();
      resolve(message.listening);
    });
    child.once('exit', onExit);
  });

  return {
    connectionString: `esdb://127.0.0.1:${port}?tls=false`,
    port,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await exited;
    },
    kill() {
      child.kill('SIGKILL');
    },
    pause() {
      child.kill('SIGSTOP');
    },
    resume() {
      child.kill('SIGCONT');
    },
    exited,
    stats: () => fetchStats(port),
  };
}

function fetchStats(port: number): Promise<StandInStats> {
  const client = new Client(`127.0.0.1:${port}`, credentials.createInsecure());
  const serialize = (value: object) => Buffer.from(JSON.stringify(value));
  const deserialize = (buffer: Buffer) => JSON.parse(buffer.toString('utf8')) as StandInStats;
  return new Promise<StandInStats>((resolve, reject) => {
    client.makeUnaryRequest(STATS_PATH, serialize, deserialize, {}, (error: ServiceError | null, stats?: StandInStats) => {
      client.close();
      if (error || !stats) reject(error ?? new Error('esdb stand-in: empty stats'));
      else resolve(stats);
    });
  });
}
