import { bearer, staffToken } from '../support/library-fixture';
import { startTestApp, type TestApp } from '../support/test-app';
import { ExpiryLibrary } from './expiry-fixture';

/**
 * The pickup window over real calendars (R18, R30, I3): a hold ready on its notice day is kept for 10 open days
 * of its pickup location counted from the day after, and the sweep expires it on the 11th, never before.
 */
describe.each(['library-b', 'library-a'])('pickup-window expiry on the calendar (%s)', (policy) => {
  let app: TestApp;
  let world: ExpiryLibrary;

  beforeAll(async () => {
    app = await startTestApp({ env: { LIBRARY_POLICY: policy } });
    world = new ExpiryLibrary(app);
  });
  afterAll(() => app.close());

  it('an ordinary fortnight: still ready on the 10th open day, expired on the 11th, at local midnight in Tokyo (R18, I3)', async () => {
    await world.location('fortnight', { weeklyClosedDays: [1] });
    const hold = await world.readyHold('T-fortnight', 'fortnight', '2026-12-01');
    expect(await world.readyList(hold.cardNumber)).toEqual([
      expect.objectContaining({ holdId: hold.holdId, noticeDay: '2026-12-01', lastPickupDay: '2026-12-12' }),
    ]);

    expect(await world.sweepOn('2026-12-12')).toEqual([]);
    // 23:59 on the 10th open day in Tokyo is already the next day in some server time zones, never here.
    expect(await world.sweepOn('2026-12-12', '23:59')).toEqual([]);
    expect(await world.readyList(hold.cardNumber)).toHaveLength(1);

    expect(await world.sweepOn('2026-12-13')).toEqual([hold.holdId]);
    expect(await world.readyList(hold.cardNumber)).toEqual([]);
    expect(await world.sweepOn('2026-12-13', '12:00')).toEqual([]);
    expect(await world.expiries(hold.titleId, hold.holdId)).toBe(1);
  });

  it('the year-end closure (12/29-1/3) does not count: expired on 1/10 (R18, R30)', async () => {
    await world.location('year-end', { closedRanges: [{ from: '2026-12-29', to: '2027-01-03' }] });
    const hold = await world.readyHold('T-year-end', 'year-end', '2026-12-24');
    expect((await world.readyList(hold.cardNumber))[0]).toMatchObject({ lastPickupDay: '2027-01-09' });

    expect(await world.sweepOn('2027-01-01')).toEqual([]);
    expect(await world.sweepOn('2027-01-09')).toEqual([]);
    expect(await world.sweepOn('2027-01-10')).toEqual([hold.holdId]);
  });

  it('Golden Week with closedOnNationalHolidays and Mondays closed: expired on 5/13 (R30)', async () => {
    await world.location('golden-week', { weeklyClosedDays: [1], closedOnNationalHolidays: true });
    const hold = await world.readyHold('T-golden-week', 'golden-week', '2027-04-27');
    expect((await world.readyList(hold.cardNumber))[0]).toMatchObject({ lastPickupDay: '2027-05-12' });

    expect(await world.sweepOn('2027-05-06')).toEqual([]);
    expect(await world.sweepOn('2027-05-12')).toEqual([]);
    expect(await world.sweepOn('2027-05-13')).toEqual([hold.holdId]);
  });

  it('closed every Monday and the day after a national holiday, open on the holiday itself: expired on the holiday 2/23 (R30)', async () => {
    await world.location('day-after', { weeklyClosedDays: [1], closedDayAfterNationalHoliday: true });
    // 2/11 (Thu, a holiday) is open, 2/12 closed; 2/15 and 2/22 are Mondays; 2/23 is a holiday, open.
    const hold = await world.readyHold('T-day-after', 'day-after', '2027-02-09');
    expect((await world.readyList(hold.cardNumber))[0]).toMatchObject({ lastPickupDay: '2027-02-21' });

    expect(await world.due('2027-02-22')).toEqual([]);
    expect(await world.sweepOn('2027-02-22')).toEqual([]);
    expect(await world.due('2027-02-23')).toEqual([expect.objectContaining({ holdId: hold.holdId, lastPickupDay: '2027-02-21', expiryDay: '2027-02-23' })]);
    expect(await world.sweepOn('2027-02-23')).toEqual([hold.holdId]);
  });

  it('an emergency closure added after the notice lengthens the window the patron sees and the sweep uses (R30)', async () => {
    await world.location('storm', { weeklyClosedDays: [1] });
    const hold = await world.readyHold('T-storm', 'storm', '2026-12-01');
    expect((await world.readyList(hold.cardNumber))[0]).toMatchObject({ lastPickupDay: '2026-12-12' });

    world.on('2026-12-05');
    await world.calendar('storm', { weeklyClosedDays: [1], closedDates: ['2026-12-08', '2026-12-09'] });
    expect((await world.readyList(hold.cardNumber))[0]).toMatchObject({ lastPickupDay: '2026-12-15' });
    expect(await world.due('2026-12-13')).toEqual([]);

    expect(await world.sweepOn('2026-12-13')).toEqual([]);
    expect(await world.sweepOn('2026-12-15')).toEqual([]);
    expect(await world.sweepOn('2026-12-16')).toEqual([hold.holdId]);
    const expired = (await world.holdHistory(hold.holdId)).find((entry) => entry.type === 'PickupExpired');
    expect(expired?.data).toMatchObject({ lastPickupDay: '2026-12-15', expiredOn: '2026-12-16' });
  });

  it('the deadline the patron sees, the one staff see as due, and the one in the audit trail agree (R23, I3)', async () => {
    await world.location('agree', { weeklyClosedDays: [1, 2] });
    const hold = await world.readyHold('T-agree', 'agree', '2027-03-05');
    const [shown] = await world.readyList(hold.cardNumber);

    const dueDay = (await world.due('2027-06-30')).find((due) => due.holdId === hold.holdId);
    expect(dueDay).toMatchObject({ noticeDay: '2027-03-05', lastPickupDay: shown.lastPickupDay });
    expect(await world.due(shown.lastPickupDay)).toEqual([]);

    world.on(dueDay!.expiryDay, '00:05');
    const { expired } = await world.sweep();
    expect(expired).toEqual([expect.objectContaining({ holdId: hold.holdId, lastPickupDay: shown.lastPickupDay, expiredOn: dueDay!.expiryDay })]);
    const audited = (await world.holdHistory(hold.holdId)).find((entry) => entry.type === 'PickupExpired');
    expect(audited?.data).toMatchObject({ lastPickupDay: shown.lastPickupDay, expiredOn: dueDay!.expiryDay });
  });

  it('staff sweep on demand and list what is due; other roles and patrons may not (I7)', async () => {
    await world.location('desk');
    const hold = await world.readyHold('T-desk', 'desk', '2027-07-01');
    world.on('2027-07-12');
    const due = await app
      .http()
      .get('/staff/expiry/due')
      .set(bearer(await world.staff()))
      .expect(200);
    expect(due.body).toMatchObject({
      day: '2027-07-12',
      total: 1,
      items: [
        {
          holdId: hold.holdId,
          titleName: 'Title T-desk',
          cardNumber: hold.cardNumber,
          pickupLocationId: 'desk',
          noticeDay: '2027-07-01',
          lastPickupDay: '2027-07-11',
          expiryDay: '2027-07-12',
        },
      ],
    });
    await app
      .http()
      .get('/staff/expiry/due')
      .query({ on: '2027-7-12' })
      .set(bearer(await world.staff()))
      .expect(400);

    await app
      .http()
      .post('/staff/accounts')
      .set(bearer(await world.staff()))
      .send({ staffId: 'auditor-x', name: 'Auditor', roles: ['auditor'], password: 'auditor-password' })
      .expect(201);
    const auditor = await staffToken(app, 'auditor-x', 'auditor-password');
    await app.http().post('/staff/expiry/sweep').set(bearer(auditor)).expect(403);
    await app.http().get('/staff/expiry/due').set(bearer(auditor)).expect(403);
    await app
      .http()
      .post('/staff/expiry/sweep')
      .set(bearer(await world.patron(hold.cardNumber)))
      .expect(403);
    await app.http().post('/staff/expiry/sweep').expect(401);

    const swept = await app
      .http()
      .post('/staff/expiry/sweep')
      .set(bearer(await world.staff()))
      .expect(200);
    expect(swept.headers['x-event-position']).toEqual(expect.any(String));
    expect(swept.body).toMatchObject({
      today: '2027-07-12',
      due: 1,
      expired: [{ holdId: hold.holdId, expiredOn: '2027-07-12', handedOnTo: null }],
      actor: { kind: 'staff', id: 'admin' },
    });
    expect(
      (
        await app
          .http()
          .post('/staff/expiry/sweep')
          .set(bearer(await world.staff()))
          .expect(200)
      ).body,
    ).toMatchObject({ due: 0, expired: [] });
  });
});
