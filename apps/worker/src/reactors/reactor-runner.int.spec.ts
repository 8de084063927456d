import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { LmdbEventStore, type NewEvent, type RecordedEvent } from '@libs/event-store';
import { FileReactorCheckpoints } from './reactor-checkpoints';
import { ReactorRunner, type ReactorOptions } from './reactor-runner';

const logger = pino({ level: 'silent' });

function event(type: string, data: object = {}): NewEvent {
  return {
    id: randomUUID(),
    type,
    data,
    metadata: { correlationId: randomUUID(), causationId: randomUUID(), actor: { kind: 'system', id: 'test' }, occurredAt: '2026-11-23T01:00:00.000Z' },
  };
}

async function until(condition: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('ReactorRunner on the real lmdb store', () => {
  let dir: string;
  let store: LmdbEventStore;
  let checkpoints: FileReactorCheckpoints;
  const runners: ReactorRunner[] = [];

  const run = async (options: ReactorOptions, retryDelaysMs = [10, 20]) => {
    const runner = new ReactorRunner(store, checkpoints, options, logger, retryDelaysMs);
    runners.push(runner);
    await runner.start();
    return runner;
  };

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'reactor-runner-'));
    store = await LmdbEventStore.open({ path: join(dir, 'events') });
    checkpoints = new FileReactorCheckpoints(join(dir, 'checkpoints'));
  });
  afterEach(async () => {
    await Promise.all(runners.splice(0).map((runner) => runner.stop()));
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('hands each wanted event to the handler once, in order, and resumes after its checkpoint when restarted', async () => {
    const seen: string[] = [];
    const options: ReactorOptions = { name: 'seen', filter: { eventTypes: ['Wanted'] }, handle: async (e) => void seen.push((e.data as { n: string }).n) };
    await store.append('s-1', [event('Wanted', { n: '1' }), event('Other'), event('Wanted', { n: '2' })], 'no_stream');
    const first = await run(options);
    await until(() => seen.length === 2, 'two events');
    await first.stop();
    expect(first.status().state).toBe('stopped');

    const { position } = await store.append('s-1', [event('Wanted', { n: '3' }), event('Other')], 'any');
    const second = await run(options);
    await until(() => second.status().position === position.toString(), 'the head');
    expect(seen).toEqual(['1', '2', '3']);
    expect(await checkpoints.get('seen')).toBe(position);
  });

  it('retries a failing event until it goes through, showing "failing" meanwhile, and never skips it', async () => {
    let healthy = false;
    const handled: string[] = [];
    const runner = await run({
      name: 'flaky',
      handle: async (e) => {
        if (!healthy) throw new Error('relay down');
        handled.push(e.type);
      },
    });
    await store.append('s-1', [event('First'), event('Second')], 'no_stream');
    await until(() => runner.status().consecutiveFailures >= 2, 'repeated failures');
    expect(runner.status()).toMatchObject({ name: 'flaky', state: 'failing', lastError: 'relay down' });
    expect(await checkpoints.get('flaky')).toBeNull();

    healthy = true;
    await until(() => handled.length === 2, 'both events');
    expect(handled).toEqual(['First', 'Second']);
    expect(runner.status()).toMatchObject({ state: 'running', consecutiveFailures: 0, lastError: null });
  });

  it('stops while an event waits for its next retry, without checkpointing past it', async () => {
    const attempts: RecordedEvent[] = [];
    const runner = await run(
      {
        name: 'stuck',
        handle: async (e) => {
          attempts.push(e);
          throw new Error('still down');
        },
      },
      [60_000],
    );
    await store.append('s-1', [event('Stuck')], 'no_stream');
    await until(() => attempts.length === 1, 'the first attempt');
    await runner.stop();
    expect(runner.status().state).toBe('stopped');
    expect(await checkpoints.get('stuck')).toBeNull();
  });
});
