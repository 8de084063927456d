// The parent's side of lmdb-event-store-child.ts: starts it and collects what it reports.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { ChildMessage } from './lmdb-event-store-child';

const ROOT = join(__dirname, '..', '..');
const CHILD = join(__dirname, 'lmdb-event-store-child.ts');
const REGISTER = join(ROOT, 'scripts', 'ts-register.js');
const WAIT_MS = 60_000;

export class LmdbChildProcess {
  readonly messages: ChildMessage[] = [];
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Every line it wrote has been read. */
  private readonly outputEnded: Promise<unknown>;
  private stderr = '';
  private readonly listeners = new Set<() => void>();

  private constructor(private readonly child: ChildProcessWithoutNullStreams) {
    child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString('utf8')));
    createInterface({ input: child.stdout }).on('line', (line) => {
      this.messages.push(JSON.parse(line) as ChildMessage);
      for (const listener of this.listeners) listener();
    });
    this.outputEnded = once(child.stdout, 'close');
    this.exited = once(child, 'exit').then(([code, signal]) => ({
      code: code as number | null,
      signal: signal as NodeJS.Signals | null,
    }));
  }

  static start(mode: 'open' | 'hold' | 'burst', directory: string): LmdbChildProcess {
    return new LmdbChildProcess(spawn(process.execPath, ['-r', REGISTER, CHILD, mode, directory], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] }));
  }

  get pid(): number {
    return this.child.pid as number;
  }

  /** Resolves once the reported messages satisfy `condition`; fails if the child exits first or too late. */
  async waitFor(what: string, condition: (messages: readonly ChildMessage[]) => boolean): Promise<void> {
    if (condition(this.messages)) return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => finish(new Error(`child: no ${what} within ${WAIT_MS} ms. ${this.stderr}`)), WAIT_MS);
      const check = () => {
        if (condition(this.messages)) finish();
      };
      const finish = (error?: Error) => {
        clearTimeout(timer);
        this.listeners.delete(check);
        if (error) reject(error);
        else resolve();
      };
      this.listeners.add(check);
      void this.outputEnded.then(() => finish(condition(this.messages) ? undefined : new Error(`child ended before ${what}. ${this.stderr}`)));
    });
  }

  /** SIGKILL: no cleanup of any kind runs in the child. Resolves once it is gone and its output is read. */
  async kill(): Promise<void> {
    this.child.kill('SIGKILL');
    await Promise.all([this.exited, this.outputEnded]);
  }

  /** Closing stdin is the child's signal to exit. */
  async end(): Promise<void> {
    this.child.stdin.end();
    await this.exited;
  }
}
