import { CancelReasonRequired, HoldAlreadyReady, HoldNotLive, UnknownHold } from '../errors';
import type { TitleEvent } from '../events';
import { given, violationOf } from '../test/given';
import { BRANCH, bothPresets, cancelCommand, catalogued, checkedOut, copyAdded, holdPlaced, holdReady, MAIN, TITLE } from '../test/title-fixtures';
import { titleDecider } from './title-decider';

const cancelled = (
  holdId: string,
  cardNumber: string,
  by: 'patron' | 'staff',
  previousStatus: 'waiting' | 'in-transit' | 'ready',
  copyId: string | null = null,
  reason: string | null = null,
): TitleEvent => ({
  type: 'HoldCancelled',
  data: { titleId: TITLE, holdId, cardNumber, by, reason, copyId, previousStatus },
});
const inTransit = (holdId: string, cardNumber: string, copyId: string, fromLocationId: string, toLocationId: string): TitleEvent => ({
  type: 'HoldInTransit',
  data: { titleId: TITLE, holdId, cardNumber, copyId, fromLocationId, toLocationId },
});
const waiting = [catalogued(), copyAdded('c1'), checkedOut('c1', 'x'), holdPlaced('h1', 'p1')];
const ready = [catalogued(), copyAdded('c1'), holdPlaced('h1', 'p1'), holdReady('h1', 'p1', 'c1')];
const travelling = [catalogued(), copyAdded('c1', BRANCH), holdPlaced('h1', 'p1'), inTransit('h1', 'p1', 'c1', BRANCH, MAIN)];

describe.each(bothPresets)('cancelling a hold, %s', (_id, policy) => {
  const patronCancels =
    (history: TitleEvent[], holdId = 'h1', cardNumber = 'p1') =>
    () =>
      given(titleDecider, history).when(cancelCommand(holdId, 'patron', { cardNumber, policy }));
  const staffCancel =
    (history: TitleEvent[], reason: string | null = 'patron could not be reached') =>
    () =>
      given(titleDecider, history).when(cancelCommand('h1', 'staff', { reason, policy }));

  it('R19: the patron may cancel online while the hold is waiting', () => {
    expect(patronCancels(waiting)()).toEqual([cancelled('h1', 'p1', 'patron', 'waiting')]);
  });

  it('R19: the patron may cancel while the copy is in transit; the copy goes back to the shelf when it arrives', () => {
    const events = patronCancels(travelling)();
    expect(events).toEqual([cancelled('h1', 'p1', 'patron', 'in-transit', 'c1')]);
    expect(given(titleDecider, [...travelling, ...events]).state.copies.c1).toMatchObject({ status: 'in-transit', holdId: undefined });
  });

  it('R19: once ready the patron can no longer cancel online: HoldAlreadyReady', () => {
    expect(violationOf(patronCancels(ready))).toMatchObject({ code: 'hold-already-ready', rule: 'R19', kind: 'conflict' });
    expect(patronCancels(ready)).toThrow(HoldAlreadyReady);
  });

  it('R20: staff cancel a ready hold with a reason; with nobody waiting the copy stays on the hold shelf for clearance (I4)', () => {
    const events = staffCancel(ready)();
    expect(events).toEqual([cancelled('h1', 'p1', 'staff', 'ready', 'c1', 'patron could not be reached')]);
    expect(given(titleDecider, [...ready, ...events]).state.awaitingClearance).toEqual({ c1: { holdId: 'h1', locationId: MAIN } });
  });

  it('R20: staff must give a reason', () => {
    expect(violationOf(staffCancel(ready, null))).toMatchObject({ code: 'cancel-reason-required', rule: 'R20', kind: 'invalid' });
    expect(staffCancel(ready, '  ')).toThrow(CancelReasonRequired);
  });

  it('I4: the copy of a cancelled ready hold goes to the next waiting hold in the same decision', () => {
    const history = [...ready, holdPlaced('h2', 'p2'), holdPlaced('h3', 'p3', { pickupLocationId: BRANCH })];
    const command = cancelCommand('h1', 'staff', { reason: 'requested by phone', today: '2026-06-03', policy });
    expect(given(titleDecider, history).when(command)).toEqual([
      cancelled('h1', 'p1', 'staff', 'ready', 'c1', 'requested by phone'),
      holdReady('h2', 'p2', 'c1', { noticeDay: '2026-06-03', lastPickupDay: '2026-06-13', pickupOpenDays: policy.pickupOpenDays }),
    ]);
  });

  it('I4: the copy of a hold cancelled in transit is redirected to the next hold’s pickup location', () => {
    const history = [...travelling, holdPlaced('h2', 'p2', { pickupLocationId: BRANCH })];
    expect(patronCancels(history)()).toEqual([cancelled('h1', 'p1', 'patron', 'in-transit', 'c1'), inTransit('h2', 'p2', 'c1', BRANCH, BRANCH)]);
  });

  it('a patron cannot cancel — or learn of — someone else’s hold: UnknownHold', () => {
    expect(patronCancels(waiting, 'h1', 'p2')).toThrow(UnknownHold);
    expect(patronCancels(waiting, 'h9')).toThrow(UnknownHold);
  });

  it('cancelling twice decides nothing; an ended hold cannot be cancelled', () => {
    expect(patronCancels([...waiting, cancelled('h1', 'p1', 'patron', 'waiting')])()).toEqual([]);
    const fulfilled: TitleEvent = { type: 'HoldFulfilled', data: { titleId: TITLE, holdId: 'h1', cardNumber: 'p1', copyId: 'c1' } };
    expect(violationOf(staffCancel([...ready, checkedOut('c1', 'p1', { holdId: 'h1' }), fulfilled]))).toMatchObject({ code: 'hold-not-live' });
    expect(staffCancel([...ready, checkedOut('c1', 'p1', { holdId: 'h1' }), fulfilled])).toThrow(HoldNotLive);
  });

  it('a patron may give a reason, or none', () => {
    expect(given(titleDecider, waiting).when(cancelCommand('h1', 'patron', { cardNumber: 'p1', reason: ' found it elsewhere ', policy }))).toEqual([
      cancelled('h1', 'p1', 'patron', 'waiting', null, 'found it elsewhere'),
    ]);
  });
});
