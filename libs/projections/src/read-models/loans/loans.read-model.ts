import type { LocalDate } from '@libs/domain';
import { isOneOf, type ProjectedEvent } from '../../projected-event';
import type { ReadModel } from '../../read-model';

/** A copy on loan, keyed by copy id. Overdue is decided when read, against today (R21). */
export interface LoanDoc {
  copyId: string;
  titleId: string;
  cardNumber: string;
  locationId: string;
  dueOn: LocalDate;
  holdId: string | null;
  checkedOutAt: string;
}

export const loansCollection = 'loans';

export const loanIndexes = {
  patron: (cardNumber: string) => `patron:${cardNumber}`,
} as const;

const handled = ['CopyCheckedOut', 'CopyReturned'] as const;

export const loansReadModel: ReadModel<LoanDoc> = {
  collection: loansCollection,

  keysOf: (event) => (isOneOf(event, handled) ? [event.data.copyId] : []),

  evolve(doc: LoanDoc | undefined, event: ProjectedEvent): LoanDoc | undefined {
    if (!isOneOf(event, handled)) return doc;
    switch (event.type) {
      case 'CopyCheckedOut': {
        const { copyId, titleId, cardNumber, locationId, dueOn, holdId } = event.data;
        return { copyId, titleId, cardNumber, locationId, dueOn, holdId, checkedOutAt: event.metadata.occurredAt };
      }
      case 'CopyReturned':
        return undefined;
      default: {
        const unhandled: never = event;
        return unhandled;
      }
    }
  },

  indexesOf: (doc) => [loanIndexes.patron(doc.cardNumber)],
};
