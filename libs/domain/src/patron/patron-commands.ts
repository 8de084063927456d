import type { LocalDate } from '../events';
import type { HoldChannel, Policy } from '../policy/policy';

/** Staff register a patron at the counter (identity checked there). */
export interface RegisterPatron {
  type: 'RegisterPatron';
  cardNumber: string;
  name: string;
  birthDate: LocalDate;
  cardExpiresOn: LocalDate;
  wideArea: boolean;
  policy: Policy;
  /** The library's local day of registration: the birth date may not be after it, the card expiry not before it. */
  today: LocalDate;
}

/** At the counter only (R4: an expired card is renewed there). */
export interface RenewCard {
  type: 'RenewCard';
  cardNumber: string;
  cardExpiresOn: LocalDate;
}

/** `counter`: staff issue the password after an identity check (R1); `online`: the patron changes it (R28). */
/** R1: staff issue a password at the counter. Online, a patron changes it with ChangePassword (R28). */
export interface SetPassword {
  type: 'SetPassword';
  cardNumber: string;
  passwordHash: string;
  via: 'counter';
}

/**
 * R28: the patron changes their password online, proving the current one. Checking a password against its
 * hash is slow, salted work the API does (the domain never sees a password); the rule that a failed proof
 * changes nothing is decided here.
 */
export interface ChangePassword {
  type: 'ChangePassword';
  cardNumber: string;
  /** The API checked the current password the patron typed against the stored hash. */
  currentPasswordMatches: boolean;
  newPasswordHash: string;
}

/** One address per patron, registered or changed online once the password is issued (R25). */
export interface RegisterEmail {
  type: 'RegisterEmail';
  cardNumber: string;
  email: string;
}

/** R27: card number + registered address; the API mails the link only if an event comes back. */
export interface RequestPasswordReset {
  type: 'RequestPasswordReset';
  cardNumber: string;
  email: string;
  tokenHash: string;
  /** ISO instant. */
  expiresAt: string;
  policy: Policy;
}

export interface CompletePasswordReset {
  type: 'CompletePasswordReset';
  cardNumber: string;
  tokenHash: string;
  newPasswordHash: string;
  now: Date;
  /**
   * A link mailed before the library moved resets to the counter must not work after it (R27). Optional only so
   * that callers written before this check still compile; every caller should pass it.
   */
  policy?: Policy;
}

/**
 * Claim one of the patron's hold slots before placing the hold on the title's stream, so the limit
 * holds under races (R7, I1). Checks who may hold (R1–R5) and the same-title rule (R12).
 * `hasOverdueLoans` comes from the loans read model (R5).
 */
export interface ClaimHoldSlot {
  type: 'ClaimHoldSlot';
  cardNumber: string;
  holdId: string;
  titleId: string;
  via: HoldChannel;
  today: LocalDate;
  policy: Policy;
  hasOverdueLoans: boolean;
}

/** When a hold ends (fulfilled, expired, cancelled) or its placement was refused. Safe to repeat. */
export interface ReleaseHoldSlot {
  type: 'ReleaseHoldSlot';
  cardNumber: string;
  holdId: string;
}

export type PatronCommand =
  RegisterPatron | RenewCard | SetPassword | ChangePassword | RegisterEmail | RequestPasswordReset | CompletePasswordReset | ClaimHoldSlot | ReleaseHoldSlot;
