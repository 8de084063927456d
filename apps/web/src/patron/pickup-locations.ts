/**
 * Pickup locations the patron has used, to suggest in the pickup field. The patron API lists no
 * locations, so the page remembers those seen in the patron's own lists and the last one chosen.
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
