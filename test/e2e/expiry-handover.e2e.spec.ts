import { bearer } from '../support/library-fixture';
import { startTestApp, type TestApp } from '../support/test-app';
import { ExpiryLibrary } from './expiry-fixture';

/** I4: the copy of an expired hold goes to the next waiting hold in the same append, or waits for clearance. */
describe('what happens to the copy when a ready hold expires (I4)', () => {
  let app: TestApp;
  let world: ExpiryLibrary;

  beforeAll(async () => {
    app = await startTestApp();
    world = new ExpiryLibrary(app);
    await world.location('central', { weeklyClosedDays: [1] });
    await world.location('branch');
  });
  afterAll(() => app.close());

  it('the next waiting patron gets the copy with a new notice and a full window; it is not on the clearance list (I4, R17, R18)', async () => {
    const first = await world.readyHold('T-next', 'central', '2026-12-01');
    const second = await world.waitingHold('T-next', 'central');

    world.on('2026-12-13', '00:05');
    const { expired } = await world.sweep();
    expect(expired).toEqual([
      expect.objectContaining({
        holdId: first.holdId,
        copyId: first.copyId,
        handedOnTo: { holdId: second.holdId, cardNumber: second.cardNumber, status: 'ready' },
      }),
    ]);

    const ready = await world.readyList(second.cardNumber);
    expect(ready).toEqual([expect.objectContaining({ holdId: second.holdId, copyId: first.copyId, noticeDay: '2026-12-13', lastPickupDay: '2026-12-25' })]);
    expect(await world.readyList(first.cardNumber)).toEqual([]);
    expect(await world.clearance('central')).not.toContainEqual(expect.objectContaining({ copyId: first.copyId }));

    const shelf = await app
      .http()
      .get('/staff/locations/central/hold-shelf')
      .set(bearer(await world.staff()))
      .expect(200);
    expect(shelf.body.items).toEqual([expect.objectContaining({ holdId: second.holdId, copyId: first.copyId })]);

    // The same append: PickupExpired, then HoldReady for the next hold with the same copy, and no clearance.
    const log = await world.titleEvents('T-next');
    const expiredAt = log.findIndex((event) => event.type === 'PickupExpired');
    expect(log.slice(expiredAt).map((event) => event.type)).toEqual(['PickupExpired', 'HoldReady']);
    expect(log[expiredAt + 1].data).toMatchObject({ holdId: second.holdId, copyId: first.copyId });
    expect(log[expiredAt].position).toBe(log[expiredAt + 1].position - 1n);
  });

  it('the patron whose hold expired has the hold slot back (R7) and the audit trail tells the whole story', async () => {
    const hold = await world.readyHold('T-slot', 'central', '2026-12-01');
    world.on('2026-12-13', '00:05');
    await world.sweep();
    const history = await world.holdHistory(hold.holdId);
    expect(history.map((entry) => entry.type)).toEqual(['HoldSlotClaimed', 'HoldPlaced', 'HoldReady', 'PickupExpired', 'HoldSlotReleased']);
    expect(history.find((entry) => entry.type === 'PickupExpired')?.data).toMatchObject({
      lastPickupDay: '2026-12-12',
      expiredOn: '2026-12-13',
      copyId: hold.copyId,
    });
  });

  it('with nobody waiting the copy lands on the clearance list of its location until staff clear it (I4)', async () => {
    const hold = await world.readyHold('T-alone', 'central', '2026-12-01');
    world.on('2026-12-13', '00:05');
    const { expired } = await world.sweep();
    expect(expired).toEqual([expect.objectContaining({ holdId: hold.holdId, handedOnTo: null })]);

    world.on('2026-12-13');
    const onShelf = (await world.clearance('central')).filter((entry) => entry.copyId === hold.copyId);
    expect(onShelf).toEqual([expect.objectContaining({ holdId: hold.holdId, reason: 'expired' })]);
    await app
      .http()
      .post('/staff/hold-shelf/clearances')
      .set(bearer(await world.staff()))
      .send({ copyId: hold.copyId })
      .expect(204);
    expect(await world.clearance('central')).not.toContainEqual(expect.objectContaining({ copyId: hold.copyId }));
  });

  it('a copy handed on to a hold elsewhere travels there, and the expired hold needs no clearance (I4)', async () => {
    const first = await world.readyHold('T-travel', 'central', '2026-12-01');
    const elsewhere = await world.waitingHold('T-travel', 'branch');
    world.on('2026-12-13', '00:05');
    const { expired } = await world.sweep();
    expect(expired).toEqual([
      expect.objectContaining({ holdId: first.holdId, handedOnTo: { holdId: elsewhere.holdId, cardNumber: elsewhere.cardNumber, status: 'in-transit' } }),
    ]);

    world.on('2026-12-13');
    expect(await world.clearance('central')).not.toContainEqual(expect.objectContaining({ copyId: first.copyId }));
    const arrived = await world.checkIn(first.copyId, 'branch');
    expect(arrived.outcome).toMatchObject({ action: 'hold-shelf', holdId: elsewhere.holdId });
    expect(await world.readyList(elsewhere.cardNumber)).toEqual([expect.objectContaining({ holdId: elsewhere.holdId, noticeDay: '2026-12-13' })]);
  });

  it('a chain: the next patron does not collect either, and the copy goes on to the third (I3, I4)', async () => {
    const first = await world.readyHold('T-chain', 'central', '2026-12-01');
    const second = await world.waitingHold('T-chain', 'central');
    const third = await world.waitingHold('T-chain', 'central');
    world.on('2026-12-13', '00:05');
    await world.sweep();
    // 12/13 notice: ten open days without the Mondays 12/14 and 12/21, last 12/25, expired 12/26.
    // Other tests' holds share the app: look at this title's only.
    expect(await world.sweepOn('2026-12-25')).not.toContain(second.holdId);
    expect(await world.sweepOn('2026-12-26')).toContain(second.holdId);
    expect(await world.readyList(third.cardNumber)).toEqual([expect.objectContaining({ holdId: third.holdId, copyId: first.copyId, noticeDay: '2026-12-26' })]);
    world.on('2026-12-26');
    expect(await world.clearance('central')).not.toContainEqual(expect.objectContaining({ copyId: first.copyId }));
    for (const hold of [first, second]) expect(await world.expiries('T-chain', hold.holdId)).toBe(1);
  });
});
