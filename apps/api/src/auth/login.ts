import { Inject, Injectable } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { checkOnlineServiceEligibility, patronDecider, staffDecider, streamIds } from '@libs/domain';
import { Clock, CommandRunner, ProblemException, problemType, commandWith } from '@libs/platform';
import type { CountedKey, LoginThrottle, ThrottleRule } from './login-throttle';
import { PasswordHashing } from './passwords';
import { TokensService } from './tokens.service';

export const LOGIN_THROTTLE = Symbol('LOGIN_THROTTLE');

const FIFTEEN_MINUTES = 15 * 60;

/**
 * Failed password checks allowed in 15 minutes. A stranger guessing from one address exhausts only their own
 * (account, address) pair: the owner, from another address, can still sign in until the looser per-account ceiling.
 * Patron and staff logins count on separate address counters, so patrons failing on a library's shared network never
 * lock the staff out.
 */
export const LOGIN_RULES: Record<'pair' | 'account' | 'address', ThrottleRule> = {
  /** Three back to back, then 1 s and 2 s between tries, then locked until the oldest leaves the window. */
  pair: { maxAttempts: 5, windowSeconds: FIFTEEN_MINUTES, delayAfter: 3 },
  /** From every address together, three pairs' worth: after the 10th, 1 s, 2 s, 4 s, 8 s between tries, then locked at the 15th. */
  account: { maxAttempts: 15, windowSeconds: FIFTEEN_MINUTES, delayAfter: 10 },
  /** From one address on any account of the kind (many patrons may share one address). */
  address: { maxAttempts: 30, windowSeconds: FIFTEEN_MINUTES },
};

export interface LoginAccount {
  kind: 'patron' | 'staff';
  /** Card number or staff id. */
  id: string;
}

export const patronAccount = (cardNumber: string): LoginAccount => ({ kind: 'patron', id: cardNumber });
export const staffAccount = (staffId: string): LoginAccount => ({ kind: 'staff', id: staffId });

const wrongCredentials = () =>
  new ProblemException({ type: problemType('invalid-credentials'), title: 'Login failed', status: 401, detail: 'The card number or the password is wrong.' });

const inWords = (seconds: number) => (seconds < 60 ? `${seconds} second(s)` : `${Math.ceil(seconds / 60)} minute(s)`);

const tooManyAttempts = (seconds: number) =>
  new ProblemException(
    {
      type: problemType('too-many-login-attempts'),
      title: 'Too many failed logins',
      status: 429,
      detail: `Too many wrong passwords. Try again in ${inWords(seconds)}, or ask at the library counter.`,
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
 * Every check of a password a caller typed (patron and staff login, the current password of a change) passes here:
 * the attempt is counted before the check runs (reserve, then verify), so parallel guesses get no more checks than
 * the rules allow; a locked account gets the same answer whether or not it exists. A success takes its attempt back
 * and forgets its own (account, address) pair's failures; a check that could not run (hashing busy, store down) is
 * taken back too, since nothing was guessed.
 */
@Injectable()
export class LoginGate {
  constructor(
    private readonly clock: Clock,
    @Inject(LOGIN_THROTTLE) private readonly throttle: LoginThrottle,
  ) {}

  /** Whether `check` found the password right; 429 with Retry-After, without checking, when the rules say wait. */
  async attempt(account: LoginAccount, clientAddress: string, check: () => Promise<boolean>): Promise<boolean> {
    const whole = `${account.kind}:${account.id}`;
    const pair = `${whole}@${clientAddress}`;
    const keys: CountedKey[] = [
      { key: pair, rule: LOGIN_RULES.pair },
      { key: whole, rule: LOGIN_RULES.account },
      { key: `${account.kind}-address:${clientAddress}`, rule: LOGIN_RULES.address },
    ];
    const reservation = await this.throttle.reserve(keys, this.clock.now());
    if (!reservation.granted) throw tooManyAttempts(reservation.retryAfterSeconds);
    const counted = keys.map(({ key }) => key);
    let matched: boolean;
    try {
      matched = await check();
    } catch (error) {
      // Best effort: the check's own error is the answer, even if the throttle's store is what failed.
      await this.throttle.withdraw(reservation.id, counted).catch(() => undefined);
      throw error;
    }
    if (matched) {
      await this.throttle.withdraw(reservation.id, counted);
      await this.throttle.forget(pair);
    }
    return matched;
  }

  /** A login: the account `verify` answers for a right password, 401 for a wrong one (or an unknown account). */
  async verified<T>(account: LoginAccount, clientAddress: string, verify: () => Promise<T | null>): Promise<T> {
    let verified: T | null = null;
    const matched = await this.attempt(account, clientAddress, async () => {
      verified = await verify();
      return verified !== null;
    });
    if (!matched || verified === null) throw wrongCredentials();
    return verified;
  }
}

/** R1: card number + password. R4: an expired card cannot use online services until renewed. */
@CommandHandler(PatronLoginCommand)
export class PatronLoginHandler implements ICommandHandler<PatronLoginCommand, IssuedToken> {
  constructor(
    private readonly commands: CommandRunner,
    private readonly gate: LoginGate,
    private readonly hashing: PasswordHashing,
    private readonly tokens: TokensService,
  ) {}

  async execute({ cardNumber, password, clientAddress }: PatronLoginCommand): Promise<IssuedToken> {
    this.hashing.refuseWhenFull();
    const patron = await this.gate.verified(patronAccount(cardNumber), clientAddress, async () => {
      const state = await this.commands.load(patronDecider, streamIds.patron(cardNumber));
      // An unknown card and a card without a password check a dummy hash: all three take as long as a wrong password.
      return (await this.hashing.matches(state.exists ? state.passwordHash : null, password)) ? state : null;
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
    private readonly hashing: PasswordHashing,
    private readonly tokens: TokensService,
  ) {}

  async execute({ staffId, password, clientAddress }: StaffLoginCommand): Promise<IssuedToken> {
    this.hashing.refuseWhenFull();
    const staff = await this.gate.verified(staffAccount(staffId), clientAddress, async () => {
      const state = await this.commands.load(staffDecider, streamIds.staff(staffId));
      return (await this.hashing.matches(state.exists ? state.passwordHash : null, password)) ? state : null;
    });
    return this.tokens.issue({ kind: 'staff', staffId, roles: staff.roles });
  }
}
