import { requireLocalDate } from '../calendar/local-date';
import {
  BirthDateInTheFuture,
  CardExpiresInThePast,
  InvalidCardNumber,
  InvalidEmail,
  PasswordNotIssued,
  PatronAlreadyRegistered,
  UnknownPatron,
} from '../errors';
import type { PatronEvent } from '../events';
import type { RegisterEmail, RegisterPatron, RenewCard, SetPassword } from './patron-commands';
import type { PatronState } from './patron-state';

// Deliberately loose: one @, no spaces, a dot in the domain. The registration mail proves the rest (R25).
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MAX_EMAIL_LENGTH = 254;

export function registerPatron(command: RegisterPatron, state: PatronState): PatronEvent[] {
  if (state.exists) throw new PatronAlreadyRegistered(command.cardNumber);
  const digits = command.policy.cardNumberDigits;
  if (digits !== null && !new RegExp(`^\\d{${digits}}$`).test(command.cardNumber)) {
    throw new InvalidCardNumber({ cardNumber: command.cardNumber, digits });
  }
  const { cardNumber, name, wideArea } = command;
  const birthDate = requireLocalDate(command.birthDate, 'birthDate');
  const cardExpiresOn = requireLocalDate(command.cardExpiresOn, 'cardExpiresOn');
  const today = requireLocalDate(command.today, 'today');
  if (birthDate > today) throw new BirthDateInTheFuture({ birthDate, today });
  if (cardExpiresOn < today) throw new CardExpiresInThePast({ cardExpiresOn, today });
  return [{ type: 'PatronRegistered', data: { cardNumber, name, birthDate, cardExpiresOn, wideArea } }];
}

export function renewCard(command: RenewCard, state: PatronState): PatronEvent[] {
  if (!state.exists) throw new UnknownPatron(command.cardNumber);
  const cardExpiresOn = requireLocalDate(command.cardExpiresOn, 'cardExpiresOn');
  if (cardExpiresOn === state.cardExpiresOn) return [];
  return [{ type: 'CardRenewed', data: { cardNumber: command.cardNumber, cardExpiresOn } }];
}

/** Issued at the counter (R1); changed online only by a patron who has one (R28). */
export function setPassword(command: SetPassword, state: PatronState): PatronEvent[] {
  if (!state.exists) throw new UnknownPatron(command.cardNumber);
  return [{ type: 'PasswordSet', data: { cardNumber: command.cardNumber, passwordHash: command.passwordHash, via: command.via } }];
}

/** R25: one address per patron, set online after the password is issued; the same address again changes nothing. */
export function registerEmail(command: RegisterEmail, state: PatronState): PatronEvent[] {
  if (!state.exists) throw new UnknownPatron(command.cardNumber);
  if (state.passwordHash === null) throw new PasswordNotIssued(command.cardNumber, 'R25');
  const email = command.email.trim();
  if (email.length > MAX_EMAIL_LENGTH || !EMAIL_SHAPE.test(email)) throw new InvalidEmail(command.email);
  if (email === state.email) return [];
  return [{ type: 'EmailRegistered', data: { cardNumber: command.cardNumber, email, previousEmail: state.email } }];
}
