import { Inject, Injectable } from '@nestjs/common';
import { checkOnlineServiceEligibility, localDate, patronDecider, staffDecider, streamIds, type Policy } from '@libs/domain';
import { Clock, POLICY } from '@libs/platform';
import { CommandRunner } from '../commands/command-runner.service';
import { ProblemException } from '../http/problem-details.filter';
import { problemType } from '../http/problem';
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

@Injectable()
export class AuthService {
  constructor(
    private readonly commands: CommandRunner,
    private readonly tokens: TokensService,
    private readonly clock: Clock,
    @Inject(POLICY) private readonly policy: Policy,
    @Inject(LOGIN_THROTTLE) private readonly throttles: LoginThrottles,
  ) {}

  /**
   * R1: card number + password. Failures are throttled per card and per client address; a locked card gets the
   * same answer whether or not it exists. R4: an expired card cannot use online services until renewed.
   */
  async patronLogin(cardNumber: string, password: string, clientAddress: string) {
    const patron = await this.checked(`card:${cardNumber}`, clientAddress, async () => {
      const state = await this.commands.load(patronDecider, streamIds.patron(cardNumber));
      const ok = await passwordMatches(state.exists ? state.passwordHash : DUMMY_HASH, password);
      return ok && state.exists ? state : null;
    });
    checkOnlineServiceEligibility(patron, localDate(this.clock.now(), this.policy.timeZone), this.policy);
    return this.tokens.issue({ kind: 'patron', cardNumber });
  }

  async staffLogin(staffId: string, password: string, clientAddress: string) {
    const staff = await this.checked(`staff:${staffId}`, clientAddress, async () => {
      const state = await this.commands.load(staffDecider, streamIds.staff(staffId));
      const ok = await passwordMatches(state.exists ? state.passwordHash : DUMMY_HASH, password);
      return ok && state.exists ? state : null;
    });
    return this.tokens.issue({ kind: 'staff', staffId, roles: staff.roles });
  }

  private async checked<T>(accountKey: string, clientAddress: string, verify: () => Promise<T | null>): Promise<T> {
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
