/**
 * Pickup locations to suggest in the pickup field: the library's own list (GET /library), those seen in the
 * patron's lists, and the last one chosen (remembered in the browser).
 */
const LAST_PICKUP_KEY = 'holds.patron.lastPickup';

export interface KnownLocation {
  locationId: string;
  name: string;
}

export function lastPickup(): string {
  return localStorage.getItem(LAST_PICKUP_KEY) ?? '';
}

export function rememberPickup(locationId: string): void {
  localStorage.setItem(LAST_PICKUP_KEY, locationId);
}

export function mergeLocations(...lists: KnownLocation[][]): KnownLocation[] {
  const byId = new Map<string, KnownLocation>();
  for (const location of lists.flat()) {
    const known = byId.get(location.locationId);
    if (!known || known.name === known.locationId) byId.set(location.locationId, location);
  }
  return [...byId.values()];
}
