import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { LmdbEventStore } from '@libs/event-store';
import { Redis } from 'ioredis';
import { appendInBulk } from '../../test-support/append-events';
import { auditReadModel } from '../../test-support/audit-read-model';
import { eventually } from '../../test-support/eventually';
import { simulateLibrary } from '../../test-support/library-simulation';
import { openTestEventStore } from '../../test-support/lmdb-event-store';
import { deleteKeys, redisUrl, uniquePrefix } from '../../test-support/stores';
import { allReadModels } from '../read-models/all-read-models';
import { InMemoryReadModelStore } from '../store/in-memory-read-model-store';
import { RedisReadModelStore } from '../store/redis-read-model-store';
import { rebuildReadModels } from './rebuild-read-models';

const repository = join(__dirname, '../../../..');
const worker = join(repository, 'libs/projections/test-support/project-into-redis.ts');

function startWorker(eventsDir: string, keyPrefix: string): ChildProcess & { output: string[] } {
  const child = spawn(process.execPath, ['-r', join(repository, 'scripts/ts-register.js'), worker, eventsDir, redisUrl, keyPrefix, '20'], {
    cwd: repository,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  return Object.assign(child, { output });
}

const exited = (child: ChildProcess) =>
  new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));

describe('I5: a projection worker killed with SIGKILL mid-stream', () => {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  const keyPrefix = uniquePrefix('crash');
  afterAll(async () => {
    await deleteKeys(redis, keyPrefix);
    await redis.quit();
  });

  it('ends, after restarts, with exactly the read models a rebuild from scratch gives', async () => {
    const events = await openTestEventStore();
    await appendInBulk(events.eventStore, simulateLibrary({ events: 20_000 }));
    const head = await events.eventStore.headPosition();
    // The worker process opens the directory itself: one process at a time.
    await events.eventStore.close();

    const store = new RedisReadModelStore({ redis, keyPrefix });
    const killedAt: bigint[] = [];
    for (const share of [0.2, 0.5, 0.8]) {
      const child = startWorker(events.path, keyPrefix);
      const exit = exited(child);
      await eventually(async () => expect((await store.getCheckpoint()) ?? -1n).toBeGreaterThanOrEqual((head * BigInt(share * 100)) / 100n), 60_000, 2);
      child.kill('SIGKILL');
      expect(await exit).toEqual({ code: null, signal: 'SIGKILL' });
      killedAt.push((await store.getCheckpoint()) as bigint);
    }
    const last = startWorker(events.path, keyPrefix);
    expect({ ...(await exited(last)), output: last.output.join('') }).toEqual({ code: 0, signal: null, output: '' });

    // Each kill really landed mid-stream, and the last run finished it.
    expect(killedAt.every((position) => position < head)).toBe(true);
    expect(await store.getCheckpoint()).toBe(head);

    const eventStore = await LmdbEventStore.open({ path: events.path });
    const fresh = new InMemoryReadModelStore();
    await rebuildReadModels(eventStore, fresh, { readModels: [...allReadModels, auditReadModel({ eventId: null })] });
    await eventStore.close();
    const [live, rebuilt] = await Promise.all([store.snapshot(), fresh.snapshot()]);
    expect(live).toEqual(rebuilt);
    // The audit read model saw every position exactly once.
    const audited = Object.values(live.documents.audit as Record<string, { positions: string[] }>).flatMap((doc) => doc.positions);
    expect(new Set(audited).size).toBe(20_000);
    expect(audited.length).toBe(20_000);
    await events.dispose();
  }, 120_000);
});
