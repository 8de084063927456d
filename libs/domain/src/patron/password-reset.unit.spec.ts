import { PasswordResetNotOffered, PasswordResetTokenExpired, PasswordResetTokenInvalid, InvalidDate } from '../errors';
import type { PatronEvent } from '../events';
import { policyPresets } from '../policy/presets';
import { given, violationOf } from '../test/given';
import { CARD, emailRegistered, passwordSet, patronRegistered } from '../test/patron-fixtures';
import type { CompletePasswordReset, RequestPasswordReset } from './patron-commands';
import { patronDecider } from './patron-decider';
import { checkOnlinePasswordReset, checkPasswordResetToken } from './password-reset';

const EXPIRES = '2026-06-01T10:00:00.000Z';
const requestReset = (policyId: 'library-a' | 'library-b', email = 'hanako@example.jp', tokenHash = 'token-1'): RequestPasswordReset => ({
  type: 'RequestPasswordReset',
  cardNumber: CARD,
  email,
  tokenHash,
  expiresAt: EXPIRES,
  policy: policyPresets[policyId],
});
const completeReset = (tokenHash = 'token-1', now = '2026-06-01T09:30:00Z', policyId: 'library-a' | 'library-b' = 'library-b'): CompletePasswordReset => ({
  type: 'CompletePasswordReset',
  cardNumber: CARD,
  tokenHash,
  newPasswordHash: 'new-hash',
  now: new Date(now),
  policy: policyPresets[policyId],
});
const resetRequested = (tokenHash = 'token-1'): PatronEvent => ({ type: 'PasswordResetRequested', data: { cardNumber: CARD, tokenHash, expiresAt: EXPIRES } });
const withEmail = [patronRegistered(), passwordSet(), emailRegistered()];
/** Everything a refusal shows the caller. */
const answerOf = (decision: () => unknown) => {
  const { name, code, kind, rule, message, details } = violationOf(decision);
  return { name, code, kind, rule, message, details };
};

