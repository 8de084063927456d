import { bearer, readModelModes, startLibrary, type LibraryFixture, type LibraryRun } from '../support/library-fixture';
import type { TestApp } from '../support/test-app';

const LENDER = '900000001';

/** I2: a copy serves at most one live hold and a hold at most one copy, when copies come back at the same moment. */
describe.each(readModelModes())('I2: copies checked in concurrently (read models: %s)', (_name, mode) => {
  let run: LibraryRun;
  let app: TestApp;
  let library: LibraryFixture;
  let patronCount = 0;

  beforeAll(async () => {
    run = await startLibrary(mode());
    ({ app, library } = run);
    await library.location('central');
    await library.registerOnly(LENDER);
  });
  afterAll(() => run.close());

  it.each([
    [3, 5],
    [5, 3],
    [4, 4],
  ])('%i copies back at once for %i waiting holds make exactly min(k, n) holds ready, each with its own copy, in queue order', async (k, n) => {
    const titleId = `T-${k}-${n}`;
    await library.title(titleId);
    const copies = Array.from({ length: k }, (_, index) => `${titleId}-c${index + 1}`);
    for (const copyId of copies) {
      await library.copy(copyId, titleId, 'central');
      await library.checkout(copyId, LENDER);
    }
    const queue: { card: string; token: string; holdId: string }[] = [];
    for (let index = 0; index < n; index++) {
      patronCount += 1;
      const card = String(100000000 + patronCount);
      const token = await library.patron(card);
      const { body } = await library.placeHold(token, titleId, 'central').expect(201);
      queue.push({ card, token, holdId: body.holdId });
    }

    const checkins = await Promise.all(
      copies.map((copyId) => app.http().post('/staff/checkins').set(bearer(library.staff)).send({ copyId, locationId: 'central' })),
    );
    for (const answer of checkins) expect(answer.status).toBe(201);

    const served = Math.min(k, n);
    const toShelf = checkins.filter((answer) => answer.body.outcome.action === 'hold-shelf');
    expect(toShelf).toHaveLength(served);
    expect(checkins.filter((answer) => answer.body.outcome.action === 'shelve')).toHaveLength(k - served);
    expect(new Set(toShelf.map((answer) => answer.body.outcome.holdId)).size).toBe(served);
    expect(toShelf.map((answer) => answer.body.outcome.holdId).sort()).toEqual(
      queue
        .slice(0, served)
        .map((hold) => hold.holdId)
        .sort(),
    );

    const assigned = new Map<string, string>();
    for (const [index, hold] of queue.entries()) {
      const ready = (await app.http().get('/me/holds/ready').set(bearer(hold.token)).expect(200)).body.items;
      const waiting = (await app.http().get('/me/holds').set(bearer(hold.token)).expect(200)).body.items;
      if (index < served) {
        expect(ready).toEqual([expect.objectContaining({ holdId: hold.holdId })]);
        expect(waiting).toEqual([]);
        assigned.set(hold.holdId, ready[0].copyId);
      } else {
        expect(ready).toEqual([]);
        expect(waiting).toEqual([expect.objectContaining({ holdId: hold.holdId, queuePosition: index - served + 1 })]);
      }
    }
    expect(new Set(assigned.values()).size).toBe(served);
    for (const copyId of assigned.values()) expect(copies).toContain(copyId);

    const shelf = (await app.http().get('/staff/locations/central/hold-shelf').set(bearer(library.staff)).expect(200)).body.items;
    const onShelfForTitle = shelf.filter((entry: { titleId: string }) => entry.titleId === titleId);
    expect(onShelfForTitle).toHaveLength(served);
    expect(new Set(onShelfForTitle.map((entry: { copyId: string }) => entry.copyId)).size).toBe(served);
  });
});
