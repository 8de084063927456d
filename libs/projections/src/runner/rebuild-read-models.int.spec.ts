import type { DomainEvent } from '@libs/domain';
import type { EventStore } from '@libs/event-store';
import { appendEvents } from '../../test-support/append-events';
import { auditReadModel } from '../../test-support/audit-read-model';
import { events as e } from '../../test-support/domain-events';
import { openTestEventStore, type TestEventStore } from '../../test-support/lmdb-event-store';
import { storeKinds, type StoreFixture } from '../../test-support/stores';
import { allReadModels } from '../read-models/all-read-models';
import { holdIndexes, holdsCollection } from '../read-models/holds/holds.read-model';
import { InMemoryReadModelStore } from '../store/in-memory-read-model-store';
import type { ReadModelStore } from '../store/read-model-store';
import { ProjectionRunner } from './projection-runner';
import { rebuildReadModels } from './rebuild-read-models';

/** A busy hold shelf: `count` ready holds at the main library. */
function shelfOf(count: number): DomainEvent[] {
  const out: DomainEvent[] = [e.locationRegistered('main')];
  for (let i = 0; i < count; i++) {
    out.push(
      e.titleCatalogued(`t${i}`),
      e.copyAdded(`t${i}`, `copy${i}`, 'main'),
      e.holdPlaced(`t${i}`, `h${i}`, `c${i % 7}`, 'main', 'phone'),
      e.holdReady(`t${i}`, `h${i}`, `c${i % 7}`, `copy${i}`, 'main', '2026-04-01', { contactMethod: 'phone' }),
    );
  }
  return out;
}

describe.each(storeKinds)('rebuilding the read models in the %s store', (_kind, open) => {
  let fixture: StoreFixture;
  let store: ReadModelStore;
  let logStore: TestEventStore;
  let eventStore: EventStore;
  beforeEach(async () => {
    fixture = await open();
    store = fixture.store;
    logStore = await openTestEventStore();
    eventStore = logStore.eventStore;
  });
  afterEach(async () => {
    await logStore.dispose();
    await fixture.close();
  });

  async function projectLive(): Promise<ProjectionRunner> {
    const runner = new ProjectionRunner({ eventStore, store, retryDelayMs: 0 });
    await runner.start();
    expect(await runner.waitForPosition(await eventStore.headPosition(), 10_000)).toBe(true);
    return runner;
  }

  it('yields exactly the read models the live runner built (I5)', async () => {
    await appendEvents(eventStore, [...shelfOf(30), e.holdCancelled('t3', 'h3', 'c3', 'ready', 'copy3'), e.patronContacted('t4', 'h4', 'c4', 'called')]);
    const runner = await projectLive();
    await runner.stop();
    const live = await store.snapshot();

    const progress: bigint[] = [];
    const result = await rebuildReadModels(eventStore, store, { batchSize: 16, onProgress: (p) => progress.push(p.position) });
    expect(result).toEqual({ position: await eventStore.headPosition(), events: 123 });
    expect(progress.length).toBe(Math.ceil(123 / 16));
    expect(await store.snapshot()).toEqual(live);
  });

  it('swaps in without an empty window: a reader polling during the rebuild always sees the full shelf', async () => {
    await appendEvents(eventStore, shelfOf(60));
    await (await projectLive()).stop();

    const totals: number[] = [];
    const readDuringRebuild: Promise<void>[] = [];
    const read = async () => {
      totals.push((await fixture.reopen().list(holdsCollection, { index: holdIndexes.shelf('main') })).total);
    };
    let rebuilding = true;
    const poller = (async () => {
      while (rebuilding) await read();
    })();
    await rebuildReadModels(eventStore, store, { batchSize: 8, onProgress: () => readDuringRebuild.push(read()) });
    rebuilding = false;
    await Promise.all([poller, ...readDuringRebuild]);

    expect(readDuringRebuild.length).toBeGreaterThan(1);
    expect(new Set(totals)).toEqual(new Set([60]));
  });

  it('a live runner carries on in the swapped-in generation, missing nothing', async () => {
    await appendEvents(eventStore, shelfOf(20));
    const runner = await projectLive();
    await rebuildReadModels(eventStore, store, { batchSize: 7 });
    const position = await appendEvents(eventStore, [e.holdFulfilled('t1', 'h1', 'c1', 'copy1'), e.holdPlaced('t2', 'h99', 'c9', 'main')]);
    expect(await runner.waitForPosition(position, 10_000)).toBe(true);
    await runner.stop();

    const fresh = new InMemoryReadModelStore();
    await rebuildReadModels(eventStore, fresh);
    expect(await store.snapshot()).toEqual(await fresh.snapshot());
  });

  it('a runner whose batch was overtaken by the swap resubscribes from the new checkpoint, applying nothing twice', async () => {
    const readModels = [...allReadModels, auditReadModel({ eventId: null })];
    await appendEvents(eventStore, shelfOf(3));
    let release: () => void = () => undefined;
    const gate: { opened?: Promise<void> } = {};
    const gated: ReadModelStore = Object.create(store, {
      applyBatch: {
        value: async (batch: Parameters<ReadModelStore['applyBatch']>[0]) => {
          await gate.opened;
          return store.applyBatch(batch);
        },
      },
    });
    const warnings: string[] = [];
    const logger = { info: () => undefined, error: () => undefined, warn: (_details: object, message: string) => warnings.push(message) };
    const runner = new ProjectionRunner({ eventStore, store: gated, readModels, retryDelayMs: 0, logger });
    await runner.start();
    expect(await runner.waitForPosition(await eventStore.headPosition(), 10_000)).toBe(true);

    gate.opened = new Promise((resolve) => (release = resolve));
    const held = await appendEvents(eventStore, [e.holdFulfilled('t1', 'h1', 'c1', 'copy1')]);
    await rebuildReadModels(eventStore, store, { readModels });
    expect(await store.getCheckpoint()).toBe(held);
    release();
    const next = await appendEvents(eventStore, [e.holdPlaced('t2', 'h99', 'c9', 'main')]);
    expect(await runner.waitForPosition(next, 10_000)).toBe(true);
    await runner.stop();
    expect(warnings).toEqual(['projections: checkpoint moved, resubscribing']);

    const fresh = new InMemoryReadModelStore();
    await rebuildReadModels(eventStore, fresh, { readModels });
    expect(await store.snapshot()).toEqual(await fresh.snapshot());
  });

  it('a rebuild that fails leaves the live read models as they were', async () => {
    await appendEvents(eventStore, shelfOf(5));
    await (await projectLive()).stop();
    const before = await store.snapshot();
    const [, second] = await eventStore.readAll();
    const failing = rebuildReadModels(eventStore, store, { readModels: [...allReadModels, auditReadModel({ eventId: second.id })] });
    await expect(failing).rejects.toThrow(/cannot fold/);
    expect(await store.snapshot()).toEqual(before);
  });
});
