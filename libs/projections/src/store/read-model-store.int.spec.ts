import { storeKinds, type StoreFixture } from '../../test-support/stores';
import { CheckpointConflictError, type DocumentWrite, type ReadModelStore } from './read-model-store';

const put = (collection: string, id: string, doc: unknown, addIndexes: string[] = [], removeIndexes: string[] = []): DocumentWrite => ({
  collection,
  id,
  doc,
  addIndexes,
  removeIndexes,
});
const del = (collection: string, id: string, removeIndexes: string[] = []): DocumentWrite => ({ collection, id, doc: null, addIndexes: [], removeIndexes });

describe.each(storeKinds)('read-model store contract: %s', (_kind, open) => {
  let fixture: StoreFixture;
  let store: ReadModelStore;
  beforeEach(async () => {
    fixture = await open();
    store = fixture.store;
  });
  afterEach(() => fixture.close());

  it('starts empty, with no checkpoint', async () => {
    expect(await store.getCheckpoint()).toBeNull();
    expect(await store.get('holds', 'h1')).toBeUndefined();
    expect(await store.getMany('holds', ['h1', 'h2'])).toEqual([undefined, undefined]);
    expect(await store.list('holds', { index: 'shelf:main' })).toEqual({ items: [], total: 0, offset: 0, limit: 0 });
  });

  it('writes a batch of documents, their lists and the checkpoint together', async () => {
    await store.applyBatch({
      writes: [
        put('holds', 'h2', { id: 'h2' }, ['shelf:main']),
        put('holds', 'h1', { id: 'h1', n: 1 }, ['shelf:main', 'ready']),
        put('titles', 't1', { id: 't1' }),
      ],
      checkpoint: 7n,
      expectedCheckpoint: null,
    });
    expect(await store.getCheckpoint()).toBe(7n);
    expect(await store.get('holds', 'h1')).toEqual({ id: 'h1', n: 1 });
    expect(await store.getMany('holds', ['h2', 'nope', 'h1'])).toEqual([{ id: 'h2' }, undefined, { id: 'h1', n: 1 }]);
    expect(await store.list('holds', { index: 'shelf:main' })).toEqual({ items: [{ id: 'h1', n: 1 }, { id: 'h2' }], total: 2, offset: 0, limit: 2 });
    expect(await store.list('holds')).toMatchObject({ total: 2 });
    expect(await store.list('titles')).toMatchObject({ items: [{ id: 't1' }], total: 1 });
  });

  it('pages a list in id order', async () => {
    const ids = ['a', 'c', 'e', 'b', 'd'];
    await store.applyBatch({ writes: ids.map((id) => put('holds', id, { id }, ['shelf:main'])), checkpoint: 1n, expectedCheckpoint: null });
    expect(await store.list('holds', { index: 'shelf:main', offset: 1, limit: 2 })).toEqual({
      items: [{ id: 'b' }, { id: 'c' }],
      total: 5,
      offset: 1,
      limit: 2,
    });
    expect(await store.list('holds', { index: 'shelf:main', offset: 4, limit: 10 })).toEqual({ items: [{ id: 'e' }], total: 5, offset: 4, limit: 10 });
    expect(await store.list('holds', { index: 'shelf:main', offset: 9, limit: 10 })).toEqual({ items: [], total: 5, offset: 9, limit: 10 });
  });

  it('moves documents between lists and deletes them', async () => {
    await store.applyBatch({
      writes: [put('holds', 'h1', { v: 1 }, ['shelf:main']), put('holds', 'h2', { v: 1 }, ['shelf:main'])],
      checkpoint: 1n,
      expectedCheckpoint: null,
    });
    await store.applyBatch({
      writes: [put('holds', 'h1', { v: 2 }, ['clearance:main'], ['shelf:main']), del('holds', 'h2', ['shelf:main'])],
      checkpoint: 2n,
      expectedCheckpoint: 1n,
    });
    expect(await store.list('holds', { index: 'shelf:main' })).toMatchObject({ items: [], total: 0 });
    expect(await store.list('holds', { index: 'clearance:main' })).toMatchObject({ items: [{ v: 2 }], total: 1 });
    expect(await store.get('holds', 'h2')).toBeUndefined();
    expect(await store.snapshot()).toEqual({ checkpoint: 2n, documents: { holds: { h1: { v: 2 } } }, indexes: { holds: { 'clearance:main': ['h1'] } } });
  });

  it('refuses a batch whose writer read another checkpoint, writing nothing (I5)', async () => {
    await store.applyBatch({ writes: [put('holds', 'h1', { v: 1 })], checkpoint: 5n, expectedCheckpoint: null });
    const stale = store.applyBatch({ writes: [put('holds', 'h1', { v: 2 }, ['ready'])], checkpoint: 6n, expectedCheckpoint: 4n });
    await expect(stale).rejects.toBeInstanceOf(CheckpointConflictError);
    await expect(stale).rejects.toMatchObject({ expected: 4n, actual: 5n });
    expect(await store.get('holds', 'h1')).toEqual({ v: 1 });
    expect(await store.getCheckpoint()).toBe(5n);
    expect(await store.list('holds', { index: 'ready' })).toMatchObject({ total: 0 });
  });

  it('keeps checkpoints beyond 2^53 exact', async () => {
    const far = 2n ** 63n - 1n;
    await store.applyBatch({ writes: [], checkpoint: far, expectedCheckpoint: null });
    expect(await store.getCheckpoint()).toBe(far);
    await store.applyBatch({ writes: [], checkpoint: far, expectedCheckpoint: far });
  });

  it('builds a new generation unseen, then swaps it in whole and drops the old one', async () => {
    await store.applyBatch({ writes: [put('holds', 'old', { v: 'old' }, ['shelf:main'])], checkpoint: 3n, expectedCheckpoint: null });
    const generation = await store.createGeneration();
    expect(await generation.store.getCheckpoint()).toBeNull();
    await generation.store.applyBatch({ writes: [put('holds', 'new', { v: 'new' }, ['shelf:main'])], checkpoint: 9n, expectedCheckpoint: null });

    expect(await store.list('holds', { index: 'shelf:main' })).toMatchObject({ items: [{ v: 'old' }] });
    expect(await fixture.reopen().getCheckpoint()).toBe(3n);

    await generation.promote();
    for (const reader of [store, fixture.reopen()]) {
      expect(await reader.getCheckpoint()).toBe(9n);
      expect(await reader.list('holds', { index: 'shelf:main' })).toMatchObject({ items: [{ v: 'new' }], total: 1 });
      expect(await reader.get('holds', 'old')).toBeUndefined();
    }
  });

  it('a discarded generation leaves the live one alone', async () => {
    await store.applyBatch({ writes: [put('holds', 'h1', { v: 1 })], checkpoint: 1n, expectedCheckpoint: null });
    const generation = await store.createGeneration();
    await generation.store.applyBatch({ writes: [put('holds', 'h2', { v: 2 })], checkpoint: 2n, expectedCheckpoint: null });
    await generation.discard();
    expect(await store.snapshot()).toEqual({ checkpoint: 1n, documents: { holds: { h1: { v: 1 } } }, indexes: {} });
  });

  it('copes with ids and lists that contain glob and Lua pattern characters', async () => {
    const id = 'odd*id?[x]%.\\';
    await store.applyBatch({ writes: [put('holds', id, { id }, [`shelf:${id}`])], checkpoint: 1n, expectedCheckpoint: null });
    expect(await store.list('holds', { index: `shelf:${id}` })).toMatchObject({ items: [{ id }] });
    expect((await store.snapshot()).indexes).toEqual({ holds: { [`shelf:${id}`]: [id] } });
  });
});
