import type { EventStore } from '@libs/event-store';
import { appendEvents, appendInBulk } from '../../test-support/append-events';
import { auditReadModel } from '../../test-support/audit-read-model';
import { events as e } from '../../test-support/domain-events';
import { eventually } from '../../test-support/eventually';
import { simulateLibrary } from '../../test-support/library-simulation';
import { openTestEventStore, type TestEventStore } from '../../test-support/lmdb-event-store';
import { storeKinds, type StoreFixture } from '../../test-support/stores';
import { holdIndex } from '../read-models/holds/hold-index';
import { patronHolds } from '../read-models/holds/patron-holds';
import { titleQueue } from '../read-models/titles/title-queue';
import { allReadModels } from '../read-models/all-read-models';
import { InMemoryReadModelStore } from '../store/in-memory-read-model-store';
import type { ReadModelStore } from '../store/read-model-store';
import { ProjectionRunner } from './projection-runner';
import { rebuildReadModels } from './rebuild-read-models';
import { waitForCheckpoint } from './wait-for-checkpoint';

const library = [
  e.locationRegistered('main', 'Main library'),
  e.titleCatalogued('t1', 'Kokoro'),
  e.copyAdded('t1', 'copy1', 'main'),
  e.patronRegistered('c1'),
  e.patronRegistered('c2'),
  e.patronRegistered('c3'),
  e.holdPlaced('t1', 'h1', 'c1', 'main'),
  e.holdPlaced('t1', 'h2', 'c2', 'main'),
  e.holdPlaced('t1', 'h3', 'c3', 'main'),
  e.holdReady('t1', 'h1', 'c1', 'copy1', 'main', '2026-04-01'),
];

/** Many small streams, so failures can land in the middle of batches. */
const busyLibrary = (patrons: number) =>
  Array.from({ length: patrons }, (_, i) => [e.patronRegistered(`p${i}`), e.emailRegistered(`p${i}`, `p${i}@example.jp`)]).flat();

