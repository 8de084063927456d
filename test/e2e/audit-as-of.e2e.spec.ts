import { bearer, LibraryFixture } from '../support/library-fixture';
import { startTestApp, type TestApp } from '../support/test-app';

/** Staff can see a hold as it stood at any past instant, with the deadline the calendar gave then (R30). */
describe('a hold as of any past instant (GET /staff/holds/:holdId?asOf=)', () => {
  let app: TestApp;
  let library: LibraryFixture;

  beforeAll(async () => {
    app = await startTestApp({ now: '2026-11-23T01:00:00Z' });
    library = await LibraryFixture.create(app);
    await library.location('central');
  });
  afterAll(() => app.close());

  it('shows waiting, then ready with the deadline of that day, then the later deadline after a closure, then fulfilled', async () => {
    await library.registerOnly('200000001');
    await library.titleOnLoan('T-ASOF', 'central', '200000001');
    const patron = await library.patron('200000002');
    const hold = await app
      .http()
      .post('/me/holds')
      .set(bearer(patron))
      .send({ titleId: 'T-ASOF', pickupLocationId: 'central', contactMethod: 'phone' })
      .expect(201);
    const holdId = hold.body.holdId as string;

    app.clock.set('2026-11-24T02:00:00Z');
    await library.relogin();
    await library.checkin('T-ASOF-c1', 'central');
    app.clock.set('2026-11-25T02:00:00Z');
    await library.relogin();
    await library.calendar('central', { closedDates: ['2026-12-01'] });
    app.clock.set('2026-11-26T02:00:00Z');
    await library.relogin();
    await library.checkout('T-ASOF-c1', '200000002');

    const asOf = async (instant: string) =>
      (await app.http().get(`/staff/holds/${holdId}`).query({ asOf: instant }).set(bearer(library.staff)).expect(200)).body;

    expect(await asOf('2026-11-22T00:00:00Z')).toMatchObject({ status: null, eventsApplied: expect.any(Number) });
    expect(await asOf('2026-11-23T12:00:00+09:00')).toMatchObject({ status: 'waiting', queuePosition: 1, copyId: null });
    expect(await asOf('2026-11-24T12:00:00+09:00')).toMatchObject({
      status: 'ready',
      copyId: 'T-ASOF-c1',
      noticeDay: '2026-11-24',
      lastPickupDay: '2026-12-04',
    });
    expect(await asOf('2026-11-25T12:00:00+09:00')).toMatchObject({ status: 'ready', lastPickupDay: '2026-12-05' });
    expect(await asOf('2026-11-26T12:00:00+09:00')).toMatchObject({ status: 'fulfilled' });
    expect(await asOf('2026-11-25T12:00:00+09:00')).toMatchObject({ pickupLocationId: 'central', cardNumber: '200000002' });
    const now = (await app.http().get(`/staff/holds/${holdId}`).set(bearer(library.staff)).expect(200)).body;
    expect(now).toMatchObject({ status: 'fulfilled' });
  });

  it('answers 404 for an unknown hold and 400 for an instant without a time zone', async () => {
    await app.http().get('/staff/holds/no-such-hold').set(bearer(library.staff)).expect(404);
    const bad = await app.http().get('/staff/holds/no-such-hold').query({ asOf: '2026-11-24 12:00' }).set(bearer(library.staff)).expect(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'asOf' })]);
  });
});
