import { isExpired, type LocalDate } from '@libs/domain';
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

/**
 * The ready holds whose pickup window has run out by `today`, judged against each location's current calendar
 * (R18, R30). The sweep sends one expiry command per hold; the title's decider checks again (I3).
 */
export async function dueReadyHolds(store: ReadModelStore, today: LocalDate): Promise<DueReadyHold[]> {
  const { items } = await store.list<HoldDoc>(holdsCollection, { index: holdIndexes.ready });
  const locations = await locationsById(
    store,
    items.map((hold) => hold.pickupLocationId),
  );
  return items
    .filter((hold) => isExpired(today, hold.noticeDay as LocalDate, hold.pickupOpenDays as number, calendarOf(locations.get(hold.pickupLocationId))))
    .map((hold) => ({ ...toReadyHold(hold), lastPickupDay: lastPickupDay(hold, locations.get(hold.pickupLocationId)) }));
}
