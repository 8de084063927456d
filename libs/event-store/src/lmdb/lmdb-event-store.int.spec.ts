import { chmodSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { describeEventStoreContract } from '../../../../test/contract/event-store.contract';
import type { BurstAck, BurstEventData } from '../../../../test/support/lmdb-event-store-child';
import { LmdbChildProcess } from '../../../../test/support/lmdb-event-store-child-process';
import { EventStoreUnavailableError } from '../errors';
import type { NewEvent, RecordedEvent } from '../port';
import { LmdbEventStore } from './lmdb-event-store';

const CHILD_TEST_MS = 120_000;
const ACKS_BEFORE_KILL = 300;

function temporaryDirectory(): string {
  // The real path: that is how the store names its directory in messages.
  return realpathSync(mkdtempSync(join(tmpdir(), 'lmdb-event-store-')));
}

function removeDirectory(directory: string): void {
  rmSync(directory, { recursive: true, force: true });
}

describeEventStoreContract('lmdb', async () => {
  const directory = temporaryDirectory();
  const store = await LmdbEventStore.open({ path: directory });
  return {
    store,
    cleanup: async () => {
      await store.close();
      removeDirectory(directory);
    },
  };
});

describe('LmdbEventStore (lmdb only)', () => {
  let directory: string;
  const children: LmdbChildProcess[] = [];

  beforeEach(() => {
    directory = temporaryDirectory();
  });

  afterEach(async () => {
    await Promise.all(children.splice(0).map((child) => child.kill()));
    removeDirectory(directory);
  });

  const startChild = (mode: 'open' | 'hold' | 'burst') => {
    const child = LmdbChildProcess.start(mode, directory);
    children.push(child);
    return child;
  };

  describe('one process per data directory', () => {
    it(
      'refuses a second process, naming the directory and the pid that holds it',
      async () => {
        const store = await LmdbEventStore.open({ path: directory });
        try {
          const child = startChild('open');
          await child.waitFor('an answer', (messages) => messages.length > 0);
          const [answer] = child.messages;
          expect(answer).toHaveProperty('refused');
          const refusal = 'refused' in answer ? answer.refused : '';
          expect(refusal).toContain(directory);
          expect(refusal).toContain(`process ${process.pid}`);
          expect((await child.exited).code).toBe(1);
        } finally {
          await store.close();
        }
      },
      CHILD_TEST_MS,
    );

    it(
      'is refused while another process holds the directory',
      async () => {
        const child = startChild('hold');
        await child.waitFor('the open store', (messages) => messages.some((message) => 'opened' in message));

        const opening = LmdbEventStore.open({ path: directory });
        await expect(opening).rejects.toBeInstanceOf(EventStoreUnavailableError);
        await expect(opening).rejects.toThrow(`event store directory ${directory} is in use by process ${child.pid}`);

        await child.end();
        const store = await LmdbEventStore.open({ path: directory });
        await store.close();
      },
      CHILD_TEST_MS,
    );

    it('refuses to open the same directory twice in one process', async () => {
      const store = await LmdbEventStore.open({ path: directory });
      try {
        const second = LmdbEventStore.open({ path: directory });
        await expect(second).rejects.toBeInstanceOf(EventStoreUnavailableError);
        await expect(second).rejects.toThrow(`${directory} is already open in this process`);
      } finally {
        await store.close();
      }
      const reopened = await LmdbEventStore.open({ path: directory });
      await reopened.close();
    });

    it('takes over a lock left by a process that died', async () => {
      const child = startChild('open');
      const { code } = await child.exited;
      expect(code).toBe(0);
      writeFileSync(join(directory, 'owner.pid'), `${child.pid}\n`);

      const store = await LmdbEventStore.open({ path: directory });
      await store.close();
    });

    it('takes over a lock that carries its own pid but that it does not hold (a restarted container)', async () => {
      writeFileSync(join(directory, 'owner.pid'), `${process.pid}\n`);
      const store = await LmdbEventStore.open({ path: directory });
      await store.close();
    });
  });

  describe('unavailable store', () => {
    it('a directory that cannot be created gives EventStoreUnavailableError naming it', async () => {
      const file = join(directory, 'a-file');
      writeFileSync(file, 'not a directory');
      const opening = LmdbEventStore.open({ path: join(file, 'events') });
      await expect(opening).rejects.toBeInstanceOf(EventStoreUnavailableError);
      await expect(opening).rejects.toThrow(`cannot create the event store directory ${join(file, 'events')}`);
    });

    // Root may write anywhere, so this one runs only as an ordinary user (as in CI).
    const asOrdinaryUser = process.getuid?.() === 0 ? it.skip : it;
    asOrdinaryUser('a directory it may not write to gives EventStoreUnavailableError naming it', async () => {
      chmodSync(directory, 0o500);
      try {
        const opening = LmdbEventStore.open({ path: directory });
        await expect(opening).rejects.toBeInstanceOf(EventStoreUnavailableError);
        await expect(opening).rejects.toThrow(`event store directory ${directory} is not writable`);
      } finally {
        chmodSync(directory, 0o700);
      }
    });

    it('a closed store answers every call with EventStoreUnavailableError', async () => {
      const store = await LmdbEventStore.open({ path: directory });
      await store.close();
      await expect(store.append('s-1', [event('A')], 'any')).rejects.toBeInstanceOf(EventStoreUnavailableError);
      await expect(store.readAll()).rejects.toBeInstanceOf(EventStoreUnavailableError);
      await expect(store.ping()).rejects.toThrow(`the event store in ${directory} is closed`);
    });

    it('close stops the running subscriptions', async () => {
      const store = await LmdbEventStore.open({ path: directory });
      const subscription = store.subscribeToAll(() => undefined);
      await store.close();
      await expect(subscription.done).resolves.toBeUndefined();
    });
  });

  it('continues the global order after a reopen', async () => {
    const first = await LmdbEventStore.open({ path: directory });
    const before = await first.append('s-1', [event('A'), event('B')], 'no_stream');
    await first.close();

    const second = await LmdbEventStore.open({ path: directory });
    try {
      expect(await second.headPosition()).toBe(before.position);
      const after = await second.append('s-2', [event('C')], 'no_stream');
      expect(after.position).toBeGreaterThan(before.position);
      expect((await second.readAll()).map((recorded) => recorded.type)).toEqual(['A', 'B', 'C']);
    } finally {
      await second.close();
    }
  });

  it('rejects stream ids that cannot be keys', async () => {
    const store = await LmdbEventStore.open({ path: directory });
    try {
      await expect(store.append('', [event('A')], 'any')).rejects.toThrow(RangeError);
      await expect(store.append('a\u0000b', [event('A')], 'any')).rejects.toThrow('NUL');
      await expect(store.readStream('x'.repeat(2000))).rejects.toThrow(RangeError);
    } finally {
      await store.close();
    }
  });

  it(
    'I6: every acknowledged append survives kill -9 mid-burst, and no batch is half-written',
    async () => {
      const child = startChild('burst');
      await child.waitFor(`${ACKS_BEFORE_KILL} acknowledged appends`, (messages) => messages.filter((message) => 'ack' in message).length >= ACKS_BEFORE_KILL);
      await child.kill();
      const acks = child.messages.flatMap((message) => ('ack' in message ? [message.ack] : []));

      const store = await LmdbEventStore.open({ path: directory });
      try {
        const all = await store.readAll();
        expectStrictlyIncreasing(all);
        const byStream = groupByStream(all);

        for (const ack of acks) expectAcknowledged(byStream, ack);
        for (const [streamId, events] of byStream) {
          const fromIndex = await store.readStream(streamId);
          expect(fromIndex).toEqual(events);
          expect(events.map((recorded) => recorded.revision)).toEqual(events.map((_, revision) => revision));
          expectWholeBatches(events);
        }
        // The store goes on from where the killed process left it.
        const next = await store.append('after-crash', [event('A')], 'no_stream');
        expect(next.position).toBeGreaterThan(all[all.length - 1].position);
      } finally {
        await store.close();
      }
    },
    CHILD_TEST_MS,
  );
});

function event(type: string): NewEvent {
  return {
    id: randomUUID(),
    type,
    data: {},
    metadata: {
      correlationId: randomUUID(),
      causationId: randomUUID(),
      actor: { kind: 'system', id: 'test' },
      occurredAt: '2026-04-01T00:00:00.000Z',
    },
  };
}

function groupByStream(events: readonly RecordedEvent[]): Map<string, RecordedEvent[]> {
  const byStream = new Map<string, RecordedEvent[]>();
  for (const recorded of events) {
    byStream.set(recorded.streamId, [...(byStream.get(recorded.streamId) ?? []), recorded]);
  }
  return byStream;
}

function expectAcknowledged(byStream: Map<string, RecordedEvent[]>, ack: BurstAck): void {
  const recorded = byStream.get(ack.streamId)?.[ack.nextRevision];
  expect(recorded).toBeDefined();
  expect(recorded?.position).toBe(BigInt(ack.position));
  expect((recorded?.data as BurstEventData).batchSize).toBe(ack.batchSize);
}

/** Batches are appended whole, in order: each stream is a run of complete batches 0, 1, 2, … */
function expectWholeBatches(events: readonly RecordedEvent[]): void {
  let revision = 0;
  for (let batch = 0; revision < events.length; batch++) {
    const { batchSize } = events[revision].data as BurstEventData;
    const members = events.slice(revision, revision + batchSize).map((recorded) => recorded.data as BurstEventData);
    expect(members).toEqual(Array.from({ length: batchSize }, (_, index) => ({ ...members[0], batch, index })));
    revision += batchSize;
  }
}

function expectStrictlyIncreasing(events: readonly RecordedEvent[]): void {
  for (let i = 1; i < events.length; i++) expect(events[i].position).toBeGreaterThan(events[i - 1].position);
}
