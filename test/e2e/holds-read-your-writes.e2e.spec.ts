import { bearer, headPosition, readModelModes, startLibrary, type LibraryFixture, type LibraryRun } from '../support/library-fixture';
import type { TestApp } from '../support/test-app';

const LENDER = '900000001';

/**
 * Read-your-writes: commands answer X-Event-Position; a query waits (up to 2 s) until the read models reach the
 * head of the log as it stood when the query came in, or the `?after=` position the client passes.
 */
describe.each(readModelModes())('read-your-writes (read models: %s)', (_name, mode) => {
  let run: LibraryRun;
  let app: TestApp;
  let library: LibraryFixture;
  let token: string;

  beforeAll(async () => {
    run = await startLibrary(mode());
    ({ app, library } = run);
    await library.location('central');
    await library.registerOnly(LENDER);
    for (let i = 1; i <= 8; i++) await library.titleOnLoan(`T-${i}`, 'central', LENDER);
    token = await library.patron('100000001');
  });
  afterAll(() => run.close());

  const holds = (query = '') => app.http().get(`/me/holds${query}`).set(bearer(token));

  it('right after POST /me/holds, GET /me/holds shows the hold, every time', async () => {
    const placed: string[] = [];
    for (let i = 1; i <= 6; i++) {
      const answer = await library.placeHold(token, `T-${i}`, 'central').expect(201);
      expect(answer.headers['x-event-position']).toMatch(/^\d+$/);
      placed.push(answer.body.holdId);
      const list = await holds().expect(200);
      expect(list.headers['x-read-models-behind']).toBeUndefined();
      expect(list.body.items.map((hold: { holdId: string }) => hold.holdId).sort()).toEqual([...placed].sort());
    }
  });

  it('?after= the position a command answered shows its effect; a check-in is on the ready list at once, a cancel gone at once', async () => {
    const placed = await library.placeHold(token, 'T-7', 'central').expect(201);
    const position = placed.headers['x-event-position'];
    expect((await holds(`?after=${position}`).expect(200)).body.items).toContainEqual(expect.objectContaining({ holdId: placed.body.holdId }));

    const checkin = await app.http().post('/staff/checkins').set(bearer(library.staff)).send({ copyId: 'T-7-c1', locationId: 'central' }).expect(201);
    const ready = await app.http().get(`/me/holds/ready?after=${checkin.headers['x-event-position']}`).set(bearer(token)).expect(200);
    expect(ready.body.items).toEqual([expect.objectContaining({ holdId: placed.body.holdId })]);

    const other = (await holds().expect(200)).body.items[0].holdId;
    await app.http().delete(`/me/holds/${other}`).set(bearer(token)).expect(204);
    expect((await holds().expect(200)).body.items.map((hold: { holdId: string }) => hold.holdId)).not.toContain(other);
  });

  it('?after= a position the log has not reached: the answer comes after the wait, flagged X-Read-Models-Behind', async () => {
    const ahead = (await headPosition(app)) + 1000n;
    const answer = await holds(`?after=${ahead}`).expect(200);
    expect(answer.headers['x-read-models-behind']).toBe('true');
    expect(answer.body.items.length).toBeGreaterThan(0);
  });

  it('?after= that is not a position is a 400 naming the parameter', async () => {
    for (const bad of ['abc', '-1', '1.5', '9'.repeat(31)]) {
      const answer = await holds(`?after=${bad}`).expect(400);
      expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(answer.body.errors).toEqual([expect.objectContaining({ field: 'after' })]);
    }
  });
});
