import { DomainRuleViolation, isExpired, type LocalDate } from '@libs/domain';
import { holdIndexes, holdsCollection, type HoldDoc } from './holds.read-model';
import type { Page, ReadModelStore } from '../../store/read-model-store';
import type { PageRequest } from '../../store/page-request';
import { calendarOf, lastPickupDay, locationsById } from '../locations/pickup-calendar';

export interface ReadyHold {
  holdId: string;
  titleId: string;
  cardNumber: string;
  copyId: string;
  pickupLocationId: string;
  noticeDay: LocalDate;
  pickupOpenDays: number;
}

export interface DueReadyHold extends ReadyHold {
  lastPickupDay: LocalDate;
}

const toReadyHold = (hold: HoldDoc): ReadyHold => ({
  holdId: hold.holdId,
  titleId: hold.titleId,
  cardNumber: hold.cardNumber,
  copyId: hold.copyId as string,
  pickupLocationId: hold.pickupLocationId,
  noticeDay: hold.noticeDay as LocalDate,
  pickupOpenDays: hold.pickupOpenDays as number,
});

/** Every ready hold with its pickup-window inputs, in hold-id order. */
export async function readyHolds(store: ReadModelStore, page: PageRequest = {}): Promise<Page<ReadyHold>> {
  const holds = await store.list<HoldDoc>(holdsCollection, { index: holdIndexes.ready, ...page });
  return { ...holds, items: holds.items.map(toReadyHold) };
}

/** The ready holds whose patron is told by e-mail (the pickup reminder's candidates), as stored. */
export async function emailReadyHolds(store: ReadModelStore): Promise<HoldDoc[]> {
  const { items } = await store.list<HoldDoc>(holdsCollection, { index: holdIndexes.ready });
  return items.filter((hold) => hold.contactMethod === 'email');
}

/** A ready hold left out of a library-wide list because its location's calendar cannot be counted (CalendarHasNoOpenDay). */
export type CalendarFaultSink = (fault: { locationId: string; holdId: string; error: DomainRuleViolation }) => void;

const rethrow: CalendarFaultSink = ({ error }) => {
  throw error;
};

/**
 * The ready holds whose pickup window has run out by `today`, judged against each location's current calendar
 * (R18, R30). The sweep sends one expiry command per hold; the title's decider checks again (I3). A hold whose
 * location's calendar cannot be counted goes to `onFault` and is left out, so one location never stops the others.
 */
export async function dueReadyHolds(store: ReadModelStore, today: LocalDate, onFault: CalendarFaultSink = rethrow): Promise<DueReadyHold[]> {
  const { items } = await store.list<HoldDoc>(holdsCollection, { index: holdIndexes.ready });
  const locations = await locationsById(
    store,
    items.map((hold) => hold.pickupLocationId),
  );
  return items.flatMap((hold) => {
    const location = locations.get(hold.pickupLocationId);
    try {
      if (!isExpired(today, hold.noticeDay as LocalDate, hold.pickupOpenDays as number, calendarOf(location))) return [];
      return [{ ...toReadyHold(hold), lastPickupDay: lastPickupDay(hold, location) }];
    } catch (error) {
      if (!(error instanceof DomainRuleViolation)) throw error;
      onFault({ locationId: hold.pickupLocationId, holdId: hold.holdId, error });
      return [];
    }
  });
}
