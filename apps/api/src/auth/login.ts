import { Inject, Injectable } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { checkOnlineServiceEligibility, patronDecider, staffDecider, streamIds } from '@libs/domain';
import { Clock, CommandRunner, ProblemException, problemType, commandWith } from '@libs/platform';
import type { LoginThrottles } from './login-throttle';
import { passwordMatches } from './passwords';
import { TokensService } from './tokens.service';

export const LOGIN_THROTTLE = Symbol('LOGIN_THROTTLE');

/** Verifying a password costs the same whether or not the card exists, so timing reveals nothing. */
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$/Nc9VQOc6In6vgfw6Me3SQ$CcUkos5YCwhIikAOo4+tlxuSi31CU2VVDzW8esRK1M4';

const wrongCredentials = () =>
  new ProblemException({ type: problemType('invalid-credentials'), title: 'Login failed', status: 401, detail: 'The card number or the password is wrong.' });

const tooManyAttempts = (seconds: number) =>
  new ProblemException(
    {
      type: problemType('too-many-login-attempts'),
      title: 'Too many failed logins',
      status: 429,
      detail: `Too many failed logins. Try again in ${Math.ceil(seconds / 60)} minute(s), or ask at the library counter.`,
    },
    { 'Retry-After': String(seconds) },
  );

export interface IssuedToken {
  accessToken: string;
  expiresAt: string;
}

/** R1: a patron signs in with card number and password. */
export class PatronLoginCommand extends commandWith<{
  cardNumber: string;
  password: string;
  clientAddress: string;
}>() {}

/** Staff sign in with their staff id and password. */
export class StaffLoginCommand extends commandWith<{
  staffId: string;
  password: string;
  clientAddress: string;
}>() {}

/**
 * Failures are throttled per account and per client address; a locked account gets the same answer whether or not it
 * exists. A success clears the account's count.
 */
@Injectable()
export class LoginGate {
  constructor(
    private readonly clock: Clock,
    @Inject(LOGIN_THROTTLE) private readonly throttles: LoginThrottles,
  ) {}

  async verified<T>(accountKey: string, clientAddress: string, verify: () => Promise<T | null>): Promise<T> {
    const now = this.clock.now();
    const counts = [
      { throttle: this.throttles.account, key: accountKey },
      { throttle: this.throttles.address, key: `ip:${clientAddress}` },
    ];
    const locked = Math.max(...(await Promise.all(counts.map(({ throttle, key }) => throttle.lockedFor(key, now)))));
    if (locked > 0) throw tooManyAttempts(locked);
    const verified = await verify();
    if (verified === null) {
      await Promise.all(counts.map(({ throttle, key }) => throttle.recordFailure(key, now)));
      throw wrongCredentials();
    }
    await this.throttles.account.reset(accountKey);
    return verified;
  }
}

/** R1: card number + password. R4: an expired card cannot use online services until renewed. */
@CommandHandler(PatronLoginCommand)
export class PatronLoginHandler implements ICommandHandler<PatronLoginCommand, IssuedToken> {
  constructor(
    private readonly commands: CommandRunner,
    private readonly gate: LoginGate,
    private readonly tokens: TokensService,
  ) {}

  async execute({ cardNumber, password, clientAddress }: PatronLoginCommand): Promise<IssuedToken> {
    const patron = await this.gate.verified(`card:${cardNumber}`, clientAddress, async () => {
      const state = await this.commands.load(patronDecider, streamIds.patron(cardNumber));
      const ok = await passwordMatches(state.exists ? state.passwordHash : DUMMY_HASH, password);
      return ok && state.exists ? state : null;
    });
    checkOnlineServiceEligibility(patron, this.commands.today(), this.commands.policy);
    return this.tokens.issue({ kind: 'patron', cardNumber });
  }
}

@CommandHandler(StaffLoginCommand)
export class StaffLoginHandler implements ICommandHandler<StaffLoginCommand, IssuedToken> {
  constructor(
    private readonly commands: CommandRunner,
    private readonly gate: LoginGate,
    private readonly tokens: TokensService,
  ) {}

  async execute({ staffId, password, clientAddress }: StaffLoginCommand): Promise<IssuedToken> {
    const staff = await this.gate.verified(`staff:${staffId}`, clientAddress, async () => {
      const state = await this.commands.load(staffDecider, streamIds.staff(staffId));
      const ok = await passwordMatches(state.exists ? state.passwordHash : DUMMY_HASH, password);
      return ok && state.exists ? state : null;
    });
    return this.tokens.issue({ kind: 'staff', staffId, roles: staff.roles });
  }
}
