import { addDays, type LocalDate } from '../../shared/dates';
import { useLoad } from '../../shared/ui';
import type { ApiClient } from '../../shared/api-client';
import type { Holiday } from '../api-types';
import type { HolidayNames } from './closed-days';

/** The day-after-holiday rule looks back up to a week, so the holidays asked for start earlier than the view. */
const LOOK_BACK_DAYS = 14;

/**
 * National holidays around the days on view (GET /staff/locations/holidays), by date, in the screen's language;
 * null until they are loaded, so no month is drawn with its holidays missing.
 */
export function useHolidays(api: ApiClient, from: LocalDate, to: LocalDate, english: boolean): HolidayNames | null {
  const loaded = useLoad(
    async () => (await api.get<{ items: Holiday[] }>(`/staff/locations/holidays?from=${addDays(from, -LOOK_BACK_DAYS)}&to=${to}`)).items,
    [api, from, to],
  );
  return loaded.data && new Map(loaded.data.map((holiday) => [holiday.date, english ? holiday.nameEn : holiday.name]));
}
