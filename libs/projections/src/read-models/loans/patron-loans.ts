import { isOverdue, type LocalDate } from '@libs/domain';
import { loanIndexes, loansCollection, type LoanDoc } from './loans.read-model';
import type { ReadModelStore } from '../../store/read-model-store';
import { byKeys, titlesById } from '../titles/title-lookups';

export interface PatronLoan {
  copyId: string;
  titleId: string;
  titleName: string | null;
  dueOn: LocalDate;
  /** Past its due date as of `today` (R21, R5). */
  overdue: boolean;
}

/** The patron's loan list (R21), soonest due first. */
export async function patronLoans(store: ReadModelStore, cardNumber: string, today: LocalDate): Promise<PatronLoan[]> {
  const { items: loans } = await store.list<LoanDoc>(loansCollection, { index: loanIndexes.patron(cardNumber) });
  const titles = await titlesById(
    store,
    loans.map((loan) => loan.titleId),
  );
  return loans
    .map((loan) => ({
      copyId: loan.copyId,
      titleId: loan.titleId,
      titleName: titles.get(loan.titleId)?.name ?? null,
      dueOn: loan.dueOn,
      overdue: loan.dueOn < today,
    }))
    .sort(
      byKeys(
        (loan) => loan.dueOn,
        (loan) => loan.copyId,
      ),
    );
}

/** Every loan past its due date as of `today`, of every patron (the overdue reminders' list: R26). */
export async function overdueLoans(store: ReadModelStore, today: LocalDate): Promise<LoanDoc[]> {
  const { items: loans } = await store.list<LoanDoc>(loansCollection);
  return loans.filter((loan) => isOverdue(loan.dueOn, today));
}
