import { CopyAlreadyOnLoan, CopyHeldForAnotherPatron, CopyNotLoanable, UnknownCopy } from '../errors';
import type { TitleEvent } from '../events';
import { given, violationOf } from '../test/given';
import { BRANCH, catalogued, checkedOut, checkOutCommand, copyAdded, holdPlaced, holdReady, libraryA, MAIN, TITLE } from '../test/title-fixtures';
import { isOverdue } from './loans';
import { titleDecider } from './title-decider';

const TODAY = '2026-06-05';
const fulfilled = (holdId: string, cardNumber: string, copyId: string): TitleEvent => ({
  type: 'HoldFulfilled',
  data: { titleId: TITLE, holdId, cardNumber, copyId },
});
const readyForP1 = [catalogued(), copyAdded('c1'), holdPlaced('h1', 'p1'), holdReady('h1', 'p1', 'c1')];

describe('checking a copy out', () => {
  it('R21: lends a copy from the shelf, due after the policy’s loan period', () => {
    expect(given(titleDecider, [catalogued(), copyAdded('c1')]).when(checkOutCommand('c1', 'p1', TODAY))).toEqual([
      checkedOut('c1', 'p1', { dueOn: '2026-06-19' }),
    ]);
    expect(given(titleDecider, [catalogued(), copyAdded('c1')]).when(checkOutCommand('c1', 'p1', TODAY, { ...libraryA, loanDays: 21 }))).toEqual([
      checkedOut('c1', 'p1', { dueOn: '2026-06-26' }),
    ]);
  });

  it('R21: a loan is overdue from the day after its due date', () => {
    expect(isOverdue('2026-06-19', '2026-06-19')).toBe(false);
    expect(isOverdue('2026-06-19', '2026-06-20')).toBe(true);
  });

  it('lending the copy on the hold shelf to its patron fulfils the ready hold', () => {
    expect(given(titleDecider, readyForP1).when(checkOutCommand('c1', 'p1', TODAY))).toEqual([
      checkedOut('c1', 'p1', { dueOn: '2026-06-19', holdId: 'h1' }),
      fulfilled('h1', 'p1', 'c1'),
    ]);
  });

  it('I2: the copy on the hold shelf for another patron is refused with CopyHeldForAnotherPatron', () => {
    expect(violationOf(() => given(titleDecider, readyForP1).when(checkOutCommand('c1', 'p2', TODAY)))).toMatchObject({
      code: 'copy-held-for-another-patron',
      details: { copyId: 'c1', holdId: 'h1' },
    });
    const inTransitForP1: TitleEvent[] = [
      catalogued(),
      copyAdded('c1', BRANCH),
      holdPlaced('h1', 'p1'),
      { type: 'HoldInTransit', data: { titleId: TITLE, holdId: 'h1', cardNumber: 'p1', copyId: 'c1', fromLocationId: BRANCH, toLocationId: MAIN } },
    ];
    expect(() => given(titleDecider, inTransitForP1).when(checkOutCommand('c1', 'p2', TODAY))).toThrow(CopyHeldForAnotherPatron);
    // Its own patron, met at the branch, may take it there.
    expect(given(titleDecider, inTransitForP1).when(checkOutCommand('c1', 'p1', TODAY))).toEqual([
      checkedOut('c1', 'p1', { dueOn: '2026-06-19', holdId: 'h1', locationId: BRANCH }),
      fulfilled('h1', 'p1', 'c1'),
    ]);
  });

  it('R10: a waiting patron who borrows a copy from the shelf has the wait fulfilled, so the queue will not hand them another', () => {
    const history = [catalogued(), copyAdded('c1'), copyAdded('c2'), checkedOut('c2', 'x'), holdPlaced('h1', 'p1')];
    const events = given(titleDecider, history).when(checkOutCommand('c1', 'p1', TODAY));
    expect(events).toEqual([checkedOut('c1', 'p1', { dueOn: '2026-06-19', holdId: 'h1' }), fulfilled('h1', 'p1', 'c1')]);
    expect(given(titleDecider, [...history, ...events]).state.holds.h1.status).toBe('fulfilled');
  });

  it('a copy awaiting clearance is taken off the hold shelf and lent', () => {
    const history = [
      ...readyForP1,
      {
        type: 'PickupExpired',
        data: { titleId: TITLE, holdId: 'h1', cardNumber: 'p1', copyId: 'c1', pickupLocationId: MAIN, lastPickupDay: '2026-06-11', expiredOn: '2026-06-12' },
      } as TitleEvent,
    ];
    expect(given(titleDecider, history).when(checkOutCommand('c1', 'p2', '2026-06-12'))).toEqual([
      { type: 'HoldShelfCleared', data: { titleId: TITLE, copyId: 'c1', holdId: 'h1', locationId: MAIN } },
      checkedOut('c1', 'p2', { dueOn: '2026-06-26' }),
    ]);
  });

  it('refuses a not-for-loan copy, a copy already on loan and an unknown copy', () => {
    expect(() => given(titleDecider, [catalogued(), copyAdded('ref', MAIN, false)]).when(checkOutCommand('ref', 'p1', TODAY))).toThrow(CopyNotLoanable);
    expect(() => given(titleDecider, [catalogued(), copyAdded('c1'), checkedOut('c1', 'p2')]).when(checkOutCommand('c1', 'p1', TODAY))).toThrow(
      CopyAlreadyOnLoan,
    );
    expect(() => given(titleDecider, [catalogued()]).when(checkOutCommand('c1', 'p1', TODAY))).toThrow(UnknownCopy);
  });
});
