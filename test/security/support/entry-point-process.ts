import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');
const STARTUP_TIMEOUT_MS = 90_000;

export interface ProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** An entry point started as an operator starts it, with only the environment given: none of the test harness's secrets. */
export interface EntryPointProcess {
  /** stdout and stderr so far, in order. */
  output(): string;
  stdout(): string;
  stderr(): string;
  exited: Promise<ProcessExit>;
  /** The address and port the process logged it listens on (runApp's `running as` line). */
  listening(): Promise<{ address: string; port: number; baseUrl: string }>;
  /** SIGTERM, then the exit. */
  stop(): Promise<ProcessExit>;
  /** For a start expected to fail: its exit, or `listened` (after stopping it) when it started instead. */
  startOutcome(): Promise<ProcessExit | 'listened'>;
}

/** `node -r ./scripts/ts-register.js <entry>` with PATH and `env` only (no NODE_ENV: the development default). */
export function startEntryPoint(entry: string, env: Record<string, string>): EntryPointProcess {
  const child = spawn(process.execPath, ['-r', './scripts/ts-register.js', entry], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
    output += chunk.toString('utf8');
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
    output += chunk.toString('utf8');
  });
  let exit: ProcessExit | undefined;
  const exited = new Promise<ProcessExit>((done) =>
    child.once('exit', (code, signal) => {
      exit = { code, signal };
      done(exit);
    }),
  );
  return {
    output: () => output,
    stdout: () => stdout,
    stderr: () => stderr,
    exited,
    async listening() {
      const deadline = Date.now() + STARTUP_TIMEOUT_MS;
      while (Date.now() < deadline) {
        const line = stdout.split('\n').find((candidate) => candidate.includes('"msg":"running as'));
        if (line) {
          const { address, port } = JSON.parse(line) as { address: string; port: number };
          return { address, port, baseUrl: `http://127.0.0.1:${port}` };
        }
        if (exit) throw new Error(`${entry} exited (${JSON.stringify(exit)}) before listening:\n${output.slice(-4000)}`);
        await new Promise((resume) => setTimeout(resume, 100));
      }
      child.kill('SIGKILL');
      throw new Error(`${entry} did not listen within ${STARTUP_TIMEOUT_MS} ms:\n${output.slice(-4000)}`);
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
    async startOutcome() {
      const listened = await this.listening().then(
        () => true,
        () => false,
      );
      if (!listened) return exited;
      await this.stop();
      return 'listened';
    },
  };
}
