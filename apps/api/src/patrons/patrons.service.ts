import { Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { DomainRuleViolation, UnknownPatron, patronDecider, streamIds, type LocalDate, type PatronState } from '@libs/domain';
import type { Actor } from '@libs/event-store';
import { hashPassword, passwordMatches } from '../auth/passwords';
import { CommandRunner } from '../commands/command-runner.service';

export interface NewPatron {
  cardNumber: string;
  name: string;
  birthDate: LocalDate;
  cardExpiresOn: LocalDate;
  wideArea: boolean;
}

/** How long a password reset link works (R27). */
const RESET_LINK_MINUTES = 30;

export const tokenHashOf = (token: string) => createHash('sha256').update(token).digest('hex');

export class WrongCurrentPassword extends DomainRuleViolation {
  constructor() {
    super('wrong-current-password', 'The current password is not right; the password was not changed.', 'forbidden', 'R28');
  }
}

/** Patron registration and card facts (staff, at the counter) and the patron's own e-mail and password (R25-R28). */
@Injectable()
export class PatronsService {
  constructor(private readonly commands: CommandRunner) {}

  load(cardNumber: string): Promise<PatronState> {
    return this.commands.load(patronDecider, streamIds.patron(cardNumber));
  }

  async register(patron: NewPatron, actor: Actor) {
    return this.commands.runForPosition(patronDecider, streamIds.patron(patron.cardNumber), { type: 'RegisterPatron', ...patron, policy: this.commands.policy }, { actor });
  }

  async renewCard(cardNumber: string, cardExpiresOn: LocalDate, actor: Actor) {
    await this.requireExisting(cardNumber);
    return this.commands.runForPosition(patronDecider, streamIds.patron(cardNumber), { type: 'RenewCard', cardNumber, cardExpiresOn }, { actor });
  }

  /** Staff issue a password at the counter after checking identity (R1). */
  async issuePassword(cardNumber: string, password: string, actor: Actor) {
    await this.requireExisting(cardNumber);
    const passwordHash = await hashPassword(password);
    return this.commands.runForPosition(patronDecider, streamIds.patron(cardNumber), { type: 'SetPassword', cardNumber, passwordHash, via: 'counter' }, { actor });
  }

  async changePassword(cardNumber: string, currentPassword: string, newPassword: string, actor: Actor) {
    const patron = await this.requireExisting(cardNumber);
    if (!(await passwordMatches(patron.passwordHash, currentPassword))) throw new WrongCurrentPassword();
    const passwordHash = await hashPassword(newPassword);
    return this.commands.runForPosition(patronDecider, streamIds.patron(cardNumber), { type: 'SetPassword', cardNumber, passwordHash, via: 'online' }, { actor });
  }

  async registerEmail(cardNumber: string, email: string, actor: Actor) {
    await this.requireExisting(cardNumber);
    return this.commands.runForPosition(patronDecider, streamIds.patron(cardNumber), { type: 'RegisterEmail', cardNumber, email }, { actor });
  }

  /**
   * R27: returns the raw single-use token to mail when the card and address match, or null; the caller answers
   * the same either way. The token starts with the card number so the confirmation finds the patron.
   */
  async requestPasswordReset(cardNumber: string, email: string, actor: Actor): Promise<{ token: string; expiresAt: string; email: string; eventId: string } | null> {
    const token = `${cardNumber}.${randomBytes(24).toString('base64url')}`;
    const expiresAt = new Date(this.commands.clock.now().getTime() + RESET_LINK_MINUTES * 60_000).toISOString();
    const result = await this.commands.run(
      patronDecider,
      streamIds.patron(cardNumber),
      { type: 'RequestPasswordReset', cardNumber, email, tokenHash: tokenHashOf(token), expiresAt, policy: this.commands.policy },
      { actor },
    );
    return result.events.length > 0 ? { token, expiresAt, email: result.state.email as string, eventId: result.events[0].id } : null;
  }

  async completePasswordReset(token: string, newPassword: string) {
    const cardNumber = token.split('.')[0];
    const newPasswordHash = await hashPassword(newPassword);
    return this.commands.runForPosition(
      patronDecider,
      streamIds.patron(cardNumber),
      { type: 'CompletePasswordReset', cardNumber, tokenHash: tokenHashOf(token), newPasswordHash, now: this.commands.clock.now() },
      { actor: { kind: 'patron', id: cardNumber } },
    );
  }

  private async requireExisting(cardNumber: string): Promise<PatronState> {
    const patron = await this.load(cardNumber);
    if (!patron.exists) throw new UnknownPatron(cardNumber);
    return patron;
  }
}
