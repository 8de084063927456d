import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeEventStoreContract } from '../../../../test/contract/event-store.contract';
import { startStandIn, type StandIn } from '../../../../test/support/esdb-stand-in/start';
import { EventStoreUnavailableError } from '../errors';
import type { NewEvent, RecordedEvent } from '../port';
import { EventStoreDbEventStore } from './eventstoredb-event-store';

// Everything here runs over the real client and the real gRPC protocol, against the test-only protocol
// stand-in (not EventStoreDB), and the shared contract also against a real server when
// EVENTSTORE_CONNECTION_STRING names one.

let sharedStandIn: Promise<StandIn> | undefined;

afterAll(async () => {
  if (sharedStandIn) await (await sharedStandIn).stop();
});

describeEventStoreContract('eventstoredb (stand-in)', async () => {
  sharedStandIn ??= startStandIn();
  const store = await EventStoreDbEventStore.connect((await sharedStandIn).connectionString);
  return { store, cleanup: () => store.close() };
});

const realServer = process.env.EVENTSTORE_CONNECTION_STRING;
if (realServer) {
  describeEventStoreContract(`eventstoredb (${realServer})`, async () => {
    const store = await EventStoreDbEventStore.connect(realServer);
    return { store, cleanup: () => store.close() };
  });
}

function newEvent(type: string, data: Record<string, unknown> = {}): NewEvent {
  return {
    id: randomUUID(),
    type,
    data,
    metadata: {
      correlationId: randomUUID(),
      causationId: randomUUID(),
      actor: { kind: 'system', id: 'test' },
      occurredAt: '2025-04-01T09:00:00.000Z',
    },
  };
}

function eventually(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const poll = () => {
      if (check()) resolve();
      else if (Date.now() > deadline) reject(new Error('condition not met in time'));
      else setTimeout(poll, 10);
    };
    poll();
  });
}

