import type { LocationCalendar } from '@libs/domain';
import { isOneOf, type ProjectedEvent } from '../../projected-event';
import type { ReadModel } from '../../read-model';

/** A pickup location with its current open-day calendar (R30): deadlines are computed from it when read. */
export interface LocationDoc {
  locationId: string;
  name: string | null;
  /** null until the first CalendarChanged: every day open. */
  calendar: LocationCalendar | null;
}

export const locationsCollection = 'locations';

export const locationIndexes = { all: 'all' } as const;

const handled = ['LocationRegistered', 'CalendarChanged'] as const;

export const locationsReadModel: ReadModel<LocationDoc> = {
  collection: locationsCollection,

  keysOf: (event) => (isOneOf(event, handled) ? [event.data.locationId] : []),

  evolve(doc: LocationDoc | undefined, event: ProjectedEvent): LocationDoc | undefined {
    if (!isOneOf(event, handled)) return doc;
    const location = doc ?? { locationId: event.data.locationId, name: null, calendar: null };
    switch (event.type) {
      case 'LocationRegistered':
        return { ...location, name: event.data.name };
      case 'CalendarChanged':
        return { ...location, calendar: event.data.calendar };
      default: {
        const unhandled: never = event;
        return unhandled;
      }
    }
  },

  indexesOf: () => [locationIndexes.all],
};
