import { openCalendar } from '../calendar/open-days';
import { InvalidCalendar, LocationAlreadyRegistered, UnknownLocation } from '../errors';
import type { LocationEvent } from '../events';
import { calendarWith } from '../test/calendar-fixtures';
import { given, violationOf } from '../test/given';
import { locationDecider } from './location-decider';

const registered: LocationEvent = { type: 'LocationRegistered', data: { locationId: 'main', name: 'Main Library' } };
const mondays = calendarWith({ weeklyClosedDays: [1], closedOnNationalHolidays: true });

describe('location: a pickup location and its calendar', () => {
  it('R13: registers a pickup location, open every day until a calendar is set', () => {
    const events = given(locationDecider, []).when({ type: 'RegisterLocation', locationId: 'main', name: 'Main Library' });
    expect(events).toEqual([registered]);
    expect(given(locationDecider, events).state).toEqual({ exists: true, locationId: 'main', name: 'Main Library', calendar: openCalendar() });
  });

  it('refuses to register a location twice', () => {
    expect(() => given(locationDecider, [registered]).when({ type: 'RegisterLocation', locationId: 'main', name: 'Again' })).toThrow(LocationAlreadyRegistered);
  });

  it('R30: staff change the calendar (weekly closures, holidays, closures added later)', () => {
    const events = given(locationDecider, [registered]).when({ type: 'ChangeCalendar', locationId: 'main', calendar: mondays });
    expect(events).toEqual([{ type: 'CalendarChanged', data: { locationId: 'main', calendar: mondays } }]);
    expect(given(locationDecider, [registered, ...events]).state.calendar).toEqual(mondays);
  });

  it('saving the same calendar again records nothing', () => {
    const changed: LocationEvent = { type: 'CalendarChanged', data: { locationId: 'main', calendar: mondays } };
    expect(given(locationDecider, [registered, changed]).when({ type: 'ChangeCalendar', locationId: 'main', calendar: mondays })).toEqual([]);
  });

  it('R30: refuses an invalid calendar, listing what is wrong', () => {
    const bad = { ...mondays, weeklyClosedDays: [8], closedRanges: [{ from: '2026-12-31', to: '2026-12-29' }] };
    const error = violationOf(() => given(locationDecider, [registered]).when({ type: 'ChangeCalendar', locationId: 'main', calendar: bad }));
    expect(error).toBeInstanceOf(InvalidCalendar);
    expect(error.details).toEqual({
      problems: ['weeklyClosedDays[0]: 8 is not a weekday number 0..6', 'closedRanges[0]: from 2026-12-31 is after to 2026-12-29'],
    });
  });

  it('refuses a calendar for an unknown location', () => {
    expect(() => given(locationDecider, []).when({ type: 'ChangeCalendar', locationId: 'nowhere', calendar: mondays })).toThrow(UnknownLocation);
  });
});
