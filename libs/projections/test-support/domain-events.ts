import { streamIds, type ContactMethod, type DomainEvent, type LocalDate, type LocationCalendar } from '@libs/domain';
import type { NewEvent, RecordedEvent } from '@libs/event-store';

/** Short builders of domain events for tests; defaults are the boring values. */
export const events = {
  locationRegistered: (locationId: string, name = `Location ${locationId}`): DomainEvent => ({ type: 'LocationRegistered', data: { locationId, name } }),
  calendarChanged: (locationId: string, calendar: Partial<LocationCalendar> = {}): DomainEvent => ({
    type: 'CalendarChanged',
    data: {
      locationId,
      calendar: {
        weeklyClosedDays: [],
        closedDates: [],
        closedRanges: [],
        closedOnNationalHolidays: false,
        closedDayAfterNationalHoliday: false,
        ...calendar,
      },
    },
  }),
  titleCatalogued: (titleId: string, name = `Title ${titleId}`): DomainEvent => ({
    type: 'TitleCatalogued',
    data: { titleId, name, author: null, materialType: 'book', volume: null },
  }),
  copyAdded: (titleId: string, copyId: string, locationId: string, loanable = true): DomainEvent => ({
    type: 'CopyAdded',
    data: { titleId, copyId, locationId, loanable },
  }),
  patronRegistered: (cardNumber: string, name = `Patron ${cardNumber}`): DomainEvent => ({
    type: 'PatronRegistered',
    data: { cardNumber, name, birthDate: '1990-01-01', cardExpiresOn: '2030-03-31', wideArea: false },
  }),
  emailRegistered: (cardNumber: string, email: string, previousEmail: string | null = null): DomainEvent => ({
    type: 'EmailRegistered',
    data: { cardNumber, email, previousEmail },
  }),
  cardRenewed: (cardNumber: string, cardExpiresOn: LocalDate): DomainEvent => ({ type: 'CardRenewed', data: { cardNumber, cardExpiresOn } }),
  passwordSet: (cardNumber: string): DomainEvent => ({ type: 'PasswordSet', data: { cardNumber, passwordHash: 'hash', via: 'counter' } }),
  holdPlaced: (titleId: string, holdId: string, cardNumber: string, pickupLocationId: string, contactMethod: ContactMethod = 'email'): DomainEvent => ({
    type: 'HoldPlaced',
    data: { titleId, holdId, cardNumber, pickupLocationId, contactMethod, placedVia: 'online' },
  }),
  holdInTransit: (titleId: string, holdId: string, cardNumber: string, copyId: string, fromLocationId: string, toLocationId: string): DomainEvent => ({
    type: 'HoldInTransit',
    data: { titleId, holdId, cardNumber, copyId, fromLocationId, toLocationId },
  }),
  holdReady: (
    titleId: string,
    holdId: string,
    cardNumber: string,
    copyId: string,
    pickupLocationId: string,
    noticeDay: LocalDate,
    options: { contactMethod?: ContactMethod; pickupOpenDays?: number; lastPickupDay?: LocalDate } = {},
  ): DomainEvent => ({
    type: 'HoldReady',
    data: {
      titleId,
      holdId,
      cardNumber,
      copyId,
      pickupLocationId,
      contactMethod: options.contactMethod ?? 'email',
      noticeDay,
      pickupOpenDays: options.pickupOpenDays ?? 10,
      lastPickupDay: options.lastPickupDay ?? noticeDay,
    },
  }),
  holdFulfilled: (titleId: string, holdId: string, cardNumber: string, copyId: string): DomainEvent => ({
    type: 'HoldFulfilled',
    data: { titleId, holdId, cardNumber, copyId },
  }),
  copyCheckedOut: (titleId: string, copyId: string, cardNumber: string, locationId: string, dueOn: LocalDate, holdId: string | null = null): DomainEvent => ({
    type: 'CopyCheckedOut',
    data: { titleId, copyId, cardNumber, locationId, dueOn, holdId },
  }),
  copyReturned: (titleId: string, copyId: string, cardNumber: string | null, locationId: string): DomainEvent => ({
    type: 'CopyReturned',
    data: { titleId, copyId, cardNumber, locationId },
  }),
  pickupExpired: (
    titleId: string,
    holdId: string,
    cardNumber: string,
    copyId: string,
    pickupLocationId: string,
    lastPickupDay: LocalDate,
    expiredOn: LocalDate,
  ): DomainEvent => ({
    type: 'PickupExpired',
    data: { titleId, holdId, cardNumber, copyId, pickupLocationId, lastPickupDay, expiredOn },
  }),
  holdCancelled: (
    titleId: string,
    holdId: string,
    cardNumber: string,
    previousStatus: 'waiting' | 'in-transit' | 'ready',
    copyId: string | null = null,
    by: 'patron' | 'staff' = previousStatus === 'ready' ? 'staff' : 'patron',
  ): DomainEvent => ({
    type: 'HoldCancelled',
    data: { titleId, holdId, cardNumber, by, reason: null, copyId, previousStatus },
  }),
  holdShelfCleared: (titleId: string, copyId: string, holdId: string, locationId: string): DomainEvent => ({
    type: 'HoldShelfCleared',
    data: { titleId, copyId, holdId, locationId },
  }),
  patronContacted: (titleId: string, holdId: string, cardNumber: string, outcome: 'called' | 'no-answer' | 'left-message'): DomainEvent => ({
    type: 'PatronContacted',
    data: { titleId, holdId, cardNumber, outcome },
  }),
};

/** The stream an event belongs to, as the domain names streams. */
export function streamOf(event: DomainEvent): string {
  switch (event.type) {
    case 'LocationRegistered':
    case 'CalendarChanged':
      return streamIds.location(event.data.locationId);
    case 'StaffAccountCreated':
      return streamIds.staff(event.data.staffId);
    case 'PatronRegistered':
    case 'CardRenewed':
    case 'PasswordSet':
    case 'EmailRegistered':
    case 'PasswordResetRequested':
    case 'HoldSlotClaimed':
    case 'HoldSlotReleased':
      return streamIds.patron(event.data.cardNumber);
    default:
      return streamIds.title(event.data.titleId);
  }
}

let ids = 0;
export function newEvent(event: DomainEvent, occurredAt = '2026-04-01T01:00:00.000Z'): NewEvent {
  ids += 1;
  return {
    id: `00000000-0000-4000-8000-${ids.toString().padStart(12, '0')}`,
    type: event.type,
    data: event.data,
    metadata: { correlationId: `c-${ids}`, causationId: `c-${ids}`, actor: { kind: 'system', id: 'test' }, occurredAt },
  };
}

/** Events as if recorded one after another from position `from`, for folding read models without a store. */
export function recordAll(domainEvents: readonly DomainEvent[], from = 0n, occurredAt?: (i: number) => string): RecordedEvent[] {
  return domainEvents.map((event, i) => {
    const at = occurredAt?.(i) ?? new Date(Date.UTC(2026, 3, 1, 1, 0, i)).toISOString();
    return { ...newEvent(event, at), streamId: streamOf(event), revision: 0, position: from + BigInt(i), recordedAt: at };
  });
}
