import { holdsCollection, type HoldDoc } from './holds.read-model';
import type { ReadModelStore } from '../../store/read-model-store';

export type HoldIndexEntry = Pick<HoldDoc, 'holdId' | 'titleId' | 'cardNumber' | 'status'>;

/** Where a hold lives (its title's stream) and whose it is, also after it ended. */
export async function holdIndex(store: ReadModelStore, holdId: string): Promise<HoldIndexEntry | undefined> {
  const hold = await store.get<HoldDoc>(holdsCollection, holdId);
  return hold && { holdId: hold.holdId, titleId: hold.titleId, cardNumber: hold.cardNumber, status: hold.status };
}
