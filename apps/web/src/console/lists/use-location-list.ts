import type { ApiClient } from '../../shared/api-client';
import { useLoad, type Loaded } from '../../shared/ui';
import type { Page } from '../api-types';

export type LocationListName = 'hold-shelf' | 'clearance' | 'call-list' | 'pull-list';

const PAGE_SIZE = 500;

/** Every page of a location's working list: a desk works the whole list, not its first page. */
export async function fetchLocationList<T>(api: ApiClient, locationId: string, list: LocationListName): Promise<T[]> {
  const items: T[] = [];
  for (;;) {
    const page = await api.get<Page<T>>(`/staff/locations/${encodeURIComponent(locationId)}/${list}?offset=${items.length}&limit=${PAGE_SIZE}`);
    items.push(...page.items);
    if (page.items.length === 0 || items.length >= page.total) return items;
  }
}

export function useLocationList<T>(api: ApiClient, locationId: string, list: LocationListName): Loaded<T[]> {
  return useLoad(() => fetchLocationList<T>(api, locationId, list), [api, locationId, list]);
}
