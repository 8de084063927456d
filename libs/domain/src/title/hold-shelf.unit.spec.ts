import { CopyAlreadyAdded, HoldNotReady, TitleAlreadyCatalogued, UnknownCopy, UnknownHold, UnknownTitle } from '../errors';
import type { TitleEvent } from '../events';
import { given } from '../test/given';
import { catalogued, copyAdded, holdPlaced, holdReady, MAIN, TITLE } from '../test/title-fixtures';
import { titleDecider } from './title-decider';

const expired: TitleEvent = {
  type: 'PickupExpired',
  data: { titleId: TITLE, holdId: 'h1', cardNumber: 'p1', copyId: 'c1', pickupLocationId: MAIN, lastPickupDay: '2026-06-11', expiredOn: '2026-06-12' },
};
const ready = [catalogued(), copyAdded('c1'), holdPlaced('h1', 'p1', { contactMethod: 'phone' }), holdReady('h1', 'p1', 'c1', { contactMethod: 'phone' })];
const cleared: TitleEvent = { type: 'HoldShelfCleared', data: { titleId: TITLE, copyId: 'c1', holdId: 'h1', locationId: MAIN } };

describe('the hold shelf', () => {
  it('I4: staff clear the copy of an expired hold off the hold shelf; it is available on the open shelf again', () => {
    const events = given(titleDecider, [...ready, expired]).when({ type: 'ClearHoldShelf', titleId: TITLE, copyId: 'c1' });
    expect(events).toEqual([cleared]);
    const state = given(titleDecider, [...ready, expired, ...events]).state;
    expect(state.copies.c1).toMatchObject({ status: 'on-shelf', locationId: MAIN, holdId: undefined });
    expect(state.awaitingClearance).toEqual({});
  });

  it('clearing twice, or a copy not awaiting clearance, decides nothing', () => {
    expect(given(titleDecider, [...ready, expired, cleared]).when({ type: 'ClearHoldShelf', titleId: TITLE, copyId: 'c1' })).toEqual([]);
    expect(given(titleDecider, ready).when({ type: 'ClearHoldShelf', titleId: TITLE, copyId: 'c1' })).toEqual([]);
    expect(() => given(titleDecider, ready).when({ type: 'ClearHoldShelf', titleId: TITLE, copyId: 'c9' })).toThrow(UnknownCopy);
  });

  it('R14/R20: staff record call-list attempts for a ready hold', () => {
    expect(given(titleDecider, ready).when({ type: 'RecordContact', titleId: TITLE, holdId: 'h1', outcome: 'no-answer' })).toEqual([
      { type: 'PatronContacted', data: { titleId: TITLE, holdId: 'h1', cardNumber: 'p1', outcome: 'no-answer' } },
    ]);
    const contacted: TitleEvent = { type: 'PatronContacted', data: { titleId: TITLE, holdId: 'h1', cardNumber: 'p1', outcome: 'no-answer' } };
    expect(given(titleDecider, [...ready, contacted]).state).toEqual(given(titleDecider, ready).state);
  });

  it('contact is recorded only for ready holds', () => {
    expect(() => given(titleDecider, [...ready, expired]).when({ type: 'RecordContact', titleId: TITLE, holdId: 'h1', outcome: 'called' })).toThrow(
      HoldNotReady,
    );
    expect(() => given(titleDecider, ready).when({ type: 'RecordContact', titleId: TITLE, holdId: 'h9', outcome: 'called' })).toThrow(UnknownHold);
  });
});

describe('the catalogue', () => {
  it('catalogues a title once and adds copies to it', () => {
    expect(
      given(titleDecider, []).when({ type: 'CatalogueTitle', titleId: TITLE, name: 'Kokoro', author: 'Natsume Soseki', materialType: 'book', volume: null }),
    ).toEqual([catalogued()]);
    expect(() =>
      given(titleDecider, [catalogued()]).when({ type: 'CatalogueTitle', titleId: TITLE, name: 'Kokoro', author: null, materialType: 'book', volume: null }),
    ).toThrow(TitleAlreadyCatalogued);
    expect(given(titleDecider, [catalogued()]).when({ type: 'AddCopy', titleId: TITLE, copyId: 'c1', locationId: MAIN, loanable: true })).toEqual([
      copyAdded('c1'),
    ]);
  });

  it('refuses a copy twice, and a copy of a title not catalogued', () => {
    expect(() =>
      given(titleDecider, [catalogued(), copyAdded('c1')]).when({ type: 'AddCopy', titleId: TITLE, copyId: 'c1', locationId: MAIN, loanable: true }),
    ).toThrow(CopyAlreadyAdded);
    expect(() => given(titleDecider, []).when({ type: 'AddCopy', titleId: TITLE, copyId: 'c1', locationId: MAIN, loanable: true })).toThrow(UnknownTitle);
  });
});
