import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { createHash, randomBytes } from 'node:crypto';
import { patronDecider, streamIds } from '@libs/domain';
import { NotificationsGateway } from '@libs/application';
import { CommandRunner, type Positioned, commandWith } from '@libs/platform';
import { hashPassword } from './passwords';

/** How long a password reset link works (R27). */
const RESET_LINK_MINUTES = 30;

const tokenHashOf = (token: string) => createHash('sha256').update(token).digest('hex');

/** R27: a patron who forgot their password asks for a reset link by card number and registered address. */
export class RequestPasswordResetCommand extends commandWith<{
  cardNumber: string;
  email: string;
}>() {}

/** R27: the patron sets a new password with the single-use token from the mail. */
export class CompletePasswordResetCommand extends commandWith<{
  token: string;
  newPassword: string;
}>() {}

/**
 * Whether the library offers it and whether card and address match is the decider's (R27). When they match, the raw
 * single-use token is mailed; the answer is the same either way. The token starts with the card number so the
 * confirmation finds the patron.
 */
@CommandHandler(RequestPasswordResetCommand)
export class RequestPasswordResetHandler implements ICommandHandler<RequestPasswordResetCommand, void> {
  constructor(
    private readonly commands: CommandRunner,
    private readonly notifications: NotificationsGateway,
  ) {}

  async execute({ cardNumber, email }: RequestPasswordResetCommand): Promise<void> {
    const token = `${cardNumber}.${randomBytes(24).toString('base64url')}`;
    const expiresAt = new Date(this.commands.clock.now().getTime() + RESET_LINK_MINUTES * 60_000).toISOString();
    const result = await this.commands.run(
      patronDecider,
      streamIds.patron(cardNumber),
      { type: 'RequestPasswordReset', cardNumber, email, tokenHash: tokenHashOf(token), expiresAt, policy: this.commands.policy },
      { actor: { kind: 'patron', id: cardNumber } },
    );
    if (result.events.length === 0) return;
    this.notifications.sendPasswordReset(cardNumber, { token, expiresAt, email: result.state.email as string, eventId: result.events[0].id });
  }
}

@CommandHandler(CompletePasswordResetCommand)
export class CompletePasswordResetHandler implements ICommandHandler<CompletePasswordResetCommand, Positioned> {
  constructor(private readonly commands: CommandRunner) {}

  async execute({ token, newPassword }: CompletePasswordResetCommand): Promise<Positioned> {
    const cardNumber = token.split('.')[0];
    const newPasswordHash = await hashPassword(newPassword);
    return this.commands.runForPosition(
      patronDecider,
      streamIds.patron(cardNumber),
      {
        type: 'CompletePasswordReset',
        cardNumber,
        tokenHash: tokenHashOf(token),
        newPasswordHash,
        now: this.commands.clock.now(),
        policy: this.commands.policy,
      },
      { actor: { kind: 'patron', id: cardNumber } },
    );
  }
}