/** Every position each audit document saw, all streams together, in order. */
async function auditedPositions(store: ReadModelStore): Promise<bigint[]> {
  const { items } = await store.list<{ positions: string[] }>('audit');
  return items.flatMap((doc) => doc.positions.map(BigInt)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

describe.each(storeKinds)('projection runner into the %s store', (_kind, open) => {
  let fixture: StoreFixture;
  let store: ReadModelStore;
  let logStore: TestEventStore;
  let eventStore: EventStore;
  const runners: ProjectionRunner[] = [];
  const runner = (options: Partial<ConstructorParameters<typeof ProjectionRunner>[0]> = {}) => {
    const created = new ProjectionRunner({ eventStore, store, retryDelayMs: 0, ...options });
    runners.push(created);
    return created;
  };

  beforeEach(async () => {
    fixture = await open();
    store = fixture.store;
    logStore = await openTestEventStore();
    eventStore = logStore.eventStore;
  });
  afterEach(async () => {
    await Promise.all(runners.splice(0).map((r) => r.stop()));
    await logStore.dispose();
    await fixture.close();
  });

  it('catches up on the log, goes live, and read-your-writes waits for an append position', async () => {
    await appendEvents(eventStore, library);
    const projections = runner({ batchSize: 4 });
    await projections.start();
    expect(await projections.waitForPosition(await eventStore.headPosition(), 5000)).toBe(true);
    await eventually(() => expect(projections.status().state).toBe('live'));
    expect(await titleQueue(store, 't1')).toEqual(['h2', 'h3']);
    expect(await holdIndex(store, 'h1')).toEqual({ holdId: 'h1', titleId: 't1', cardNumber: 'c1', status: 'ready' });

    const position = await appendEvents(eventStore, [e.holdCancelled('t1', 'h2', 'c2', 'waiting')]);
    expect(await projections.waitForPosition(position, 5000)).toBe(true);
    expect(projections.status()).toEqual({ state: 'live', position, error: null });
    expect(await store.getCheckpoint()).toBe(position);
    expect(await patronHolds(store, 'c3')).toMatchObject([{ holdId: 'h3', queuePosition: 1, queueLength: 1 }]);
    expect(await projections.lag()).toEqual({ events: 0, milliseconds: 0 });
  });

  it('follows a long stream appended while it catches up, ending with exactly what a rebuild gives', async () => {
    const stream = simulateLibrary({ events: 6000, seed: 7 });
    await appendInBulk(eventStore, stream.slice(0, 3000));
    const projections = runner({ batchSize: 100 });
    await projections.start();
    for (let i = 3000; i < stream.length; i += 250) await appendInBulk(eventStore, stream.slice(i, i + 250));
    expect(await projections.waitForPosition(await eventStore.headPosition(), 20_000)).toBe(true);

    const rebuilt = new InMemoryReadModelStore();
    await rebuildReadModels(eventStore, rebuilt);
    const live = await store.snapshot();
    expect(live).toEqual(await rebuilt.snapshot());
    expect(Object.keys(live.indexes.holds)).toEqual(expect.arrayContaining(['ready', 'shelf:main', 'call:main']));
    expect(Object.keys(live.indexes['hold-shelf-copies'])).toEqual(expect.arrayContaining(['clearance:main']));
  });

  it('gives up waiting for a position after the timeout', async () => {
    const projections = runner();
    await projections.start();
    expect(await projections.waitForPosition(1000n, 20)).toBe(false);
    expect(await waitForCheckpoint(fixture.reopen(), 1000n, { timeoutMs: 20 })).toBe(false);
  });

  it('another process reading the same store waits for the checkpoint to pass an append position', async () => {
    const projections = runner();
    await projections.start();
    const position = await appendEvents(eventStore, library);
    expect(await waitForCheckpoint(fixture.reopen(), position, { timeoutMs: 5000 })).toBe(true);
    expect(await titleQueue(fixture.reopen(), 't1')).toEqual(['h2', 'h3']);
  });

  it('stops on a read model that throws, reports it, and after the fix resumes with no event skipped or doubled', async () => {
    await appendEvents(eventStore, busyLibrary(40));
    const all = await eventStore.readAll();
    const failOn: { eventId: string | null } = { eventId: all[45].id };
    const readModels = [...allReadModels, auditReadModel(failOn)];
    const projections = runner({ batchSize: 7, readModels });
    await projections.start();

    await eventually(() => expect(projections.status().state).toBe('failed'));
    expect(projections.status()).toEqual({
      state: 'failed',
      position: all[44].position,
      error: expect.stringMatching(/audit failed on EmailRegistered .*cannot fold/),
    });
    expect(await store.getCheckpoint()).toBe(all[44].position);
    expect(await projections.waitForPosition(all[45].position, 1000)).toBe(false);
    expect(await projections.lag()).toMatchObject({ events: all.length - 45 });

    const more = await appendEvents(eventStore, busyLibrary(45).slice(80));
    expect(await store.getCheckpoint()).toBe(all[44].position);

    failOn.eventId = null;
    await projections.restart();
    expect(await projections.waitForPosition(more, 5000)).toBe(true);
    const positions = (await eventStore.readAll()).map((event) => event.position);
    expect(await auditedPositions(store)).toEqual(positions);
    expect(projections.status().error).toBeNull();
  });

  it('a second runner on the same store carries on from the first one’s checkpoint', async () => {
    const readModels = [...allReadModels, auditReadModel({ eventId: null })];
    await appendEvents(eventStore, busyLibrary(20));
    const first = runner({ readModels, batchSize: 5 });
    await first.start();
    expect(await first.waitForPosition(await eventStore.headPosition(), 5000)).toBe(true);
    await first.stop();

    const head = await appendEvents(eventStore, busyLibrary(30).slice(40));
    const second = runner({ readModels, store: fixture.reopen(), batchSize: 5 });
    await second.start();
    expect(await second.waitForPosition(head, 5000)).toBe(true);
    expect(await auditedPositions(store)).toEqual((await eventStore.readAll()).map((event) => event.position));
  });

  it('restarts by itself after a store error, when allowed to', async () => {
    await appendEvents(eventStore, library);
    let failures = 1;
    const flaky: ReadModelStore = Object.create(store, {
      applyBatch: {
        value: (batch: Parameters<ReadModelStore['applyBatch']>[0]) => {
          if (failures-- > 0) return Promise.reject(new Error('connection reset'));
          return store.applyBatch(batch);
        },
      },
    });
    const projections = runner({ store: flaky, retryDelayMs: 20 });
    await projections.start();
    await eventually(() => expect(projections.status().position).toBe(BigInt(library.length - 1)));
    expect(await titleQueue(store, 't1')).toEqual(['h2', 'h3']);
  });
});
