import { PickupWindowNotOver, UnknownHold, UnknownLocation } from '../errors';
import type { TitleEvent } from '../events';
import { calendarWith } from '../test/calendar-fixtures';
import { given, violationOf } from '../test/given';
import { BRANCH, bothPresets, catalogued, copyAdded, expireCommand, holdPlaced, holdReady, MAIN, openEverywhere, TITLE } from '../test/title-fixtures';
import { titleDecider } from './title-decider';

const mondaysClosed = calendarWith({ weeklyClosedDays: [1] });
const calendars = { ...openEverywhere, [MAIN]: mondaysClosed };
// Notice Monday 6/1 at a location closed on Mondays: open 6/2–6/7, 6/9–6/12; last pickup day 6/12, expires Saturday 6/13.
const ready = [catalogued(), copyAdded('c1'), holdPlaced('h1', 'p1'), holdReady('h1', 'p1', 'c1', { noticeDay: '2026-06-01', lastPickupDay: '2026-06-12' })];
const expired = (lastPickupDay = '2026-06-12', expiredOn = '2026-06-13'): TitleEvent => ({
  type: 'PickupExpired',
  data: { titleId: TITLE, holdId: 'h1', cardNumber: 'p1', copyId: 'c1', pickupLocationId: MAIN, lastPickupDay, expiredOn },
});

describe.each(bothPresets)('the pickup window runs out, %s', (_id, policy) => {
  const expire =
    (history: TitleEvent[], today: string, overrides = {}) =>
    () =>
      given(titleDecider, history).when(expireCommand('h1', today, { calendars, policy, ...overrides }));

  it('R18: cancelled automatically on the 11th open day after the notice; the copy awaits clearance (I4)', () => {
    const events = expire(ready, '2026-06-13')();
    expect(events).toEqual([expired()]);
    const state = given(titleDecider, [...ready, ...events]).state;
    expect(state.holds.h1.status).toBe('expired');
    expect(state.awaitingClearance).toEqual({ c1: { holdId: 'h1', locationId: MAIN } });
  });

  it('R18: on the last pickup day the hold is still kept: PickupWindowNotOver names the days', () => {
    expect(expire(ready, '2026-06-12')).toThrow(PickupWindowNotOver);
    expect(violationOf(expire(ready, '2026-06-12'))).toMatchObject({
      code: 'pickup-window-not-over',
      rule: 'R18',
      details: { holdId: 'h1', lastPickupDay: '2026-06-12', expiresOn: '2026-06-13' },
    });
  });

  it('R30: a storm closure added after the notice lengthens the window; the sweep on the old day changes nothing', () => {
    const stormy = { ...calendars, [MAIN]: { ...mondaysClosed, closedDates: ['2026-06-04'] } };
    // Open 6/2, 6/3, 6/5–6/7, 6/9–6/13: the last pickup day moves from Friday 6/12 to Saturday 6/13.
    expect(violationOf(expire(ready, '2026-06-13', { calendars: stormy }))).toMatchObject({
      code: 'pickup-window-not-over',
      details: { lastPickupDay: '2026-06-13', expiresOn: '2026-06-14' },
    });
    expect(expire(ready, '2026-06-14', { calendars: stormy })()).toEqual([expired('2026-06-13', '2026-06-14')]);
  });

  it('I3: a late sweep (worker down for days) still expires it once; a second sweep appends nothing', () => {
    const events = expire(ready, '2026-06-20')();
    expect(events).toEqual([expired('2026-06-12', '2026-06-20')]);
    expect(expire([...ready, ...events], '2026-06-20')()).toEqual([]);
    expect(expire([...ready, ...events], '2026-06-21')()).toEqual([]);
  });

  it('I4: the expired hold’s copy goes to the next waiting hold in the same decision, with a new notice', () => {
    const history = [...ready, holdPlaced('h2', 'p2')];
    expect(expire(history, '2026-06-13')()).toEqual([
      expired(),
      // Notice Saturday 6/13: open 6/14, (Monday 6/15), 6/16–6/21, (Monday 6/22), 6/23–6/25 → ten open days.
      holdReady('h2', 'p2', 'c1', { noticeDay: '2026-06-13', lastPickupDay: '2026-06-25', pickupOpenDays: policy.pickupOpenDays }),
    ]);
  });

  it('I4: to a next hold at another location the copy goes in transit', () => {
    const history = [...ready, holdPlaced('h2', 'p2', { pickupLocationId: BRANCH })];
    expect(expire(history, '2026-06-13')()).toEqual([
      expired(),
      { type: 'HoldInTransit', data: { titleId: TITLE, holdId: 'h2', cardNumber: 'p2', copyId: 'c1', fromLocationId: MAIN, toLocationId: BRANCH } },
    ]);
  });

  it('a hold that is not ready (waiting, fulfilled, cancelled) decides nothing', () => {
    expect(expire([catalogued(), copyAdded('c1'), holdPlaced('h1', 'p1')], '2026-06-13')()).toEqual([]);
  });

  it('refuses an unknown hold, and a pickup location without a calendar', () => {
    expect(expire([catalogued()], '2026-06-13')).toThrow(UnknownHold);
    expect(expire(ready, '2026-06-13', { calendars: {} })).toThrow(UnknownLocation);
  });
});
