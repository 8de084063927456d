import {
  AlreadyHoldingTitle,
  ContactMethodNotOffered,
  CopyAvailableOnShelf,
  EmailNotRegistered,
  HoldIdTaken,
  NotHoldableMaterial,
  TitleOnLoanToPatron,
  UnknownLocation,
  UnknownTitle,
} from '../errors';
import type { ContactMethod, MaterialType, TitleEvent } from '../events';
import { given, violationOf } from '../test/given';
import {
  BRANCH,
  bothPresets,
  catalogued,
  checkedOut,
  copyAdded,
  holdPlaced,
  holdReady,
  libraryA,
  libraryB,
  MAIN,
  placeHoldCommand,
} from '../test/title-fixtures';
import { titleDecider } from './title-decider';

const onLoan = (material: MaterialType = 'book'): TitleEvent[] => [catalogued(material), copyAdded('c1'), checkedOut('c1', 'someone-else')];

describe.each(bothPresets)('placing a hold, %s', (id, policy) => {
  const isA = id === 'library-a';
  const place =
    (history: TitleEvent[], overrides = {}) =>
    () =>
      given(titleDecider, history).when(placeHoldCommand('h1', 'p1', policy, overrides));

  it('places a hold on a title on loan, at the chosen pickup location with the chosen contact method (R13, R14)', () => {
    expect(place(onLoan(), { pickupLocationId: BRANCH })()).toEqual([holdPlaced('h1', 'p1', { pickupLocationId: BRANCH })]);
  });

  it('R13: the pickup location must be one of the library’s locations', () => {
    expect(violationOf(place(onLoan(), { pickupLocationId: 'moon-branch' }))).toMatchObject({ code: 'unknown-location', rule: 'R13' });
    expect(place(onLoan(), { pickupLocationId: 'moon-branch' })).toThrow(UnknownLocation);
  });

  it.each<[ContactMethod, boolean, boolean]>([
    ['none', true, true],
    ['email', true, true],
    ['phone', false, true],
    ['ring-only', false, true],
    ['voicemail', false, true],
  ])('R14: contact by %s', (method, offeredByA, offeredByB) => {
    const decide = place(onLoan(), { contactMethod: method, patronEmail: 'p1@example.jp' });
    if (isA ? offeredByA : offeredByB) expect(decide()).toEqual([holdPlaced('h1', 'p1', { contactMethod: method })]);
    else expect(decide).toThrow(ContactMethodNotOffered);
  });

  it('R14: e-mail contact needs a registered address', () => {
    expect(violationOf(place(onLoan(), { contactMethod: 'email', patronEmail: null }))).toMatchObject({ code: 'email-not-registered', rule: 'R14' });
    expect(place(onLoan(), { contactMethod: 'email', patronEmail: null })).toThrow(EmailNotRegistered);
  });

  it(`R8/R9: audio-visual items ${isA ? 'may be held online' : 'are held at the counter only'}`, () => {
    if (isA) expect(place(onLoan('audiovisual'))()).toHaveLength(1);
    else expect(violationOf(place(onLoan('audiovisual')))).toMatchObject({ code: 'not-holdable-material', rule: 'R9', details: { reason: 'counter-only' } });
    expect(place(onLoan('audiovisual'), { via: 'counter' })()).toHaveLength(1);
  });

  it(`R9: magazines ${isA ? 'cannot be held at all' : 'are held at the counter only'}`, () => {
    expect(place(onLoan('magazine'))).toThrow(NotHoldableMaterial);
    if (isA) expect(place(onLoan('magazine'), { via: 'counter' })).toThrow(NotHoldableMaterial);
    else expect(place(onLoan('magazine'), { via: 'counter' })()).toHaveLength(1);
  });

  it.each<MaterialType>(['in-library-video', 'reference'])('R8: %s items are never holdable, online or at the counter', (material) => {
    expect(violationOf(place(onLoan(material)))).toMatchObject({ code: 'not-holdable-material', rule: 'R8', details: { reason: 'material-type' } });
    expect(place(onLoan(material), { via: 'counter' })).toThrow(NotHoldableMaterial);
  });

  it('R8/R9: a title whose copies are all not-for-loan, or that has no copy yet, cannot be held', () => {
    const referenceOnly = [catalogued('book'), copyAdded('c1', MAIN, false)];
    expect(violationOf(place(referenceOnly))).toMatchObject({ code: 'not-holdable-material', details: { reason: 'not-for-loan' } });
    expect(violationOf(place([catalogued('book')]))).toMatchObject({ code: 'not-holdable-material', details: { reason: 'no-copy' } });
  });

  it(`R9: a title with a copy available on the shelf ${isA ? 'may be held online (Library A)' : 'is refused online with CopyAvailableOnShelf'}`, () => {
    const onShelf = [catalogued(), copyAdded('c1'), checkedOut('c1', 'someone-else'), copyAdded('c2', BRANCH)];
    if (isA) expect(place(onShelf)()).toHaveLength(1);
    else {
      expect(place(onShelf)).toThrow(CopyAvailableOnShelf);
      expect(violationOf(place(onShelf)).details).toEqual({ titleId: 'title-1', locationIds: [BRANCH] });
    }
    // Staff may still hold it at the counter.
    expect(place(onShelf, { via: 'counter' })()).toHaveLength(1);
  });

  it('R9: not-for-loan copies on the shelf and copies set aside for holds do not count as available', () => {
    const history = [catalogued(), copyAdded('c1'), copyAdded('ref', MAIN, false), holdPlaced('h0', 'p0'), holdReady('h0', 'p0', 'c1')];
    expect(place(history)()).toEqual([holdPlaced('h1', 'p1')]);
  });

  it('R10: a patron cannot hold a title they have on loan', () => {
    const mine = [catalogued(), copyAdded('c1'), checkedOut('c1', 'p1')];
    expect(violationOf(place(mine))).toMatchObject({ code: 'title-on-loan-to-patron', rule: 'R10' });
    expect(place(mine, { via: 'counter' })).toThrow(TitleOnLoanToPatron);
  });

  it('R12: a patron does not hold the same title twice', () => {
    const history = [...onLoan(), holdPlaced('h0', 'p1')];
    expect(violationOf(place(history))).toMatchObject({ code: 'already-holding-title', rule: 'R12', details: { holdId: 'h0' } });
    expect(place(history, { via: 'counter' })).toThrow(AlreadyHoldingTitle);
  });

  it('R12: once the earlier hold ended, the title can be held again', () => {
    const ended: TitleEvent = {
      type: 'HoldCancelled',
      data: { titleId: 'title-1', holdId: 'h0', cardNumber: 'p1', by: 'patron', reason: null, copyId: null, previousStatus: 'waiting' },
    };
    expect(place([...onLoan(), holdPlaced('h0', 'p1'), ended])()).toEqual([holdPlaced('h1', 'p1')]);
  });
});

describe('placing a hold: ids and the catalogue', () => {
  it('a retried placement with the same hold id decides nothing; another patron’s hold id is refused', () => {
    const history = [catalogued(), copyAdded('c1'), checkedOut('c1', 'x'), holdPlaced('h1', 'p1')];
    expect(given(titleDecider, history).when(placeHoldCommand('h1', 'p1', libraryB))).toEqual([]);
    expect(() => given(titleDecider, history).when(placeHoldCommand('h1', 'p2', libraryB))).toThrow(HoldIdTaken);
  });

  it('refuses a hold on a title that is not catalogued', () => {
    expect(() => given(titleDecider, []).when(placeHoldCommand('h1', 'p1', libraryA))).toThrow(UnknownTitle);
  });

  it('records where the hold was placed: both channels count toward R7', () => {
    const history = [catalogued(), copyAdded('c1'), checkedOut('c1', 'x')];
    expect(given(titleDecider, history).when(placeHoldCommand('h1', 'p1', libraryB, { via: 'counter' }))).toEqual([
      holdPlaced('h1', 'p1', { placedVia: 'counter' }),
    ]);
  });
});
