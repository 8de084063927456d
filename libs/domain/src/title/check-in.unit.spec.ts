import { UnknownCopy, UnknownLocation, UnknownTitle } from '../errors';
import type { TitleEvent } from '../events';
import { calendarWith } from '../test/calendar-fixtures';
import { given } from '../test/given';
import {
  BRANCH,
  catalogued,
  checkedOut,
  checkInCommand,
  copyAdded,
  holdPlaced,
  holdReady,
  libraryA,
  MAIN,
  openEverywhere,
  TITLE,
} from '../test/title-fixtures';
import { titleDecider } from './title-decider';

const TODAY = '2026-06-01';
const returned = (copyId: string, cardNumber: string | null, locationId = MAIN): TitleEvent => ({
  type: 'CopyReturned',
  data: { titleId: TITLE, copyId, cardNumber, locationId },
});
const inTransit = (holdId: string, cardNumber: string, copyId: string, fromLocationId: string, toLocationId: string): TitleEvent => ({
  type: 'HoldInTransit',
  data: { titleId: TITLE, holdId, cardNumber, copyId, fromLocationId, toLocationId },
});
const onLoanWithQueue = [
  catalogued(),
  copyAdded('c1'),
  checkedOut('c1', 'reader'),
  holdPlaced('h1', 'p1'),
  holdPlaced('h2', 'p2', { pickupLocationId: BRANCH }),
];

