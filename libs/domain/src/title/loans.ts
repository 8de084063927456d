import { addDays, requireLocalDate } from '../calendar/local-date';
import type { LocalDate } from '../events';
import type { Policy } from '../policy/policy';

/** The due date of a loan made today (R21). */
export function dueDate(today: LocalDate, policy: Pick<Policy, 'loanDays'>): LocalDate {
  return addDays(requireLocalDate(today, 'today'), policy.loanDays);
}

/** Overdue from the day after the due date: the loan list's flag (R21) and what blocks online holds at Library A (R5). */
export function isOverdue(dueOn: LocalDate, today: LocalDate): boolean {
  return requireLocalDate(today, 'today') > requireLocalDate(dueOn, 'dueOn');
}
