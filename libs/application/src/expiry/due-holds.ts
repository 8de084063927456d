import { DomainRuleViolation, expiryDay, type LocalDate } from '@libs/domain';
import { calendarOf, dueReadyHolds, locationsById, titlesById, type CalendarFaultSink, type DueReadyHold, type ReadModelStore } from '@libs/projections';

/** A ready hold whose pickup window is over, with what staff need to see why (R18, R30). */
export interface DueHold extends DueReadyHold {
  titleName: string | null;
  pickupLocationName: string | null;
  /** The (N+1)-th open day after the notice day: the first day the hold may be expired. */
  expiryDay: LocalDate;
}

/** Oldest notice first: the order the sweep expires holds in, so each title hands its copies on first come, first served. */
export function inNoticeOrder(a: Pick<DueHold, 'noticeDay' | 'holdId'>, b: Pick<DueHold, 'noticeDay' | 'holdId'>): number {
  if (a.noticeDay !== b.noticeDay) return a.noticeDay < b.noticeDay ? -1 : 1;
  return a.holdId < b.holdId ? -1 : a.holdId > b.holdId ? 1 : 0;
}

/**
 * The ready holds due for expiry on `today`, judged on each pickup location's current calendar, in notice order.
 * Holds at a location whose calendar cannot be counted go to `onFault`, and the others are listed.
 */
export async function dueHolds(store: ReadModelStore, today: LocalDate, onFault: CalendarFaultSink): Promise<DueHold[]> {
  const due = await dueReadyHolds(store, today, onFault);
  const [locations, titles] = await Promise.all([
    locationsById(
      store,
      due.map((hold) => hold.pickupLocationId),
    ),
    titlesById(
      store,
      due.map((hold) => hold.titleId),
    ),
  ]);
  return due
    .flatMap((hold) => {
      const location = locations.get(hold.pickupLocationId);
      try {
        const day = expiryDay(hold.noticeDay, hold.pickupOpenDays, calendarOf(location));
        return [{ ...hold, titleName: titles.get(hold.titleId)?.name ?? null, pickupLocationName: location?.name ?? null, expiryDay: day }];
      } catch (error) {
        if (!(error instanceof DomainRuleViolation)) throw error;
        onFault({ locationId: hold.pickupLocationId, holdId: hold.holdId, error });
        return [];
      }
    })
    .sort(inNoticeOrder);
}
