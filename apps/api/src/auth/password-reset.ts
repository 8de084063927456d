import { Inject, type OnModuleDestroy } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { createHash, randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import { PasswordResetTokenInvalid, checkOnlinePasswordReset, checkPasswordResetToken, patronDecider, streamIds } from '@libs/domain';
import { CARD_PATTERN, NotificationsGateway } from '@libs/application';
import { CommandRunner, ProblemException, ROOT_LOGGER, problemType, type Actor, type Positioned, commandWith } from '@libs/platform';
import { LOGIN_THROTTLE } from './login';
import type { LoginThrottle, ThrottleRule } from './login-throttle';
import { PasswordHashing } from './passwords';

/** How long a password reset link works (R27). */
const RESET_LINK_MINUTES = 30;

const ONE_HOUR = 60 * 60;

/**
 * Reset requests allowed in an hour, counted on every request whether or not card and address match (so a refusal
 * reveals nothing): per card and per e-mail address, so nobody can flood a patron's inbox or stream, and per client
 * address, looser, for a library's shared network.
 */
export const RESET_REQUEST_RULES: Record<'card' | 'email' | 'address', ThrottleRule> = {
  card: { maxAttempts: 3, windowSeconds: ONE_HOUR },
  email: { maxAttempts: 3, windowSeconds: ONE_HOUR },
  address: { maxAttempts: 20, windowSeconds: ONE_HOUR },
};

/** Nobody signed in asked: the request is recorded as the reset service's, not as the patron's own doing. */
const RESET_REQUEST_ACTOR: Actor = { kind: 'system', id: 'password-reset-request' };

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const tokenHashOf = sha256;

const tooManyResetRequests = (seconds: number) =>
  new ProblemException(
    {
      type: problemType('too-many-reset-requests'),
      title: 'Too many reset requests',
      status: 429,
      detail: `Too many password reset requests for this card, address or network. Try again in ${Math.ceil(seconds / 60)} minute(s), or ask at the library counter.`,
    },
    { 'Retry-After': String(seconds) },
  );

/** R27: a patron who forgot their password asks for a reset link by card number and registered address. */
export class RequestPasswordResetCommand extends commandWith<{
  cardNumber: string;
  email: string;
  clientAddress: string;
}>() {}

/** R27: the patron sets a new password with the single-use token from the mail. */
export class CompletePasswordResetCommand extends commandWith<{
  token: string;
  newPassword: string;
}>() {}

/**
 * R27. The answer is decided before anything about the patron is read: whether the library offers online resets
 * (the decider's rule) and whether this card, e-mail address and client address may ask again. The rest (read the
 * patron, decide, record PasswordResetRequested and hand the mail over, only when card and address match) runs after
 * the answer, so an unknown card, a known card with another address and a match answer alike and in the same time.
 * The token starts with the card number so the confirmation finds the patron.
 */
@CommandHandler(RequestPasswordResetCommand)
export class RequestPasswordResetHandler implements ICommandHandler<RequestPasswordResetCommand, void>, OnModuleDestroy {
  private readonly deciding = new Set<Promise<void>>();

  constructor(
    private readonly commands: CommandRunner,
    private readonly notifications: NotificationsGateway,
    @Inject(LOGIN_THROTTLE) private readonly throttle: LoginThrottle,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  async execute({ cardNumber, email, clientAddress }: RequestPasswordResetCommand): Promise<void> {
    checkOnlinePasswordReset(this.commands.policy);
    const reservation = await this.throttle.reserve(
      [
        { key: `reset-card:${cardNumber}`, rule: RESET_REQUEST_RULES.card },
        // Hashed: the throttle keeps no readable e-mail address.
        { key: `reset-email:${sha256(email.trim().toLowerCase())}`, rule: RESET_REQUEST_RULES.email },
        { key: `reset-address:${clientAddress}`, rule: RESET_REQUEST_RULES.address },
      ],
      this.commands.clock.now(),
    );
    if (!reservation.granted) throw tooManyResetRequests(reservation.retryAfterSeconds);
    const deciding = this.decide(cardNumber, email)
      .catch((error: unknown) => this.logger.error({ err: error }, 'password reset request not handled'))
      .finally(() => this.deciding.delete(deciding));
    this.deciding.add(deciding);
  }

  /** Resolves once every request answered so far has been decided and its mail, if any, handed over. */
  async settled(): Promise<void> {
    await Promise.all(this.deciding);
  }

  /** Requests already answered are decided before the app closes the stores under them. */
  onModuleDestroy(): Promise<void> {
    return this.settled();
  }

  private async decide(cardNumber: string, email: string): Promise<void> {
    const token = `${cardNumber}.${randomBytes(24).toString('base64url')}`;
    const expiresAt = new Date(this.commands.clock.now().getTime() + RESET_LINK_MINUTES * 60_000).toISOString();
    const result = await this.commands.run(
      patronDecider,
      streamIds.patron(cardNumber),
      { type: 'RequestPasswordReset', cardNumber, email, tokenHash: tokenHashOf(token), expiresAt, policy: this.commands.policy },
      { actor: RESET_REQUEST_ACTOR },
    );
    if (result.events.length === 0) return;
    this.notifications.sendPasswordReset(cardNumber, { token, expiresAt, email: result.state.email as string, eventId: result.events[0].id });
  }
}

/**
 * R27: the token is checked (the decider's rule, on the patron's stream) before the new password is hashed, so a
 * made-up or used token costs no argon2 work; the append re-checks it, so a token still works only once.
 */
@CommandHandler(CompletePasswordResetCommand)
export class CompletePasswordResetHandler implements ICommandHandler<CompletePasswordResetCommand, Positioned> {
  constructor(
    private readonly commands: CommandRunner,
    private readonly hashing: PasswordHashing,
  ) {}

  async execute({ token, newPassword }: CompletePasswordResetCommand): Promise<Positioned> {
    const policy = this.commands.policy;
    checkOnlinePasswordReset(policy);
    const cardNumber = token.split('.')[0];
    // Not a token this api mailed: no card to look at.
    if (!CARD_PATTERN.test(cardNumber)) throw new PasswordResetTokenInvalid();
    const reset = { cardNumber, tokenHash: tokenHashOf(token), now: this.commands.clock.now(), policy };
    checkPasswordResetToken(reset, await this.commands.load(patronDecider, streamIds.patron(cardNumber)));
    const newPasswordHash = await this.hashing.hash(newPassword);
    return this.commands.runForPosition(
      patronDecider,
      streamIds.patron(cardNumber),
      { type: 'CompletePasswordReset', ...reset, newPasswordHash },
      { actor: { kind: 'patron', id: cardNumber } },
    );
  }
}
