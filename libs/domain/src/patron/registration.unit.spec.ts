import { BirthDateInTheFuture, CardExpiresInThePast, InvalidCardNumber, InvalidDate, InvalidEmail, PatronAlreadyRegistered, UnknownPatron } from '../errors';
import { policyPresets } from '../policy/presets';
import { given, violationOf } from '../test/given';
import { CARD, emailRegistered, passwordSet, patronRegistered } from '../test/patron-fixtures';
import type { RegisterPatron } from './patron-commands';
import { patronDecider } from './patron-decider';

const register = (overrides: Partial<RegisterPatron> = {}): RegisterPatron => ({
  type: 'RegisterPatron',
  cardNumber: CARD,
  name: 'Yamada Hanako',
  birthDate: '1990-05-05',
  cardExpiresOn: '2028-03-31',
  wideArea: false,
  policy: policyPresets['library-b'],
  today: '2026-11-23',
  ...overrides,
});

describe('patron registration at the counter', () => {
  it('registers a patron with birth date, card expiry and wide-area status', () => {
    const events = given(patronDecider, []).when(register({ wideArea: true }));
    expect(events).toEqual([patronRegistered({ wideArea: true })]);
    expect(given(patronDecider, events).state).toMatchObject({
      exists: true,
      cardNumber: CARD,
      wideArea: true,
      passwordHash: null,
      email: null,
      activeHolds: {},
    });
  });

  it('refuses a card number registered twice and malformed dates', () => {
    expect(() => given(patronDecider, [patronRegistered()]).when(register())).toThrow(PatronAlreadyRegistered);
    expect(() => given(patronDecider, []).when(register({ birthDate: '1990-02-30' }))).toThrow(InvalidDate);
    expect(() => given(patronDecider, []).when(register({ cardExpiresOn: 'never' }))).toThrow(/cardExpiresOn/);
  });

  it('refuses a birth date after today and a card that has already expired (R4); today itself is fine for both', () => {
    expect(() => given(patronDecider, []).when(register({ birthDate: '2026-11-24' }))).toThrow(BirthDateInTheFuture);
    expect(() => given(patronDecider, []).when(register({ cardExpiresOn: '2026-11-22' }))).toThrow(CardExpiresInThePast);
    expect(given(patronDecider, []).when(register({ birthDate: '2026-11-23', cardExpiresOn: '2026-11-23' }))).toHaveLength(1);
  });

  describe.each([
    ['library-a', '12AB', true],
    ['library-b', '12345678', false],
    ['library-b', '123456789', true],
  ] as const)('R1: card number format of %s', (id, cardNumber, accepted) => {
    it(`${accepted ? 'accepts' : 'refuses'} card number ${cardNumber}`, () => {
      const decide = () => given(patronDecider, []).when(register({ cardNumber, policy: policyPresets[id] }));
      if (accepted) expect(decide()).toHaveLength(1);
      else expect(violationOf(decide)).toMatchObject({ code: 'invalid-card-number', rule: 'R1', kind: 'invalid' });
      if (!accepted) expect(decide).toThrow(InvalidCardNumber);
    });
  });
});

describe('R4: renewing the card at the counter', () => {
  it('records the new expiry date; the same date again records nothing', () => {
    const history = [patronRegistered({ cardExpiresOn: '2026-03-31' })];
    expect(given(patronDecider, history).when({ type: 'RenewCard', cardNumber: CARD, cardExpiresOn: '2029-03-31' })).toEqual([
      { type: 'CardRenewed', data: { cardNumber: CARD, cardExpiresOn: '2029-03-31' } },
    ]);
    expect(given(patronDecider, history).when({ type: 'RenewCard', cardNumber: CARD, cardExpiresOn: '2026-03-31' })).toEqual([]);
  });

  it('refuses an unknown patron', () => {
    expect(() => given(patronDecider, []).when({ type: 'RenewCard', cardNumber: CARD, cardExpiresOn: '2029-03-31' })).toThrow(UnknownPatron);
  });
});

describe('passwords', () => {
  it('R1: staff issue the password at the counter', () => {
    expect(given(patronDecider, [patronRegistered()]).when({ type: 'SetPassword', cardNumber: CARD, passwordHash: 'h', via: 'counter' })).toEqual([
      { type: 'PasswordSet', data: { cardNumber: CARD, passwordHash: 'h', via: 'counter' } },
    ]);
  });

  it('refuses an unknown patron', () => {
    expect(() => given(patronDecider, []).when({ type: 'SetPassword', cardNumber: CARD, passwordHash: 'h', via: 'counter' })).toThrow(UnknownPatron);
  });
});

describe('R25: one e-mail address per patron, registered online after the password is issued', () => {
  const withPassword = [patronRegistered(), passwordSet()];

  it('registers an address, then changes it, remembering the previous one', () => {
    expect(given(patronDecider, withPassword).when({ type: 'RegisterEmail', cardNumber: CARD, email: ' hanako@example.jp ' })).toEqual([emailRegistered()]);
    const history = [...withPassword, emailRegistered()];
    expect(given(patronDecider, history).when({ type: 'RegisterEmail', cardNumber: CARD, email: 'h.yamada@example.jp' })).toEqual([
      emailRegistered('h.yamada@example.jp', 'hanako@example.jp'),
    ]);
    expect(given(patronDecider, [...history, emailRegistered('h.yamada@example.jp', 'hanako@example.jp')]).state.email).toBe('h.yamada@example.jp');
  });

  it('the same address again records nothing', () => {
    expect(given(patronDecider, [...withPassword, emailRegistered()]).when({ type: 'RegisterEmail', cardNumber: CARD, email: 'hanako@example.jp' })).toEqual(
      [],
    );
  });

  it('needs an issued password', () => {
    const error = violationOf(() => given(patronDecider, [patronRegistered()]).when({ type: 'RegisterEmail', cardNumber: CARD, email: 'hanako@example.jp' }));
    expect(error).toMatchObject({ code: 'password-not-issued', rule: 'R25' });
  });

  it('refuses something that is not an address, and an unknown patron', () => {
    expect(() => given(patronDecider, withPassword).when({ type: 'RegisterEmail', cardNumber: CARD, email: 'hanako at example' })).toThrow(InvalidEmail);
    expect(() => given(patronDecider, withPassword).when({ type: 'RegisterEmail', cardNumber: CARD, email: `${'a'.repeat(250)}@example.jp` })).toThrow(
      InvalidEmail,
    );
    expect(() => given(patronDecider, []).when({ type: 'RegisterEmail', cardNumber: CARD, email: 'hanako@example.jp' })).toThrow(UnknownPatron);
  });
});
