import { calendarProblems } from '../calendar/calendar-problems';
import type { Decider } from '../decider';
import { InvalidCalendar, LocationAlreadyRegistered, UnknownLocation } from '../errors';
import type { LocationCalendar, LocationEvent } from '../events';
import { evolveLocation, initialLocationState, type LocationState } from './location-state';

export interface RegisterLocation {
  type: 'RegisterLocation';
  locationId: string;
  name: string;
}

/** Staff replace the whole calendar; a closure added while holds are ready lengthens their windows (R30). */
export interface ChangeCalendar {
  type: 'ChangeCalendar';
  locationId: string;
  calendar: LocationCalendar;
}

export type LocationCommand = RegisterLocation | ChangeCalendar;

function decideLocation(command: LocationCommand, state: LocationState): LocationEvent[] {
  switch (command.type) {
    case 'RegisterLocation': {
      if (state.exists) throw new LocationAlreadyRegistered(command.locationId);
      return [{ type: 'LocationRegistered', data: { locationId: command.locationId, name: command.name } }];
    }
    case 'ChangeCalendar': {
      if (!state.exists) throw new UnknownLocation(command.locationId);
      const problems = calendarProblems(command.calendar);
      if (problems.length > 0) throw new InvalidCalendar(problems);
      // Saving the same calendar again records nothing.
      if (JSON.stringify(command.calendar) === JSON.stringify(state.calendar)) return [];
      return [{ type: 'CalendarChanged', data: { locationId: command.locationId, calendar: command.calendar } }];
    }
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

/** Stream `location-<locationId>`: a pickup location and its open-day calendar. */
export const locationDecider: Decider<LocationCommand, LocationState, LocationEvent> = {
  initialState: initialLocationState,
  evolve: evolveLocation,
  decide: decideLocation,
};
