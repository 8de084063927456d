import { PasswordNotIssued, UnknownPatron, WrongCurrentPassword } from '../errors';
import type { PatronEvent } from '../events';
import type { ChangePassword } from './patron-commands';
import type { PatronState } from './patron-state';

/** R28: online, only a patron who has a password and proves it may change it; the event is the one SetPassword 'online' records. */
export function changePassword(command: ChangePassword, state: PatronState): PatronEvent[] {
  if (!state.exists) throw new UnknownPatron(command.cardNumber);
  if (state.passwordHash === null) throw new PasswordNotIssued(command.cardNumber, 'R28');
  if (!command.currentPasswordMatches) throw new WrongCurrentPassword();
  return [{ type: 'PasswordSet', data: { cardNumber: command.cardNumber, passwordHash: command.newPasswordHash, via: 'online' } }];
}
