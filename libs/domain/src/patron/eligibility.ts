import { CardExpired, BelowJuniorHighAge, OverdueLoans, PasswordNotIssued, UnknownPatron, WideAreaPatron } from '../errors';
import type { LocalDate } from '../events';
import type { HoldChannel, Policy } from '../policy/policy';
import { hasReachedSchoolStage, schoolStageFrom } from '../school-stage';
import { isCardExpired, type PatronState } from './patron-state';

type RegisteredPatron = PatronState & { cardNumber: string; birthDate: LocalDate; cardExpiresOn: LocalDate };

function requireRegistered(state: PatronState): asserts state is RegisteredPatron {
  if (!state.exists) throw new UnknownPatron(state.cardNumber);
}

/**
 * Any online service (login, lists, e-mail, holds): the password must be issued (R1) and the card valid (R4:
 * an expired card blocks all online service until renewed at the counter).
 */
export function checkOnlineServiceEligibility(state: PatronState, today: LocalDate, _policy: Policy): void {
  requireRegistered(state);
  if (state.passwordHash === null) throw new PasswordNotIssued(state.cardNumber);
  if (isCardExpired(state, today)) throw new CardExpired({ cardNumber: state.cardNumber, cardExpiresOn: state.cardExpiresOn });
}

/**
 * Who may place a hold (R1–R5). Online: password (R1), valid card (R4), school stage (R2), not wide-area (R3),
 * no overdue loans (R5) as the policy says. At the counter staff check identity and decide, so only the card
 * must be valid (R4: staff renew it on the spot); R2, R3 and R5 are written as online-only rules.
 */
export function checkHoldEligibility(
  state: PatronState,
  { via, today, policy, hasOverdueLoans }: { via: HoldChannel; today: LocalDate; policy: Policy; hasOverdueLoans: boolean },
): void {
  requireRegistered(state);
  const cardNumber = state.cardNumber;
  if (via === 'counter') {
    if (isCardExpired(state, today)) throw new CardExpired({ cardNumber, cardExpiresOn: state.cardExpiresOn });
    return;
  }
  checkOnlineServiceEligibility(state, today, policy);
  if (policy.minimumSchoolStage !== null && !hasReachedSchoolStage(state.birthDate, policy.minimumSchoolStage, today)) {
    throw new BelowJuniorHighAge({ cardNumber, eligibleFrom: schoolStageFrom(state.birthDate, policy.minimumSchoolStage) });
  }
  if (state.wideArea && !policy.wideAreaPatronsMayHoldOnline) throw new WideAreaPatron(cardNumber);
  if (hasOverdueLoans && policy.overdueBlocksHolds) throw new OverdueLoans(cardNumber);
}
