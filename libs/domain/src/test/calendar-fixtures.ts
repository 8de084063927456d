import { openCalendar } from '../calendar/open-days';
import type { LocationCalendar } from '../events';

/** A calendar with only the listed closures. */
export const calendarWith = (closures: Partial<LocationCalendar>): LocationCalendar => ({ ...openCalendar(), ...closures });
