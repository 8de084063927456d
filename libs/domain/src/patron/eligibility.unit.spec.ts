import { BelowJuniorHighAge, CardExpired, OverdueLoans, PasswordNotIssued, UnknownPatron, WideAreaPatron } from '../errors';
import type { PatronEvent } from '../events';
import { policyPresets } from '../policy/presets';
import { given, violationOf } from '../test/given';
import { claimCommand, passwordSet, patronRegistered, TODAY } from '../test/patron-fixtures';
import { checkOnlineServiceEligibility } from './eligibility';
import { patronDecider } from './patron-decider';
import { initialPatronState } from './patron-state';

const claimed = { type: 'HoldSlotClaimed', data: { cardNumber: '123456789', holdId: 'h1', titleId: 't1' } };

describe.each(Object.entries(policyPresets))('who may place holds, %s', (id, policy) => {
  const isA = id === 'library-a';
  const claimOnline =
    (history: PatronEvent[], overrides = {}) =>
    () =>
      given(patronDecider, history).when(claimCommand('h1', 't1', policy, overrides));
  const claimAtCounter = (history: PatronEvent[], overrides = {}) => claimOnline(history, { via: 'counter', ...overrides });

  it('R1: an online hold needs the password issued at the counter; a counter hold does not', () => {
    expect(violationOf(claimOnline([patronRegistered()]))).toMatchObject({ code: 'password-not-issued', rule: 'R1', kind: 'forbidden' });
    expect(claimOnline([patronRegistered()])).toThrow(PasswordNotIssued);
    expect(claimAtCounter([patronRegistered()])()).toEqual([claimed]);
  });

  it(`R2: a child born 2014-04-02 ${isA ? 'is refused online until 2027-04-01 (BelowJuniorHighAge)' : 'may hold online (no age rule)'}`, () => {
    const child = [patronRegistered({ birthDate: '2014-04-02' }), passwordSet()];
    if (isA) {
      expect(claimOnline(child)).toThrow(BelowJuniorHighAge);
      expect(violationOf(claimOnline(child)).details).toEqual({ cardNumber: '123456789', eligibleFrom: '2027-04-01' });
      expect(claimOnline(child, { today: '2027-04-01' })()).toEqual([claimed]);
    } else expect(claimOnline(child)()).toEqual([claimed]);
    expect(claimAtCounter(child)()).toEqual([claimed]);
  });

  it('R2: a child born 2014-04-01 is in junior high from 2026-04-01 and may hold online', () => {
    const pupil = [patronRegistered({ birthDate: '2014-04-01' }), passwordSet()];
    expect(claimOnline(pupil, { today: '2026-04-01' })()).toEqual([claimed]);
    if (isA) expect(claimOnline(pupil, { today: '2026-03-31' })).toThrow(BelowJuniorHighAge);
  });

  it(`R3: a wide-area patron ${isA ? 'cannot hold online (WideAreaPatron)' : 'may hold online'}, and may at the counter`, () => {
    const wideArea = [patronRegistered({ wideArea: true }), passwordSet()];
    if (isA) expect(claimOnline(wideArea)).toThrow(WideAreaPatron);
    else expect(claimOnline(wideArea)()).toEqual([claimed]);
    expect(claimAtCounter(wideArea)()).toEqual([claimed]);
  });

  it('R4: an expired card blocks holds online and at the counter until renewed; it is valid through its expiry day', () => {
    const expired = [patronRegistered({ cardExpiresOn: '2026-05-31' }), passwordSet()];
    expect(claimOnline(expired)).toThrow(CardExpired);
    expect(violationOf(claimAtCounter(expired))).toMatchObject({ code: 'card-expired', rule: 'R4' });
    const renewed: PatronEvent = { type: 'CardRenewed', data: { cardNumber: '123456789', cardExpiresOn: '2029-03-31' } };
    expect(claimOnline([...expired, renewed])()).toEqual([claimed]);
    expect(claimOnline([patronRegistered({ cardExpiresOn: TODAY }), passwordSet()])()).toEqual([claimed]);
  });

  it(`R5: a patron with an overdue loan ${isA ? 'cannot hold online (OverdueLoans)' : 'may still hold online'}, and may at the counter`, () => {
    const patron = [patronRegistered(), passwordSet()];
    if (isA) expect(claimOnline(patron, { hasOverdueLoans: true })).toThrow(OverdueLoans);
    else expect(claimOnline(patron, { hasOverdueLoans: true })()).toEqual([claimed]);
    expect(claimAtCounter(patron, { hasOverdueLoans: true })()).toEqual([claimed]);
  });

  it('R4: checkOnlineServiceEligibility blocks all online service for an expired card or a missing password', () => {
    const state = (history: PatronEvent[]) => given(patronDecider, history).state;
    expect(() => checkOnlineServiceEligibility(state([patronRegistered(), passwordSet()]), TODAY, policy)).not.toThrow();
    expect(() => checkOnlineServiceEligibility(state([patronRegistered({ cardExpiresOn: '2026-05-31' }), passwordSet()]), TODAY, policy)).toThrow(CardExpired);
    expect(() => checkOnlineServiceEligibility(state([patronRegistered()]), TODAY, policy)).toThrow(PasswordNotIssued);
    expect(() => checkOnlineServiceEligibility(initialPatronState, TODAY, policy)).toThrow(UnknownPatron);
  });

  it('refuses an unregistered card and a malformed day', () => {
    expect(claimOnline([])).toThrow(UnknownPatron);
    expect(claimOnline([patronRegistered(), passwordSet()], { today: '2026/06/01' })).toThrow(/today/);
  });

  it('R6: use is personal and pupils are under a guardian’s responsibility; no code rule, so a pupil is not refused for it', () => {
    expect(claimOnline([patronRegistered({ birthDate: '2012-05-05' }), passwordSet()])()).toEqual([claimed]);
  });
});
