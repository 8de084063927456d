import { bearer, LibraryFixture } from '../support/library-fixture';
import { startTestApp, type TestApp } from '../support/test-app';

describe('the hold lifecycle over HTTP (library-b)', () => {
  let app: TestApp;
  let library: LibraryFixture;

  beforeAll(async () => {
    app = await startTestApp();
    library = await LibraryFixture.create(app);
    await library.location('central', '中央図書館');
    await library.title('T-1', 'book', '吾輩は猫である');
    await library.copy('C-1', 'T-1', 'central');
  });
  afterAll(() => app.close());

  it('a patron places a hold, the copy comes back, the hold is ready, the patron picks it up', async () => {
    const lender = await library.patron('100000001');
    const patron = await library.patron('100000002');
    await library.checkout('C-1', '100000001');

    const placed = await app.http().post('/me/holds').set(bearer(patron)).send({ titleId: 'T-1', pickupLocationId: 'central', contactMethod: 'email' });
    expect(placed.status).toBe(409);
    expect(placed.body).toMatchObject({ type: '/problems/email-not-registered', rule: 'R14' });

    const hold = await app
      .http()
      .post('/me/holds')
      .set(bearer(patron))
      .send({ titleId: 'T-1', pickupLocationId: 'central', contactMethod: 'phone' })
      .expect(201);
    expect(hold.body).toEqual({ holdId: expect.any(String), status: 'waiting', queuePosition: 1 });

    const waiting = await app.http().get('/me/holds').set(bearer(patron)).expect(200);
    expect(waiting.body.items).toEqual([expect.objectContaining({ holdId: hold.body.holdId, queuePosition: 1, status: 'waiting' })]);

    const checkin = await library.checkin('C-1', 'central');
    expect(checkin.outcome).toMatchObject({ action: 'hold-shelf', holdId: hold.body.holdId, cardNumber: '100000002' });

    const ready = await app.http().get('/me/holds/ready').set(bearer(patron)).expect(200);
    expect(ready.body.items).toEqual([expect.objectContaining({ holdId: hold.body.holdId, pickupLocationId: 'central', lastPickupDay: '2026-12-03' })]);

    await app.http().delete(`/me/holds/${hold.body.holdId}`).set(bearer(patron)).expect(409);

    const pickup = await library.checkout('C-1', '100000002');
    expect(pickup.fulfilledHoldId).toBe(hold.body.holdId);
    const loans = await app.http().get('/me/loans').set(bearer(patron)).expect(200);
    expect(loans.body.items).toEqual([expect.objectContaining({ copyId: 'C-1', overdue: false })]);
    expect((await app.http().get('/me/loans').set(bearer(lender)).expect(200)).body.items).toEqual([]);

    const history = await app.http().get(`/staff/holds/${hold.body.holdId}/history`).set(bearer(library.staff)).expect(200);
    expect(history.body.items.map((entry: { type: string }) => entry.type)).toEqual([
      'HoldSlotClaimed',
      'HoldPlaced',
      'HoldReady',
      'CopyCheckedOut',
      'HoldFulfilled',
      'HoldSlotReleased',
    ]);
  });
});

describe('what a patron app reads before showing the hold form (GET /library)', () => {
  it.each(['library-a', 'library-b'])('%s: pickup locations (R13) and the contact methods offered (R14), without a token', async (policy) => {
    const app = await startTestApp({ env: { LIBRARY_POLICY: policy } });
    try {
      const library = await LibraryFixture.create(app);
      await library.location('central', '中央図書館');
      const answer = (await app.http().get('/library').expect(200)).body;
      expect(answer.pickupLocations).toEqual([{ locationId: 'central', name: '中央図書館' }]);
      expect(answer.contactMethods).toEqual(policy === 'library-a' ? ['email', 'none'] : ['phone', 'email', 'ring-only', 'voicemail', 'none']);
      expect(answer).toMatchObject({ holdLimit: 10, pickupOpenDays: 10, batchHolds: policy === 'library-b', onlinePasswordReset: policy === 'library-b' });
    } finally {
      await app.close();
    }
  });
});