async function eventuallyResolves(attempt: () => Promise<unknown>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await attempt();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

describe('EventStoreDbEventStore, beyond the contract', () => {
  let standIn: StandIn;
  let store: EventStoreDbEventStore;

  beforeAll(async () => {
    standIn = await startStandIn();
    store = await EventStoreDbEventStore.connect(standIn.connectionString);
  });

  afterAll(async () => {
    await store.close();
    await standIn.stop();
  });

  const stream = (prefix = 'holds') => `${prefix}-${randomUUID()}`;

  it('appends through Streams.BatchAppend, the path a real server gets, after one feature probe', async () => {
    await store.append(stream(), [newEvent('HoldPlaced')], 'no_stream');

    const { calls } = await standIn.stats();
    expect(calls['ServerFeatures.GetSupportedMethods']).toBe(1);
    expect(calls['Streams.BatchAppend']).toBeGreaterThanOrEqual(1);
    expect(calls['Streams.Append']).toBeUndefined();
  });

  it('recognises a retried append by its event ids and does not write it twice', async () => {
    const streamId = stream();
    const events = [newEvent('A'), newEvent('B')];
    const first = await store.append(streamId, events, 'no_stream');

    await expect(store.append(streamId, events, 'no_stream')).resolves.toEqual(first);
    expect(await store.readStream(streamId)).toHaveLength(2);
  });

  it('rejects data JSON cannot carry before sending anything', async () => {
    const streamId = stream();
    await expect(store.append(streamId, [newEvent('A', { copies: 1n })], 'no_stream')).rejects.toThrow(TypeError);
    await expect(store.append(streamId, [{ ...newEvent('A'), data: undefined }], 'no_stream')).rejects.toThrow(TypeError);
    await expect(store.readStream(streamId)).resolves.toEqual([]);
  });

  it('reads $all across pages, with a selective filter, in position order', async () => {
    const after = await store.headPosition();
    const wanted = stream('wanted');
    for (let batch = 0; batch < 6; batch += 1) {
      await store.append(
        stream('noise'),
        Array.from({ length: 100 }, () => newEvent('Noise')),
        'no_stream',
      );
      await store.append(wanted, [newEvent('Wanted', { batch })], batch === 0 ? 'no_stream' : batch - 1);
    }

    const all = await store.readAll({ after });
    const found = await store.readAll({ after, filter: { eventTypes: ['Wanted'] } });

    expect(all).toHaveLength(606);
    expect(all.every((event, i) => i === 0 || event.position > all[i - 1].position)).toBe(true);
    expect(found.map((event) => event.data)).toEqual([0, 1, 2, 3, 4, 5].map((batch) => ({ batch })));
  });

  describe('subscribeToAll', () => {
    it('reports progress through long stretches of skipped events, never past an event still being handled', async () => {
      const after = await store.headPosition();
      const wanted = stream('wanted');
      await store.append(
        stream('noise'),
        Array.from({ length: 300 }, () => newEvent('Noise')),
        'no_stream',
      );
      await store.append(wanted, [newEvent('Wanted')], 'no_stream');
      await store.append(
        stream('noise'),
        Array.from({ length: 300 }, () => newEvent('Noise')),
        'no_stream',
      );
      const head = await store.headPosition();
      const checkpoints: { position: bigint; handledBefore: number }[] = [];
      const handled: RecordedEvent[] = [];
      let caughtUp = false;

      const subscription = store.subscribeToAll(
        async (event) => {
          await new Promise((resolve) => setTimeout(resolve, 50));
          handled.push(event);
        },
        {
          after,
          filter: { eventTypes: ['Wanted'] },
          onCheckpoint: (position) => void checkpoints.push({ position, handledBefore: handled.length }),
          onCaughtUp: () => (caughtUp = true),
        },
      );
      await eventually(() => caughtUp);
      await subscription.stop();

      expect(handled.map((event) => event.streamId)).toEqual([wanted]);
      const wantedAt = handled[0].position;
      const positions = checkpoints.map((checkpoint) => checkpoint.position);
      expect(positions.every((position, i) => position > after && (i === 0 || position > positions[i - 1]))).toBe(true);
      expect(positions.some((position) => position < wantedAt)).toBe(true);
      expect(positions.some((position) => position > wantedAt && position < head)).toBe(true);
      expect(positions.at(-1)).toBe(head);
      for (const checkpoint of checkpoints.filter((c) => c.position >= wantedAt)) expect(checkpoint.handledBefore).toBe(1);
    });

    it('ends as stopped, not failed, when its store is closed', async () => {
      const closing = await EventStoreDbEventStore.connect(standIn.connectionString);
      let caughtUp = false;
      const subscription = closing.subscribeToAll(() => undefined, { onCaughtUp: () => (caughtUp = true) });
      await eventually(() => caughtUp);

      await closing.close();

      await expect(subscription.done).resolves.toBeUndefined();
    });

    it('can be stopped from inside its own handler', async () => {
      const after = await store.headPosition();
      await store.append(stream(), [newEvent('A'), newEvent('B')], 'no_stream');
      const seen: string[] = [];

      const subscription = store.subscribeToAll(
        async (event) => {
          seen.push(event.type);
          await subscription.stop();
        },
        { after },
      );

      await expect(subscription.done).resolves.toBeUndefined();
      expect(seen).toEqual(['A']);
    });
  });
});

describe('EventStoreDbEventStore when the server goes away', () => {
  it('maps an unreachable server to EventStoreUnavailableError', async () => {
    const standIn = await startStandIn();
    await standIn.stop();
    const store = await EventStoreDbEventStore.connect(standIn.connectionString);

    await expect(store.ping()).rejects.toBeInstanceOf(EventStoreUnavailableError);
    await expect(store.append('holds-t1', [newEvent('HoldPlaced')], 'any')).rejects.toBeInstanceOf(EventStoreUnavailableError);
    await expect(store.readStream('holds-t1')).rejects.toBeInstanceOf(EventStoreUnavailableError);
    await expect(store.readAll()).rejects.toBeInstanceOf(EventStoreUnavailableError);
    await expect(store.headPosition()).rejects.toBeInstanceOf(EventStoreUnavailableError);
    await expect(store.subscribeToAll(() => undefined).done).rejects.toBeInstanceOf(EventStoreUnavailableError);
    await store.close();
  });

  it('fails a running subscription with EventStoreUnavailableError when the server dies', async () => {
    const standIn = await startStandIn();
    const store = await EventStoreDbEventStore.connect(standIn.connectionString);
    let caughtUp = false;
    const subscription = store.subscribeToAll(() => undefined, { onCaughtUp: () => (caughtUp = true) });
    await eventually(() => caughtUp);

    standIn.kill();

    await expect(subscription.done).rejects.toBeInstanceOf(EventStoreUnavailableError);
    await store.close();
  });

  it('answers EventStoreUnavailableError while the server is down, and recovers once it is back', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'esdb-stand-in-'));
    const dataFile = join(dir, 'events.jsonl');
    try {
      const first = await startStandIn({ dataFile });
      const store = await EventStoreDbEventStore.connect(first.connectionString);
      await store.append('holds-t1', [newEvent('HoldPlaced'), newEvent('HoldReady')], 'no_stream');
      const written = await store.readStream('holds-t1');

      first.kill();
      await first.exited;
      await expect(store.readStream('holds-t1')).rejects.toBeInstanceOf(EventStoreUnavailableError);

      const second = await startStandIn({ dataFile, port: first.port });
      await eventuallyResolves(() => store.ping());
      expect(await store.readStream('holds-t1')).toEqual(written);
      await expect(store.append('holds-t1', [newEvent('HoldCancelled')], 1)).resolves.toMatchObject({ nextRevision: 2 });
      await store.close();
      await second.stop();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
