import { bearer, LibraryFixture, redisMode, type ReadModelMode } from '../support/library-fixture';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * Fault: the read models stop following the log (every worker stopped; the read models are in Redis, which only the
 * worker keeps). Commands go on; a hold that exists must never be called unknown because the read models have not
 * seen it yet: the hold is found in the log itself.
 */
describe('fault: read models behind the log (workers stopped)', () => {
  let mode: ReadModelMode;
  let app: TestApp;
  let library: LibraryFixture;

  beforeEach(async () => {
    mode = redisMode();
    // An api process whose read models live in Redis and no worker: nothing projects.
    app = await startTestApp({ env: { ...mode.env, APP_ROLE: 'api' } });
    library = await LibraryFixture.create(app);
    await library.location('central');
    await library.patron('100000009');
    await library.titleOnLoan('T1', 'central', '100000009');
  });
  afterEach(async () => {
    await app.close();
    await mode.cleanup();
  });

  it('a patron cancels a hold the read models have not seen yet (DELETE /me/holds/{id} is 204, not 404)', async () => {
    const token = await library.patron('100000002');
    const placed = await library.placeHold(token, 'T1', 'central').expect(201);
    const listed = await app.http().get('/me/holds').set(bearer(token));
    expect(listed.headers['x-read-models-behind']).toBe('true');
    expect(listed.body.items).toEqual([]);

    await app.http().delete(`/me/holds/${placed.body.holdId}`).set(bearer(token)).expect(204);
    const history = await app.http().get(`/staff/holds/${placed.body.holdId}/history`).set(bearer(library.staff)).expect(200);
    expect(history.body.items.map((entry: { type: string }) => entry.type)).toEqual(['HoldSlotClaimed', 'HoldPlaced', 'HoldCancelled', 'HoldSlotReleased']);
  });

  it('staff see such a hold and its history from the log (GET /staff/holds/{id} and /history are 200)', async () => {
    const token = await library.patron('100000003');
    const placed = await library.placeHold(token, 'T1', 'central').expect(201);
    const hold = await app.http().get(`/staff/holds/${placed.body.holdId}`).set(bearer(library.staff)).expect(200);
    expect(hold.body).toMatchObject({ holdId: placed.body.holdId, status: 'waiting', titleId: 'T1', cardNumber: '100000003', queuePosition: 1 });
    const history = await app.http().get(`/staff/holds/${placed.body.holdId}/history`).set(bearer(library.staff)).expect(200);
    expect(history.body.items.map((entry: { type: string }) => entry.type)).toEqual(['HoldSlotClaimed', 'HoldPlaced']);
  });

  it('another patron still learns nothing of it (404, I7), and a hold that exists nowhere is 404', async () => {
    const owner = await library.patron('100000004');
    const stranger = await library.patron('100000005');
    const placed = await library.placeHold(owner, 'T1', 'central').expect(201);
    await app.http().delete(`/me/holds/${placed.body.holdId}`).set(bearer(stranger)).expect(404);
    const missing = await app.http().get('/staff/holds/00000000-0000-4000-8000-000000000000/history').set(bearer(library.staff)).expect(404);
    expect(missing.headers['content-type']).toContain('application/problem+json');
  });
});
