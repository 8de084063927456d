import { randomUUID } from 'node:crypto';
import {
  WrongExpectedVersionError,
  type AppendResult,
  type EventStore,
  type NewEvent,
  type RecordedEvent,
  type SubscribeOptions,
  type Subscription,
} from '@libs/event-store';

/**
 * The behaviour every EventStore adapter must have, written once and run against each adapter.
 *
 * Written so that it holds for any conforming store: every test names its streams with a fresh
 * prefix and reads $all only after the head position it saw at its start, so it neither needs an
 * empty store nor trips over other tests' events; positions are compared by order, never assumed dense;
 * nothing asserts on wall-clock time, and the timeouts leave room for a store behind a network.
 */
export interface StoreUnderTest {
  store: EventStore;
  cleanup: () => Promise<void>;
}

const SLOW_TEST_MS = 120_000;
const WAIT_MS = 60_000;

export function describeEventStoreContract(adapterName: string, createStore: () => Promise<StoreUnderTest>): void {
  describe(`EventStore contract: ${adapterName}`, () => {
    let store: EventStore;
    let cleanup: () => Promise<void>;
    let prefix: string;

    beforeEach(async () => {
      ({ store, cleanup } = await createStore());
      prefix = `c${randomUUID().slice(0, 8)}`;
    });

    afterEach(async () => {
      await cleanup();
    });

    const streamName = (name: string) => `${prefix}-${name}`;

    describe('append and read back', () => {
      it('keeps every field of an appended event (I6)', async () => {
        const stream = streamName('holds-t1');
        const placed = newEvent('HoldPlaced', { titleId: 't1', patron: '2000123', pickupAt: 'central' });
        const ready = newEvent('HoldReady', { copyId: 'c9', notes: ['ünïcødé', '"quoted"', null] }, { reason: 'shelf check' });

        const result = await store.append(stream, [placed, ready], 'no_stream');
        const events = await store.readStream(stream);

        expect(events).toHaveLength(2);
        expect(events[0]).toMatchObject({ ...placed, streamId: stream, revision: 0 });
        expect(events[1]).toMatchObject({ ...ready, streamId: stream, revision: 1 });
        expect(events[1].metadata).toEqual(ready.metadata);
        for (const event of events) {
          expect(typeof event.position).toBe('bigint');
          expect(new Date(event.recordedAt).toISOString()).toBe(event.recordedAt);
        }
        expect(events[0].position).toBeLessThan(events[1].position);
        expect(result).toEqual({ nextRevision: 1, position: events[1].position });
      });

      it('reports which adapter it is', () => {
        expect(['lmdb', 'eventstoredb']).toContain(store.adapter);
      });

      it('answers ping', async () => {
        await expect(store.ping()).resolves.toBeUndefined();
      });
    });

    describe('expected revision', () => {
      it("'no_stream' creates a stream and fails once it exists, naming the actual revision", async () => {
        const stream = streamName('no-stream');
        await store.append(stream, [newEvent('A')], 'no_stream');
        await expectConflict(store.append(stream, [newEvent('B')], 'no_stream'), stream, 'no_stream', 0);
      });

      it("'exists' fails on a missing stream and appends to an existing one", async () => {
        const stream = streamName('exists');
        await expectConflict(store.append(stream, [newEvent('A')], 'exists'), stream, 'exists', 'no_stream');
        await store.append(stream, [newEvent('A')], 'no_stream');
        await expect(store.append(stream, [newEvent('B')], 'exists')).resolves.toMatchObject({ nextRevision: 1 });
      });

      it('a revision number must be the revision of the last event', async () => {
        const stream = streamName('number');
        await expectConflict(store.append(stream, [newEvent('A')], 0), stream, 0, 'no_stream');
        await store.append(stream, [newEvent('A'), newEvent('B')], 'no_stream');
        await expectConflict(store.append(stream, [newEvent('C')], 0), stream, 0, 1);
        await expectConflict(store.append(stream, [newEvent('C')], 2), stream, 2, 1);
        await expect(store.append(stream, [newEvent('C')], 1)).resolves.toMatchObject({ nextRevision: 2 });
      });

      it("'any' appends to missing and existing streams alike", async () => {
        const stream = streamName('any');
        await expect(store.append(stream, [newEvent('A')], 'any')).resolves.toMatchObject({ nextRevision: 0 });
        await expect(store.append(stream, [newEvent('B')], 'any')).resolves.toMatchObject({ nextRevision: 1 });
      });

      it('a conflicting append writes nothing of its batch (I8)', async () => {
        const stream = streamName('no-partial');
        await store.append(stream, [newEvent('A')], 'no_stream');
        await expectConflict(store.append(stream, [newEvent('B'), newEvent('C')], 5), stream, 5, 0);
        expect((await store.readStream(stream)).map((event) => event.type)).toEqual(['A']);
      });

      it('an empty append with a matching expectation returns the current revision', async () => {
        const stream = streamName('empty');
        await store.append(stream, [newEvent('A'), newEvent('B')], 'no_stream');
        await expect(store.append(stream, [], 1)).resolves.toMatchObject({ nextRevision: 1 });
        await expect(store.append(stream, [], 'exists')).resolves.toMatchObject({ nextRevision: 1 });
        await expectConflict(store.append(stream, [], 0), stream, 0, 1);
        expect(await store.readStream(stream)).toHaveLength(2);
      });
    });

    describe('readStream', () => {
      it('gives an empty history for a stream without events, forwards and backwards', async () => {
        const stream = streamName('missing');
        await expect(store.readStream(stream)).resolves.toEqual([]);
        await expect(store.readStream(stream, { direction: 'backwards', maxCount: 1 })).resolves.toEqual([]);
      });

      it('reads forwards from a revision with a maximum count', async () => {
        const stream = await appendNumbered(store, streamName('fwd'), 10);
        expect(revisions(await store.readStream(stream, { fromRevision: 3, maxCount: 4 }))).toEqual([3, 4, 5, 6]);
        expect(revisions(await store.readStream(stream, { fromRevision: 8 }))).toEqual([8, 9]);
        expect(revisions(await store.readStream(stream, { maxCount: 2 }))).toEqual([0, 1]);
        expect(await store.readStream(stream, { fromRevision: 10 })).toEqual([]);
      });

      it('reads backwards from the end or from a revision', async () => {
        const stream = await appendNumbered(store, streamName('bwd'), 10);
        expect(revisions(await store.readStream(stream, { direction: 'backwards', maxCount: 3 }))).toEqual([9, 8, 7]);
        expect(revisions(await store.readStream(stream, { direction: 'backwards', fromRevision: 4 }))).toEqual([4, 3, 2, 1, 0]);
        expect(revisions(await store.readStream(stream, { direction: 'backwards', fromRevision: 6, maxCount: 2 }))).toEqual([6, 5]);
      });
    });

    describe('$all', () => {
      it('gives positions that strictly increase across streams, in append order', async () => {
        const results: AppendResult[] = [];
        for (let i = 0; i < 12; i++) {
          results.push(await store.append(streamName(`order-${i % 3}`), [newEvent('Tick', { i })], 'any'));
        }
        for (let i = 1; i < results.length; i++) {
          expect(results[i].position).toBeGreaterThan(results[i - 1].position);
        }
        expect(await store.headPosition()).toBeGreaterThanOrEqual(results[results.length - 1].position);
      });

      it('reads strictly after a position, in order, with a maximum count', async () => {
        const start = await store.headPosition();
        const stream = await appendNumbered(store, streamName('all'), 6);
        const ours = await store.readAll({ after: start, filter: { streamPrefixes: [prefix] } });
        expect(ours.map((event) => event.data)).toEqual([0, 1, 2, 3, 4, 5].map((n) => ({ n })));
        expectStrictlyIncreasing(ours);

        const afterSecond = await store.readAll({ after: ours[1].position, filter: { streamPrefixes: [stream] } });
        expect(revisions(afterSecond)).toEqual([2, 3, 4, 5]);
        const limited = await store.readAll({ after: ours[1].position, maxCount: 2, filter: { streamPrefixes: [stream] } });
        expect(revisions(limited)).toEqual([2, 3]);
      });

      it('filters by event type and by stream prefix', async () => {
        const start = await store.headPosition();
        const placedType = `${prefix}HoldPlaced`;
        const readyType = `${prefix}HoldReady`;
        await store.append(streamName('holds-1'), [newEvent(placedType), newEvent(readyType)], 'no_stream');
        await store.append(streamName('copy-1'), [newEvent(`${prefix}CopyReturned`)], 'no_stream');
        await store.append(streamName('holds-2'), [newEvent(placedType)], 'no_stream');

        const byType = await store.readAll({ after: start, filter: { eventTypes: [placedType] } });
        expect(byType.map((event) => [event.streamId, event.type])).toEqual([
          [streamName('holds-1'), placedType],
          [streamName('holds-2'), placedType],
        ]);
        const byPrefix = await store.readAll({ after: start, filter: { streamPrefixes: [streamName('holds-')] } });
        expect(byPrefix.map((event) => event.type)).toEqual([placedType, readyType, placedType]);
        const both = await store.readAll({
          after: start,
          filter: { eventTypes: [readyType, `${prefix}CopyReturned`], streamPrefixes: [streamName('holds-')] },
        });
        expect(both.map((event) => event.type)).toEqual([readyType]);
        const firstOnly = await store.readAll({ after: start, maxCount: 1, filter: { eventTypes: [placedType] } });
        expect(firstOnly.map((event) => event.streamId)).toEqual([streamName('holds-1')]);
      });
    });

    describe('optimistic concurrency (I1 and I2 rest on it)', () => {
      it(
        '50 appenders racing with the revision they read: exactly one wins, the others get WrongExpectedVersionError',
        async () => {
          const stream = streamName('race-once');
          await store.append(stream, [newEvent('Opened')], 'no_stream');
          const [head] = await store.readStream(stream, { direction: 'backwards', maxCount: 1 });

          const outcomes = await Promise.allSettled(
            Array.from({ length: 50 }, (_, racer) => store.append(stream, [newEvent('Claimed', { racer })], head.revision)),
          );

          const won = outcomes.filter((outcome) => outcome.status === 'fulfilled');
          const lost = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason as unknown] : []));
          expect(won).toHaveLength(1);
          expect(lost).toHaveLength(49);
          for (const error of lost) {
            expect(error).toBeInstanceOf(WrongExpectedVersionError);
            expect(error).toMatchObject({ streamId: stream, expected: 0, actual: 1 });
          }
          expect(revisions(await store.readStream(stream))).toEqual([0, 1]);
        },
        SLOW_TEST_MS,
      );

      it(
        '50 appenders that re-read and retry on conflict: each revision is won exactly once and the stream has no gaps',
        async () => {
          const stream = streamName('race-retry');
          await store.append(stream, [newEvent('Opened')], 'no_stream');
          const winsByExpected = new Map<number, number>();
          let conflicts = 0;

          const appender = async (racer: number) => {
            for (;;) {
              const [head] = await store.readStream(stream, { direction: 'backwards', maxCount: 1 });
              try {
                const result = await store.append(stream, [newEvent('Claimed', { racer })], head.revision);
                expect(result.nextRevision).toBe(head.revision + 1);
                winsByExpected.set(head.revision, (winsByExpected.get(head.revision) ?? 0) + 1);
                return;
              } catch (error) {
                expect(error).toBeInstanceOf(WrongExpectedVersionError);
                const { expected, actual } = error as WrongExpectedVersionError;
                expect(expected).toBe(head.revision);
                expect(actual).toBeGreaterThan(head.revision);
                conflicts++;
              }
            }
          };
          await Promise.all(Array.from({ length: 50 }, (_, racer) => appender(racer)));

          const events = await store.readStream(stream);
          expect(revisions(events)).toEqual(Array.from({ length: 51 }, (_, revision) => revision));
          expect([...winsByExpected.values()].every((wins) => wins === 1)).toBe(true);
          expect(winsByExpected.size).toBe(50);
          const racers = events.slice(1).map((event) => (event.data as { racer: number }).racer);
          expect(new Set(racers).size).toBe(50);
          expect(conflicts).toBeGreaterThan(0);
        },
        SLOW_TEST_MS,
      );
    });

    describe('subscribeToAll', () => {
      let subscriptions: Subscription[];

      beforeEach(() => {
        subscriptions = [];
      });

      afterEach(async () => {
        await Promise.all(subscriptions.map((subscription) => subscription.stop()));
      });

      const subscribe = (handler: (event: RecordedEvent) => Promise<void> | void, options: SubscribeOptions) => {
        const subscription = store.subscribeToAll(handler, options);
        subscriptions.push(subscription);
        return subscription;
      };

      it(
        'a filtered subscription catches up, then goes live, without gaps or duplicates (I5)',
        async () => {
          const start = await store.headPosition();
          const ours = streamName('sub-');
          const other = streamName('other-');
          for (let i = 0; i < 20; i++) {
            await store.append(`${ours}${i % 2}`, [newEvent('Old', { i })], 'any');
            await store.append(`${other}${i % 2}`, [newEvent('Old', { i })], 'any');
          }

          const received: RecordedEvent[] = [];
          let caughtUp = false;
          let duringCatchUp: Promise<unknown> | undefined;
          subscribe(
            async (event) => {
              received.push(event);
              // The first delivery is surely during catch-up: append more for it to pick up on the way.
              duringCatchUp ??= Promise.all([appendNumbered(store, `${ours}during`, 5), appendNumbered(store, `${other}during`, 5)]);
            },
            { after: start, filter: { streamPrefixes: [ours] }, onCaughtUp: () => (caughtUp = true) },
          );

          await waitFor('catch-up', () => caughtUp);
          await duringCatchUp;
          for (let i = 0; i < 10; i++) {
            await store.append(`${ours}live`, [newEvent('Live', { i })], 'any');
            await store.append(`${other}live`, [newEvent('Live', { i })], 'any');
          }
          const sentinel = newEvent('Sentinel');
          await store.append(`${ours}live`, [sentinel], 'any');
          await waitFor('the sentinel', () => received.some((event) => event.id === sentinel.id));

          const expected = await store.readAll({ after: start, filter: { streamPrefixes: [ours] } });
          expect(expected).toHaveLength(20 + 5 + 10 + 1);
          expect(received.map((event) => event.id)).toEqual(expected.map((event) => event.id));
          expect(received).toEqual(expected);
        },
        SLOW_TEST_MS,
      );

      it(
        'a slow handler gets one event at a time: the subscription waits for it (back-pressure)',
        async () => {
          const start = await store.headPosition();
          const stream = await appendNumbered(store, streamName('slow'), 30);
          let inFlight = 0;
          let mostInFlight = 0;
          const seen: number[] = [];
          subscribe(
            async (event) => {
              inFlight++;
              mostInFlight = Math.max(mostInFlight, inFlight);
              await new Promise((resolve) => setTimeout(resolve, 2));
              seen.push(event.revision);
              inFlight--;
            },
            { after: start, filter: { streamPrefixes: [stream] } },
          );
          await appendNumbered(store, stream, 10, 30);

          await waitFor('all 40 events', () => seen.length === 40);
          expect(mostInFlight).toBe(1);
          expect(seen).toEqual(Array.from({ length: 40 }, (_, revision) => revision));
        },
        SLOW_TEST_MS,
      );

      it('subscribing after a checkpoint delivers only the later events (I5)', async () => {
        const stream = await appendNumbered(store, streamName('resume'), 10);
        const events = await store.readStream(stream);
        const checkpoint = events[3].position;

        const received: RecordedEvent[] = [];
        subscribe((event) => void received.push(event), { after: checkpoint, filter: { streamPrefixes: [stream] } });
        const last = await store.append(stream, [newEvent('Later')], 9);

        await waitFor('the later event', () => received.some((event) => event.position === last.position));
        expect(revisions(received)).toEqual([4, 5, 6, 7, 8, 9, 10]);
      });

      it('a selective subscription still reports checkpoints past the events it filtered out', async () => {
        const start = await store.headPosition();
        const delivered: RecordedEvent[] = [];
        const checkpoints: bigint[] = [];
        subscribe((event) => void delivered.push(event), {
          after: start,
          filter: { eventTypes: [`${prefix}NothingMatches`] },
          onCheckpoint: (position) => void checkpoints.push(position),
        });
        const { position } = await store.append(streamName('skipped'), [newEvent('A'), newEvent('B')], 'no_stream');

        await waitFor('a checkpoint past the skipped events', () => checkpoints.some((checkpoint) => checkpoint >= position));
        expect(delivered).toEqual([]);
        expect([...checkpoints].sort(compareBigInt)).toEqual(checkpoints);
      });

      it('stop() ends it: done resolves and later appends are not delivered', async () => {
        const stream = streamName('stop');
        const received: RecordedEvent[] = [];
        let caughtUp = false;
        const subscription = subscribe((event) => void received.push(event), {
          after: await store.headPosition(),
          filter: { streamPrefixes: [stream] },
          onCaughtUp: () => (caughtUp = true),
        });
        await store.append(stream, [newEvent('Before')], 'no_stream');
        await waitFor('the first event', () => received.length === 1);
        await waitFor('catch-up', () => caughtUp);

        await subscription.stop();
        await expect(subscription.done).resolves.toBeUndefined();
        await store.append(stream, [newEvent('After')], 0);
        // A second subscription seeing 'After' shows it was there to be delivered.
        const witnessed: RecordedEvent[] = [];
        subscribe((event) => void witnessed.push(event), { filter: { streamPrefixes: [stream] } });
        await waitFor('the witness', () => witnessed.length === 2);
        expect(received.map((event) => event.type)).toEqual(['Before']);
      });

      it('done rejects with the error when the handler throws', async () => {
        const stream = streamName('boom');
        const subscription = subscribe(
          () => {
            throw new Error('projection broke');
          },
          { after: await store.headPosition(), filter: { streamPrefixes: [stream] } },
        );
        await store.append(stream, [newEvent('A')], 'no_stream');
        await expect(subscription.done).rejects.toThrow('projection broke');
      });
    });
  });
}

