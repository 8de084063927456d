import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startStandIn, type StandIn } from '../../../../test/support/esdb-stand-in/start';
import { EventStoreUnavailableError, StreamNotFoundError, WrongExpectedVersionError } from '../errors';
import type { NewEvent, RecordedEvent } from '../port';
import { EventStoreDbEventStore } from './eventstoredb-event-store';

// Runs over the real client and the real gRPC protocol against the test-only stand-in (not EventStoreDB).

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

describe('EventStoreDbEventStore over the esdb stand-in', () => {
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

  it('reads back what it appended: id, type, JSON data and metadata, revisions from 0, positions, commit time', async () => {
    const streamId = stream();
    const first = newEvent('HoldPlaced', { titleId: 't-1', patron: 'p-1' });
    const second = newEvent('HoldReady', { copyId: 'c-9' });
    const before = Date.now();

    const result = await store.append(streamId, [first, second], 'no_stream');
    const events = await store.readStream(streamId);

    expect(events.map(({ id, type, data, metadata, streamId: s, revision }) => ({ id, type, data, metadata, streamId: s, revision }))).toEqual([
      { ...first, streamId, revision: 0 },
      { ...second, streamId, revision: 1 },
    ]);
    expect(result).toEqual({ nextRevision: 1, position: events[1].position });
    expect(typeof events[0].position).toBe('bigint');
    expect(events[0].position).toBeLessThan(events[1].position);
    expect(Date.parse(events[0].recordedAt)).toBeGreaterThanOrEqual(before - 1);
    expect(events[0].recordedAt).toBe(new Date(events[0].recordedAt).toISOString());
  });

  it('appends with each kind of expected revision', async () => {
    const streamId = stream();
    await expect(store.append(streamId, [newEvent('A')], 'exists')).rejects.toEqual(
      new WrongExpectedVersionError(streamId, 'exists', 'no_stream'),
    );
    await store.append(streamId, [newEvent('A')], 'no_stream');
    await store.append(streamId, [newEvent('B')], 0);
    await store.append(streamId, [newEvent('C')], 'exists');
    const result = await store.append(streamId, [newEvent('D')], 'any');
    expect(result.nextRevision).toBe(3);
  });

  it('maps a version conflict to WrongExpectedVersionError with the actual revision', async () => {
    const streamId = stream();
    await store.append(streamId, [newEvent('A'), newEvent('B')], 'no_stream');

    const conflict = store.append(streamId, [newEvent('C')], 0);
    await expect(conflict).rejects.toBeInstanceOf(WrongExpectedVersionError);
    await expect(conflict).rejects.toMatchObject({ streamId, expected: 0, actual: 1 });
    await expect(store.append(streamId, [newEvent('C')], 'no_stream')).rejects.toMatchObject({ expected: 'no_stream', actual: 1 });
    await expect(store.append(stream(), [newEvent('C')], 4)).rejects.toMatchObject({ expected: 4, actual: 'no_stream' });
  });

  it('recognises a retried append by its event ids and does not write it twice', async () => {
    const streamId = stream();
    const events = [newEvent('A'), newEvent('B')];
    const first = await store.append(streamId, events, 'no_stream');

    await expect(store.append(streamId, events, 'no_stream')).resolves.toEqual(first);
    expect(await store.readStream(streamId)).toHaveLength(2);
  });

  it('reads a stream backwards, from a revision, and at most maxCount events', async () => {
    const streamId = stream();
    await store.append(streamId, ['A', 'B', 'C', 'D'].map((type) => newEvent(type)), 'no_stream');
    const types = (events: RecordedEvent[]) => events.map((event) => event.type);

    expect(types(await store.readStream(streamId, { direction: 'backwards' }))).toEqual(['D', 'C', 'B', 'A']);
    expect(types(await store.readStream(streamId, { fromRevision: 1, maxCount: 2 }))).toEqual(['B', 'C']);
    expect(types(await store.readStream(streamId, { direction: 'backwards', fromRevision: 2, maxCount: 2 }))).toEqual(['C', 'B']);
    expect(await store.readStream(streamId, { fromRevision: 9 })).toEqual([]);
  });

  it('throws StreamNotFoundError for a stream without events', async () => {
    const streamId = stream();
    await expect(store.readStream(streamId)).rejects.toEqual(new StreamNotFoundError(streamId));
  });

  it('reads $all strictly after a position, with event-type and stream-prefix filters and maxCount', async () => {
    const after = await store.headPosition();
    const prefix = `copy-${randomUUID()}-`;
    await store.append(`${prefix}1`, [newEvent('CopyReturned'), newEvent('CopyCheckedOut')], 'no_stream');
    await store.append(stream(), [newEvent('CopyReturned')], 'no_stream');
    await store.append(`${prefix}2`, [newEvent('CopyReturned')], 'no_stream');
    const summary = (events: RecordedEvent[]) => events.map((event) => `${event.streamId.replace(prefix, '')}:${event.type}`);

    const all = await store.readAll({ after });
    expect(all).toHaveLength(4);
    expect(await store.readAll({ after: all[1].position })).toEqual(all.slice(2));
    expect(await store.readAll({ after, maxCount: 2 })).toEqual(all.slice(0, 2));
    expect(summary(await store.readAll({ after, filter: { streamPrefixes: [prefix] } }))).toEqual([
      '1:CopyReturned',
      '1:CopyCheckedOut',
      '2:CopyReturned',
    ]);
    expect(summary(await store.readAll({ after, filter: { streamPrefixes: [prefix], eventTypes: ['CopyReturned'] } }))).toEqual([
      '1:CopyReturned',
      '2:CopyReturned',
    ]);
    expect(await store.readAll({ after, filter: { eventTypes: ['CopyReturn'] } })).toEqual([]);
  });

  it('reads $all across pages, with a selective filter, in position order', async () => {
    const after = await store.headPosition();
    const wanted = stream('wanted');
    for (let batch = 0; batch < 6; batch += 1) {
      await store.append(stream('noise'), Array.from({ length: 100 }, () => newEvent('Noise')), 'no_stream');
      await store.append(wanted, [newEvent('Wanted', { batch })], batch === 0 ? 'no_stream' : batch - 1);
    }

    const all = await store.readAll({ after });
    const found = await store.readAll({ after, filter: { eventTypes: ['Wanted'] } });

    expect(all).toHaveLength(606);
    expect(all.every((event, i) => i === 0 || event.position > all[i - 1].position)).toBe(true);
    expect(found.map((event) => event.data)).toEqual([0, 1, 2, 3, 4, 5].map((batch) => ({ batch })));
  });

  it('reports the head position, the position of the last event', async () => {
    const result = await store.append(stream(), [newEvent('A'), newEvent('B')], 'no_stream');
    expect(await store.headPosition()).toBe(result.position);
  });

  it('answers ping', async () => {
    await expect(store.ping()).resolves.toBeUndefined();
  });

  describe('subscribeToAll', () => {
    it('catches up, says so, then delivers live events in order', async () => {
      const after = await store.headPosition();
      const streamId = stream();
      await store.append(streamId, [newEvent('A'), newEvent('B')], 'no_stream');
      const seen: string[] = [];
      let caughtUpAfter = -1;

      const subscription = store.subscribeToAll((event) => void seen.push(event.type), {
        after,
        onCaughtUp: () => (caughtUpAfter = seen.length),
      });
      await eventually(() => caughtUpAfter >= 0);
      await store.append(streamId, [newEvent('C')], 1);
      await eventually(() => seen.length === 3);
      await subscription.stop();

      expect(caughtUpAfter).toBe(2);
      expect(seen).toEqual(['A', 'B', 'C']);
      await expect(subscription.done).resolves.toBeUndefined();
    });

    it('awaits the handler for each event before delivering the next', async () => {
      const after = await store.headPosition();
      await store.append(stream(), Array.from({ length: 20 }, (_, i) => newEvent('Slow', { i })), 'no_stream');
      let running = 0;
      let overlapped = false;
      const handled: number[] = [];

      const subscription = store.subscribeToAll(
        async (event) => {
          running += 1;
          overlapped ||= running > 1;
          await new Promise((resolve) => setTimeout(resolve, 5));
          handled.push((event.data as { i: number }).i);
          running -= 1;
        },
        { after },
      );
      await eventually(() => handled.length === 20);
      await subscription.stop();

      expect(overlapped).toBe(false);
      expect(handled).toEqual(Array.from({ length: 20 }, (_, i) => i));
    });

    it('reports checkpoints while a selective filter skips events, never past an unhandled event', async () => {
      const after = await store.headPosition();
      const wanted = stream('wanted');
      await store.append(stream('noise'), Array.from({ length: 70 }, () => newEvent('Noise')), 'no_stream');
      await store.append(wanted, [newEvent('Wanted')], 'no_stream');
      await store.append(stream('noise'), Array.from({ length: 70 }, () => newEvent('Noise')), 'no_stream');
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
      const positions = checkpoints.map((checkpoint) => checkpoint.position);
      expect(positions.length).toBeGreaterThanOrEqual(3);
      expect(positions.every((position, i) => position > after && (i === 0 || position > positions[i - 1]))).toBe(true);
      expect(positions.at(-1)).toBe(head);
      expect(checkpoints.some((checkpoint) => checkpoint.position < handled[0].position)).toBe(true);
      for (const checkpoint of checkpoints.filter((c) => c.position >= handled[0].position)) {
        expect(checkpoint.handledBefore).toBe(1);
      }
    });

    it('resumes strictly after a stored position', async () => {
      const after = await store.headPosition();
      const streamId = stream();
      await store.append(streamId, ['A', 'B', 'C'].map((type) => newEvent(type)), 'no_stream');
      const [, second] = await store.readStream(streamId);
      const seen: string[] = [];
      let caughtUp = false;

      const subscription = store.subscribeToAll((event) => void seen.push(event.type), {
        after: second.position,
        onCaughtUp: () => (caughtUp = true),
      });
      await eventually(() => caughtUp);
      await subscription.stop();

      expect(after).toBeLessThan(second.position);
      expect(seen).toEqual(['C']);
    });

    it('fails `done` with the handler error and stops reading', async () => {
      const after = await store.headPosition();
      await store.append(stream(), [newEvent('A'), newEvent('B')], 'no_stream');
      const seen: string[] = [];
      const failure = new Error('projection broke');

      const subscription = store.subscribeToAll(
        (event) => {
          seen.push(event.type);
          throw failure;
        },
        { after },
      );

      await expect(subscription.done).rejects.toBe(failure);
      expect(seen).toEqual(['A']);
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

describe('EventStoreDbEventStore when the server is away', () => {
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

  it('keeps its events across a restart on the same data file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'esdb-stand-in-'));
    const dataFile = join(dir, 'events.jsonl');
    try {
      const first = await startStandIn({ dataFile });
      const before = await EventStoreDbEventStore.connect(first.connectionString);
      await before.append('holds-t1', [newEvent('HoldPlaced'), newEvent('HoldReady')], 'no_stream');
      const written = await before.readStream('holds-t1');
      await before.close();
      first.kill();

      const second = await startStandIn({ dataFile, port: first.port });
      const after = await EventStoreDbEventStore.connect(second.connectionString);
      expect(await after.readStream('holds-t1')).toEqual(written);
      await expect(after.append('holds-t1', [newEvent('HoldCancelled')], 1)).resolves.toMatchObject({ nextRevision: 2 });
      await after.close();
      await second.stop();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
