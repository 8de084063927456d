import { openCalendar } from '../calendar/open-days';
import type { LocationCalendar, LocationEvent } from '../events';

export interface LocationState {
  exists: boolean;
  locationId: string | null;
  name: string | null;
  /** Open every day until staff set a calendar. */
  calendar: LocationCalendar;
}

export const initialLocationState: LocationState = { exists: false, locationId: null, name: null, calendar: openCalendar() };

export function evolveLocation(state: LocationState, event: LocationEvent): LocationState {
  switch (event.type) {
    case 'LocationRegistered':
      return { ...state, exists: true, locationId: event.data.locationId, name: event.data.name };
    case 'CalendarChanged':
      return { ...state, calendar: event.data.calendar };
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}