function newEvent(type: string, data: unknown = {}, extra: { reason?: string } = {}): NewEvent {
  return {
    id: randomUUID(),
    type,
    data,
    metadata: {
      correlationId: randomUUID(),
      causationId: randomUUID(),
      actor: { kind: 'staff', id: 'staff-7' },
      occurredAt: '2026-04-01T09:30:00.000Z',
      ...extra,
    },
  };
}

/** Appends `count` events one by one, data `{ n }` from `first`, and returns the stream id. */
async function appendNumbered(store: EventStore, stream: string, count: number, first = 0): Promise<string> {
  for (let n = first; n < first + count; n++) {
    await store.append(stream, [newEvent('Numbered', { n })], n === 0 ? 'no_stream' : n - 1);
  }
  return stream;
}

async function expectConflict(
  append: Promise<unknown>,
  streamId: string,
  expected: number | 'no_stream' | 'exists',
  actual: number | 'no_stream',
): Promise<void> {
  const error = await append.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(WrongExpectedVersionError);
  expect(error).toMatchObject({ streamId, expected, actual });
}

function revisions(events: readonly RecordedEvent[]): number[] {
  return events.map((event) => event.revision);
}

function expectStrictlyIncreasing(events: readonly RecordedEvent[]): void {
  for (let i = 1; i < events.length; i++) expect(events[i].position).toBeGreaterThan(events[i - 1].position);
}

function compareBigInt(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

async function waitFor(what: string, condition: () => boolean): Promise<void> {
  const deadline = Date.now() + WAIT_MS;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what} after ${WAIT_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