describe('checking a copy in', () => {
  it('a copy returned with nobody waiting goes back on the shelf', () => {
    expect(given(titleDecider, [catalogued(), copyAdded('c1'), checkedOut('c1', 'reader')]).when(checkInCommand('c1', MAIN, TODAY))).toEqual([
      returned('c1', 'reader'),
    ]);
  });

  it('R16/R17: the returned copy goes to the first waiting hold; at its pickup location the hold is ready from today (R18: ten open days)', () => {
    expect(given(titleDecider, onLoanWithQueue).when(checkInCommand('c1', MAIN, TODAY))).toEqual([
      returned('c1', 'reader'),
      holdReady('h1', 'p1', 'c1', { noticeDay: TODAY, lastPickupDay: '2026-06-11' }),
    ]);
  });

  it('R23: the ready hold carries what the ready list shows: pickup location and last pickup day', () => {
    const [, ready] = given(titleDecider, onLoanWithQueue).when(checkInCommand('c1', MAIN, TODAY));
    expect(ready).toMatchObject({ type: 'HoldReady', data: { pickupLocationId: MAIN, noticeDay: TODAY, lastPickupDay: '2026-06-11' } });
    expect(given(titleDecider, [...onLoanWithQueue, returned('c1', 'reader'), ready]).state.holds.h1).toMatchObject({
      status: 'ready',
      pickupLocationId: MAIN,
      lastPickupDay: '2026-06-11',
    });
  });

  it('R16: first come, first served even when a later hold picks up where the copy is', () => {
    expect(given(titleDecider, onLoanWithQueue).when(checkInCommand('c1', BRANCH, TODAY))).toEqual([
      returned('c1', 'reader', BRANCH),
      inTransit('h1', 'p1', 'c1', BRANCH, MAIN),
    ]);
  });

  it('R17: a copy in transit becomes ready when checked in at the pickup location', () => {
    const history = [...onLoanWithQueue, returned('c1', 'reader', BRANCH), inTransit('h1', 'p1', 'c1', BRANCH, MAIN)];
    expect(given(titleDecider, history).when(checkInCommand('c1', MAIN, '2026-06-03'))).toEqual([
      holdReady('h1', 'p1', 'c1', { noticeDay: '2026-06-03', lastPickupDay: '2026-06-13' }),
    ]);
  });

  it('a copy in transit scanned again where it left decides nothing; scanned at a third location it is sent on from there', () => {
    const history = [...onLoanWithQueue, returned('c1', 'reader', BRANCH), inTransit('h1', 'p1', 'c1', BRANCH, MAIN)];
    expect(given(titleDecider, history).when(checkInCommand('c1', BRANCH, TODAY))).toEqual([]);
    expect(given(titleDecider, history).when(checkInCommand('c1', 'east', TODAY))).toEqual([inTransit('h1', 'p1', 'c1', 'east', MAIN)]);
  });

  it('R18/R30: the last pickup day is counted on the pickup location’s own calendar', () => {
    const calendars = { ...openEverywhere, [MAIN]: calendarWith({ weeklyClosedDays: [1] }) };
    expect(given(titleDecider, onLoanWithQueue).when(checkInCommand('c1', MAIN, TODAY, { calendars }))).toEqual([
      returned('c1', 'reader'),
      holdReady('h1', 'p1', 'c1', { noticeDay: TODAY, lastPickupDay: '2026-06-12' }),
    ]);
  });

  it('the pickup window is the policy’s, fixed on the hold when it becomes ready', () => {
    const shortWindow = { ...libraryA, pickupOpenDays: 3 };
    expect(given(titleDecider, onLoanWithQueue).when(checkInCommand('c1', MAIN, TODAY, { policy: shortWindow }))[1]).toEqual(
      holdReady('h1', 'p1', 'c1', { noticeDay: TODAY, lastPickupDay: '2026-06-04', pickupOpenDays: 3 }),
    );
  });

  it('a pickup location without a calendar is refused rather than treated as always open', () => {
    expect(() => given(titleDecider, onLoanWithQueue).when(checkInCommand('c1', MAIN, TODAY, { calendars: {} }))).toThrow(UnknownLocation);
  });

  it('Library A pull list: a copy pulled from the shelf for a waiting hold is assigned when scanned in', () => {
    const history = [catalogued(), copyAdded('c1', BRANCH), holdPlaced('h1', 'p1', { pickupLocationId: BRANCH })];
    expect(given(titleDecider, history).when(checkInCommand('c1', BRANCH, TODAY))).toEqual([
      holdReady('h1', 'p1', 'c1', { noticeDay: TODAY, lastPickupDay: '2026-06-11', pickupLocationId: BRANCH }),
    ]);
  });

  it('a copy on the shelf scanned where it is, with nobody waiting, decides nothing; scanned elsewhere it has moved', () => {
    const history = [catalogued(), copyAdded('c1')];
    expect(given(titleDecider, history).when(checkInCommand('c1', MAIN, TODAY))).toEqual([]);
    expect(given(titleDecider, history).when(checkInCommand('c1', BRANCH, TODAY))).toEqual([returned('c1', null, BRANCH)]);
  });

  it('a not-for-loan copy never serves a hold', () => {
    const history = [catalogued(), copyAdded('c1'), copyAdded('ref', MAIN, false), checkedOut('c1', 'x'), holdPlaced('h1', 'p1')];
    expect(given(titleDecider, history).when(checkInCommand('ref', MAIN, TODAY))).toEqual([]);
  });

  it('I2: a copy already ready on the hold shelf scanned again decides nothing', () => {
    const history = [...onLoanWithQueue, returned('c1', 'reader'), holdReady('h1', 'p1', 'c1')];
    expect(given(titleDecider, history).when(checkInCommand('c1', MAIN, TODAY))).toEqual([]);
  });

  it('I4: a copy awaiting clearance scanned in is cleared and goes to the next waiting hold', () => {
    const history = [
      catalogued(),
      copyAdded('c1'),
      holdPlaced('h1', 'p1'),
      holdReady('h1', 'p1', 'c1'),
      {
        type: 'HoldCancelled',
        data: { titleId: TITLE, holdId: 'h1', cardNumber: 'p1', by: 'staff', reason: 'unreachable', copyId: 'c1', previousStatus: 'ready' },
      } as TitleEvent,
      holdPlaced('h2', 'p2', { pickupLocationId: BRANCH }),
    ];
    const cleared: TitleEvent = { type: 'HoldShelfCleared', data: { titleId: TITLE, copyId: 'c1', holdId: 'h1', locationId: MAIN } };
    expect(given(titleDecider, history).when(checkInCommand('c1', MAIN, TODAY))).toEqual([cleared, inTransit('h2', 'p2', 'c1', MAIN, BRANCH)]);
    expect(given(titleDecider, history).when(checkInCommand('c1', BRANCH, TODAY))).toEqual([
      cleared,
      returned('c1', null, BRANCH),
      holdReady('h2', 'p2', 'c1', { noticeDay: TODAY, lastPickupDay: '2026-06-11', pickupLocationId: BRANCH }),
    ]);
  });

  it('a copy whose hold was cancelled in transit is back on the shelf where it is checked in, or goes to the next hold', () => {
    const cancelledInTransit: TitleEvent = {
      type: 'HoldCancelled',
      data: { titleId: TITLE, holdId: 'h1', cardNumber: 'p1', by: 'patron', reason: null, copyId: 'c1', previousStatus: 'in-transit' },
    };
    const history = [catalogued(), copyAdded('c1', BRANCH), holdPlaced('h1', 'p1'), inTransit('h1', 'p1', 'c1', BRANCH, MAIN), cancelledInTransit];
    expect(given(titleDecider, history).when(checkInCommand('c1', MAIN, TODAY))).toEqual([returned('c1', null)]);
    expect(given(titleDecider, [...history, holdPlaced('h2', 'p2')]).when(checkInCommand('c1', MAIN, TODAY))).toEqual([
      returned('c1', null),
      holdReady('h2', 'p2', 'c1', { noticeDay: TODAY, lastPickupDay: '2026-06-11' }),
    ]);
  });

  it('refuses an unknown copy, an unknown title and a malformed day', () => {
    expect(() => given(titleDecider, [catalogued()]).when(checkInCommand('c9', MAIN, TODAY))).toThrow(UnknownCopy);
    expect(() => given(titleDecider, []).when(checkInCommand('c1', MAIN, TODAY))).toThrow(UnknownTitle);
    expect(() => given(titleDecider, [catalogued(), copyAdded('c1')]).when(checkInCommand('c1', MAIN, '1 June'))).toThrow(/today/);
  });
});
