import type { LocalDate } from '@libs/domain';
import { isOneOf, type ProjectedEvent } from '../../projected-event';
import type { ReadModel } from '../../read-model';

/** Who a card belongs to and where to e-mail them: for notifications and staff look-up by card. */
export interface PatronDoc {
  cardNumber: string;
  name: string | null;
  email: string | null;
  cardExpiresOn: LocalDate | null;
}

export const patronsCollection = 'patrons';

const handled = ['PatronRegistered', 'EmailRegistered', 'CardRenewed'] as const;

export const patronDirectoryReadModel: ReadModel<PatronDoc> = {
  collection: patronsCollection,

  keysOf: (event) => (isOneOf(event, handled) ? [event.data.cardNumber] : []),

  evolve(doc: PatronDoc | undefined, event: ProjectedEvent): PatronDoc | undefined {
    if (!isOneOf(event, handled)) return doc;
    const patron = doc ?? { cardNumber: event.data.cardNumber, name: null, email: null, cardExpiresOn: null };
    switch (event.type) {
      case 'PatronRegistered':
        return { ...patron, name: event.data.name, cardExpiresOn: event.data.cardExpiresOn };
      case 'EmailRegistered':
        return { ...patron, email: event.data.email };
      case 'CardRenewed':
        return { ...patron, cardExpiresOn: event.data.cardExpiresOn };
      default: {
        const unhandled: never = event;
        return unhandled;
      }
    }
  },

  indexesOf: () => [],
};
