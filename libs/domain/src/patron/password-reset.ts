import { InvalidDate, PasswordResetNotOffered, PasswordResetTokenExpired, PasswordResetTokenInvalid } from '../errors';
import type { PatronEvent } from '../events';
import type { Policy } from '../policy/policy';
import type { CompletePasswordReset, RequestPasswordReset } from './patron-commands';
import type { PatronState } from './patron-state';

/**
 * R27 (Library B): card number + registered e-mail → a single-use link. An unknown card, a patron without an
 * address or a wrong address all decide nothing, exactly like success seen from outside: the answer must not
 * tell anyone which card numbers exist or which address belongs to them. For the same reason a library that
 * resets at the counter only (Library A) refuses before looking at the patron at all.
 */
export function requestPasswordReset(command: RequestPasswordReset, state: PatronState): PatronEvent[] {
  checkOnlinePasswordReset(command.policy);
  if (Number.isNaN(Date.parse(command.expiresAt))) throw new InvalidDate('expiresAt', command.expiresAt);
  if (!state.exists || state.email === null) return [];
  if (state.email.toLowerCase() !== command.email.trim().toLowerCase()) return [];
  return [{ type: 'PasswordResetRequested', data: { cardNumber: command.cardNumber, tokenHash: command.tokenHash, expiresAt: command.expiresAt } }];
}

/**
 * R27: whether the library resets passwords online at all. The first thing a request or a confirmation is asked,
 * before anything about the patron, so the API can answer it before any other work.
 */
export function checkOnlinePasswordReset(policy: Policy): void {
  if (!policy.onlinePasswordReset) throw new PasswordResetNotOffered();
}

/**
 * R27: whether this token may set a password now. The link works once (PasswordSet consumes it), only the latest
 * one works, and only until it expires; and only while the library resets passwords online, refused like the
 * request before anything about the patron. Needs no new password: the API asks it before hashing one, so a flood
 * of made-up tokens costs no argon2 work.
 */
export function checkPasswordResetToken(command: Omit<CompletePasswordReset, 'type' | 'newPasswordHash'>, state: PatronState): void {
  if (command.policy) checkOnlinePasswordReset(command.policy);
  const pending = state.pendingPasswordReset;
  if (!state.exists || pending === null || pending.tokenHash !== command.tokenHash) throw new PasswordResetTokenInvalid();
  if (command.now.getTime() >= Date.parse(pending.expiresAt)) throw new PasswordResetTokenExpired();
}

export function completePasswordReset(command: CompletePasswordReset, state: PatronState): PatronEvent[] {
  checkPasswordResetToken(command, state);
  return [{ type: 'PasswordSet', data: { cardNumber: command.cardNumber, passwordHash: command.newPasswordHash, via: 'reset' } }];
}
