import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { freePort } from './free-port';

const STARTUP_TIMEOUT_MS = 10_000;

/** A private redis-server for one test: never the shared one on 6379, so stopping it harms nobody. */
export interface RedisProcess {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** Nothing is saved: a stopped server comes back empty, like a lost cache node. */
export async function startRedisProcess(port?: number): Promise<RedisProcess> {
  const chosen = port ?? (await freePort());
  const child = spawn('redis-server', ['--port', String(chosen), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let log = '';
  await new Promise<void>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    const timer = setTimeout(() => fail(`did not start within ${STARTUP_TIMEOUT_MS} ms`), STARTUP_TIMEOUT_MS);
    const onExit = () => fail('exited before it was ready');
    function fail(reason: string) {
      clearTimeout(timer);
      lines.close();
      child.kill('SIGKILL');
      reject(new Error(`redis-server on port ${chosen} ${reason}:\n${log}`));
    }
    lines.on('line', (line) => {
      log += `${line}\n`;
      if (!line.includes('Ready to accept connections')) return;
      clearTimeout(timer);
      child.off('exit', onExit);
      lines.close();
      resolve();
    });
    child.once('exit', onExit);
  });
  return {
    url: `redis://127.0.0.1:${chosen}`,
    port: chosen,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGKILL');
      await exited;
    },
  };
}
