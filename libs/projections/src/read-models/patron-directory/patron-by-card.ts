import { patronsCollection, type PatronDoc } from './patron-directory.read-model';
import type { ReadModelStore } from '../../store/read-model-store';

/** Name and e-mail address of a card's patron, for notifications and staff look-up. */
export function patronByCard(store: ReadModelStore, cardNumber: string): Promise<PatronDoc | undefined> {
  return store.get<PatronDoc>(patronsCollection, cardNumber);
}
