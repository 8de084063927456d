import { openCalendar, pickupDeadline, type LocalDate, type LocationCalendar } from '@libs/domain';
import type { HoldDoc } from '../holds/holds.read-model';
import { locationsCollection, type LocationDoc } from './locations.read-model';
import type { ReadModelStore } from '../../store/read-model-store';
import { documentsById } from '../titles/title-lookups';

/** The pickup locations behind a list's entries, one read for all of them. */
export function locationsById(store: ReadModelStore, locationIds: readonly string[]): Promise<Map<string, LocationDoc>> {
  return documentsById<LocationDoc>(store, locationsCollection, locationIds);
}

/** A location's current calendar; every day open until one is set. */
export function calendarOf(location: LocationDoc | undefined): LocationCalendar {
  return location?.calendar ?? openCalendar();
}

/**
 * The last pickup day of a ready hold, from its location's calendar as it is NOW: a closure added after the
 * notice moves it (R23, R30). The day stored in HoldReady is only what it was at notice time.
 */
export function lastPickupDay(hold: Pick<HoldDoc, 'noticeDay' | 'pickupOpenDays'>, location: LocationDoc | undefined): LocalDate {
  return pickupDeadline(hold.noticeDay as LocalDate, hold.pickupOpenDays as number, calendarOf(location));
}
