import { createContext, type ComponentChildren } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import type { ApiClient } from '../shared/api-client';
import type { Lang } from '../shared/dates';
import { useLanguage, useMessages } from '../shared/language';
import { useLoad, type Loaded } from '../shared/ui';
import type { Calendar, PickupLocation } from './api-types';
import { OPEN_EVERY_DAY } from './calendar/closed-days';
import { consoleMessages, type ConsoleMessages } from './messages';

const LOCATION_KEY = 'holds.console.location';

/** What every console screen needs: the API, the words, the locations and the desk's own location. */
export interface ConsoleContextValue {
  api: ApiClient;
  text: ConsoleMessages;
  lang: Lang;
  locations: Loaded<PickupLocation[]>;
  locationId: string | null;
  setLocationId(locationId: string): void;
  locationName(locationId: string): string;
  /** The location's calendar; open every day until the locations are loaded. */
  calendarOf(locationId: string): Calendar;
}

const ConsoleContext = createContext<ConsoleContextValue | null>(null);

export function ConsoleProvider({ api, children }: { api: ApiClient; children: ComponentChildren }) {
  const text = useMessages(consoleMessages);
  const { lang } = useLanguage();
  const locations = useLoad(async () => (await api.get<{ items: PickupLocation[] }>('/staff/locations')).items, [api]);
  const [locationId, setLocation] = useState<string | null>(() => localStorage.getItem(LOCATION_KEY));
  const known = locations.data ?? [];
  // A desk remembers its location; a location that no longer exists is forgotten.
  useEffect(() => {
    if (locations.data && locationId && !locations.data.some((location) => location.locationId === locationId)) setLocation(null);
  }, [locations.data, locationId]);
  const value: ConsoleContextValue = {
    api,
    text,
    lang,
    locations,
    locationId,
    setLocationId(next) {
      localStorage.setItem(LOCATION_KEY, next);
      setLocation(next);
    },
    locationName: (id) => known.find((location) => location.locationId === id)?.name ?? id,
    calendarOf: (id) => known.find((location) => location.locationId === id)?.calendar ?? OPEN_EVERY_DAY,
  };
  return <ConsoleContext.Provider value={value}>{children}</ConsoleContext.Provider>;
}

export function useConsole(): ConsoleContextValue {
  const value = useContext(ConsoleContext);
  if (!value) throw new Error('useConsole outside ConsoleProvider');
  return value;
}