describe('R27: forgotten password', () => {
  describe.each(['library-a', 'library-b'] as const)('%s', (id) => {
    const online = id === 'library-b';

    it(online ? 'card number + registered e-mail gives a reset link' : 'reset is at the counter only: PasswordResetNotOffered', () => {
      const decide = () => given(patronDecider, withEmail).when(requestReset(id));
      if (online) expect(decide()).toEqual([resetRequested()]);
      else expect(decide).toThrow(PasswordResetNotOffered);
    });
  });

  it('R27: at the counter only, the request is refused as a service not offered (not-found), saying where to go', () => {
    const error = violationOf(() => given(patronDecider, withEmail).when(requestReset('library-a')));
    expect(error).toMatchObject({ code: 'password-reset-not-offered', kind: 'not-found', rule: 'R27', details: undefined });
    expect(error.message).toBe('This library resets passwords at the counter only. Please ask at the library.');
  });

  it('R27: at the counter only, an unknown card, a card without an address and a matching card get the same refusal', () => {
    const refusals = [[], [patronRegistered()], [patronRegistered(), passwordSet()], withEmail].map((history) =>
      answerOf(() => given(patronDecider, history).when(requestReset('library-a'))),
    );
    expect(refusals[0]).toMatchObject({ name: 'PasswordResetNotOffered', code: 'password-reset-not-offered' });
    for (const refusal of refusals) expect(refusal).toEqual(refusals[0]);
    // Checked before the request's own fields too: nothing but the policy decides the answer.
    expect(() => given(patronDecider, []).when({ ...requestReset('library-a'), expiresAt: 'soon' })).toThrow(PasswordResetNotOffered);
  });

  it('R27: at the counter only, a link mailed before the library stopped online resets no longer works', () => {
    const history = [...withEmail, resetRequested()];
    expect(() => given(patronDecider, history).when(completeReset('token-1', '2026-06-01T09:30:00Z', 'library-a'))).toThrow(PasswordResetNotOffered);
    expect(answerOf(() => given(patronDecider, []).when(completeReset('token-x', '2026-06-01T09:30:00Z', 'library-a')))).toEqual(
      answerOf(() => given(patronDecider, withEmail).when(requestReset('library-a'))),
    );
  });

  it('the address matches regardless of case and spaces', () => {
    expect(given(patronDecider, withEmail).when(requestReset('library-b', ' Hanako@Example.JP '))).toEqual([resetRequested()]);
  });

  it('a wrong address, a patron without one, or an unknown card decide nothing: the answer reveals nothing', () => {
    expect(given(patronDecider, withEmail).when(requestReset('library-b', 'someone@example.jp'))).toEqual([]);
    expect(given(patronDecider, [patronRegistered(), passwordSet()]).when(requestReset('library-b'))).toEqual([]);
    expect(given(patronDecider, []).when(requestReset('library-b'))).toEqual([]);
  });

  it('refuses a malformed expiry instant', () => {
    expect(() => given(patronDecider, withEmail).when({ ...requestReset('library-b'), expiresAt: 'soon' })).toThrow(InvalidDate);
  });

  it('the link sets a new password once, before it expires', () => {
    const history = [...withEmail, resetRequested()];
    const events = given(patronDecider, history).when(completeReset());
    expect(events).toEqual([{ type: 'PasswordSet', data: { cardNumber: CARD, passwordHash: 'new-hash', via: 'reset' } }]);
    // Single use: the new password consumed the token.
    expect(() => given(patronDecider, [...history, ...events]).when(completeReset())).toThrow(PasswordResetTokenInvalid);
  });

  it('an expired link, a wrong token, a replaced token or no request are refused', () => {
    const history = [...withEmail, resetRequested()];
    expect(() => given(patronDecider, history).when(completeReset('token-1', '2026-06-01T10:00:00Z'))).toThrow(PasswordResetTokenExpired);
    expect(() => given(patronDecider, history).when(completeReset('token-x'))).toThrow(PasswordResetTokenInvalid);
    expect(() => given(patronDecider, [...history, resetRequested('token-2')]).when(completeReset('token-1'))).toThrow(PasswordResetTokenInvalid);
    expect(() => given(patronDecider, withEmail).when(completeReset())).toThrow(PasswordResetTokenInvalid);
    expect(() => given(patronDecider, []).when(completeReset())).toThrow(PasswordResetTokenInvalid);
  });

  it('R27: the token is checked without a new password (the API asks before hashing one), refusing exactly what the decision refuses', () => {
    const history = [...withEmail, resetRequested()];
    const outcome = (check: () => unknown) => {
      try {
        check();
        return 'accepted';
      } catch (error) {
        return (error as Error).name;
      }
    };
    const cases: [PatronEvent[], CompletePasswordReset][] = [
      [history, completeReset()],
      [history, completeReset('token-x')],
      [history, completeReset('token-1', '2026-06-01T10:00:00Z')],
      [history, completeReset('token-1', '2026-06-01T09:30:00Z', 'library-a')],
      [withEmail, completeReset()],
      [[], completeReset()],
    ];
    const outcomes = cases.map(([events, command]) => {
      const { state, when } = given(patronDecider, events);
      const { newPasswordHash: _notNeeded, ...tokenOnly } = command;
      return { checked: outcome(() => checkPasswordResetToken(tokenOnly, state)), decided: outcome(() => when(command)) };
    });
    for (const { checked, decided } of outcomes) expect(checked).toBe(decided);
    expect(outcomes.map(({ checked }) => checked)).toEqual([
      'accepted',
      'PasswordResetTokenInvalid',
      'PasswordResetTokenExpired',
      'PasswordResetNotOffered',
      'PasswordResetTokenInvalid',
      'PasswordResetTokenInvalid',
    ]);
  });

  it('R27: whether resets are offered online is answered from the policy alone', () => {
    expect(() => checkOnlinePasswordReset(policyPresets['library-a'])).toThrow(PasswordResetNotOffered);
    expect(() => checkOnlinePasswordReset(policyPresets['library-b'])).not.toThrow();
  });

  it('a password changed otherwise also voids a pending link', () => {
    const history = [...withEmail, resetRequested(), passwordSet('counter-hash')];
    expect(given(patronDecider, history).state.pendingPasswordReset).toBeNull();
  });
});
