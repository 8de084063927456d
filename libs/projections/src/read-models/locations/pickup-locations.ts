import { locationIndexes, locationsCollection, type LocationDoc } from './locations.read-model';
import type { ReadModelStore } from '../../store/read-model-store';

/** A pickup location's name and current calendar. */
export function pickupLocation(store: ReadModelStore, locationId: string): Promise<LocationDoc | undefined> {
  return store.get<LocationDoc>(locationsCollection, locationId);
}

/** Every pickup location, in id order. */
export async function pickupLocations(store: ReadModelStore): Promise<LocationDoc[]> {
  return (await store.list<LocationDoc>(locationsCollection, { index: locationIndexes.all })).items;
}
