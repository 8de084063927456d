import { PasswordNotIssued, UnknownPatron, WrongCurrentPassword } from '../errors';
import type { PatronEvent } from '../events';
import { given, violationOf } from '../test/given';
import { CARD, passwordSet, patronRegistered } from '../test/patron-fixtures';
import type { ChangePassword } from './patron-commands';
import { patronDecider } from './patron-decider';

const change = (currentPasswordMatches: boolean, newPasswordHash = 'hash-2'): ChangePassword => ({
  type: 'ChangePassword',
  cardNumber: CARD,
  currentPasswordMatches,
  newPasswordHash,
});
const withPassword = [patronRegistered(), passwordSet('hash-1')];

describe('R28: changing the password online', () => {
  it('R28: with the current password proven, the new one is set online', () => {
    const events = given(patronDecider, withPassword).when(change(true));
    expect(events).toEqual([passwordSet('hash-2', 'online')]);
    expect(given(patronDecider, [...withPassword, ...events]).state.passwordHash).toBe('hash-2');
  });

  it('R28: a wrong current password changes nothing', () => {
    const error = violationOf(() => given(patronDecider, withPassword).when(change(false)));
    expect(error).toBeInstanceOf(WrongCurrentPassword);
    expect(error).toMatchObject({ code: 'wrong-current-password', kind: 'forbidden', rule: 'R28' });
    expect(error.message).toBe('The current password is not right; the password was not changed.');
  });

  it('R28: there is no online change without an issued password, proof or not', () => {
    for (const proven of [true, false]) {
      const error = violationOf(() => given(patronDecider, [patronRegistered()]).when(change(proven)));
      expect(error).toBeInstanceOf(PasswordNotIssued);
      expect(error.rule).toBe('R28');
    }
  });

  it('R27: a changed password voids a pending reset link', () => {
    const resetRequested: PatronEvent = { type: 'PasswordResetRequested', data: { cardNumber: CARD, tokenHash: 't', expiresAt: '2026-06-01T10:00:00Z' } };
    const history = [...withPassword, resetRequested];
    expect(given(patronDecider, [...history, ...given(patronDecider, history).when(change(true))]).state.pendingPasswordReset).toBeNull();
  });

  it('refuses an unknown patron', () => {
    expect(() => given(patronDecider, []).when(change(true))).toThrow(UnknownPatron);
  });
});
