/**
 * Every domain event of the product. The design card's names (HoldPlaced, HoldReady, PickupExpired,
 * HoldCancelled) are used as is. Streams are consistency boundaries:
 *
 * - `patron-<cardNumber>`: the patron's registration, card, password, e-mail, and the ledger of active hold
 *   slots (claimed before a hold is placed, released when it ends) so the hold limit (R7) holds under races.
 * - `title-<titleId>`: the title, its copies and its hold queue. Copy assignment, check-in, check-out,
 *   expiry and "hand the copy to the next hold" are all decisions on this one stream, so I2 and I4 are
 *   single-stream atomic appends.
 * - `location-<locationId>`: a pickup location and its open-day calendar (R30).
 * - `staff-<staffId>`: staff accounts.
 * - `copy-<copyId>`: one CopyRegistered event claiming the copy id for its title, so copy ids are unique across
 *   titles and a scanned copy id leads to its title's stream with one strongly consistent read.
 *
 * Dates named `...Day` / `...On` are local calendar dates (YYYY-MM-DD) in the library's time zone.
 */

export type LocalDate = string;

export type MaterialType = 'book' | 'magazine' | 'audiovisual' | 'in-library-video' | 'reference';
export type ContactMethod = 'email' | 'phone' | 'ring-only' | 'voicemail' | 'none';
export type StaffRole = 'admin' | 'circulation' | 'auditor';

export interface ClosedRange {
  from: LocalDate;
  to: LocalDate;
  reason?: string;
}

/** A pickup location's open-day calendar. A day is open unless one of these closes it. */
export interface LocationCalendar {
  /** Weekly closing days, 0 = Sunday … 6 = Saturday. */
  weeklyClosedDays: number[];
  /** Single closed dates (holidays, unscheduled closures such as storms). */
  closedDates: LocalDate[];
  /** Closed ranges, inclusive (year-end closure, inventory). */
  closedRanges: ClosedRange[];
  /** Closed on Japanese national holidays. */
  closedOnNationalHolidays: boolean;
  /**
   * Closed on the day after a national holiday (祝日の翌日休館): the first regular weekday (Monday–Friday, not a
   * national holiday, not a weekly closing day) after a holiday or a run of holidays. See calendar/open-days.ts.
   */
  closedDayAfterNationalHoliday: boolean;
}

// ---- location-<locationId> ----
export interface LocationRegistered {
  type: 'LocationRegistered';
  data: { locationId: string; name: string };
}
export interface CalendarChanged {
  type: 'CalendarChanged';
  data: { locationId: string; calendar: LocationCalendar };
}

// ---- staff-<staffId> ----
export interface StaffAccountCreated {
  type: 'StaffAccountCreated';
  data: { staffId: string; name: string; roles: StaffRole[]; passwordHash: string };
}

// ---- copy-<copyId> ----
export interface CopyRegistered {
  type: 'CopyRegistered';
  data: { copyId: string; titleId: string };
}

// ---- patron-<cardNumber> ----
export interface PatronRegistered {
  type: 'PatronRegistered';
  data: {
    cardNumber: string;
    name: string;
    birthDate: LocalDate;
    cardExpiresOn: LocalDate;
    /** Registered under the wide-area (neighbouring municipality) scheme (R3). */
    wideArea: boolean;
  };
}
export interface CardRenewed {
  type: 'CardRenewed';
  data: { cardNumber: string; cardExpiresOn: LocalDate };
}
export interface PasswordSet {
  type: 'PasswordSet';
  /** `counter`: issued by staff after an identity check (R1); `online`: changed by the patron (R28); `reset`: R27. */
  data: { cardNumber: string; passwordHash: string; via: 'counter' | 'online' | 'reset' };
}
export interface EmailRegistered {
  type: 'EmailRegistered';
  data: { cardNumber: string; email: string; previousEmail: string | null };
}
export interface PasswordResetRequested {
  type: 'PasswordResetRequested';
  /** Only a hash of the single-use token is stored. */
  data: { cardNumber: string; tokenHash: string; expiresAt: string };
}
export interface HoldSlotClaimed {
  type: 'HoldSlotClaimed';
  data: { cardNumber: string; holdId: string; titleId: string };
}
export interface HoldSlotReleased {
  type: 'HoldSlotReleased';
  data: { cardNumber: string; holdId: string; titleId: string };
}

// ---- title-<titleId> ----
export interface TitleCatalogued {
  type: 'TitleCatalogued';
  data: { titleId: string; name: string; author: string | null; materialType: MaterialType; volume: string | null };
}
export interface CopyAdded {
  type: 'CopyAdded';
  data: { titleId: string; copyId: string; locationId: string; loanable: boolean };
}
export interface CopyCheckedOut {
  type: 'CopyCheckedOut';
  data: {
    titleId: string;
    copyId: string;
    cardNumber: string;
    locationId: string;
    dueOn: LocalDate;
    /** The ready hold this checkout fulfilled, if any. */
    holdId: string | null;
  };
}
export interface CopyReturned {
  type: 'CopyReturned';
  data: { titleId: string; copyId: string; cardNumber: string | null; locationId: string };
}
export interface HoldPlaced {
  type: 'HoldPlaced';
  data: {
    titleId: string;
    holdId: string;
    cardNumber: string;
    pickupLocationId: string;
    contactMethod: ContactMethod;
    /** `online` by the patron, `counter` by staff for the patron; both count toward R7. */
    placedVia: 'online' | 'counter';
  };
}
export interface HoldInTransit {
  type: 'HoldInTransit';
  /** A copy was assigned to the hold at another location and is on its way to the pickup location. */
  data: { titleId: string; holdId: string; cardNumber: string; copyId: string; fromLocationId: string; toLocationId: string };
}
export interface HoldReady {
  type: 'HoldReady';
  data: {
    titleId: string;
    holdId: string;
    cardNumber: string;
    copyId: string;
    pickupLocationId: string;
    contactMethod: ContactMethod;
    /** The notice day; the pickup window counts open days from the day after it (R18). */
    noticeDay: LocalDate;
    /** The policy's pickup window in open days, fixed at notice time. */
    pickupOpenDays: number;
    /** Last pickup day as computed from the location's calendar at notice time; a later closure moves it (R30). */
    lastPickupDay: LocalDate;
  };
}
export interface HoldFulfilled {
  type: 'HoldFulfilled';
  data: { titleId: string; holdId: string; cardNumber: string; copyId: string };
}
export interface PickupExpired {
  type: 'PickupExpired';
  /** The automatic cancellation on the open day after the last pickup day (R18). */
  data: {
    titleId: string;
    holdId: string;
    cardNumber: string;
    copyId: string;
    pickupLocationId: string;
    lastPickupDay: LocalDate;
    expiredOn: LocalDate;
  };
}
export interface HoldCancelled {
  type: 'HoldCancelled';
  data: {
    titleId: string;
    holdId: string;
    cardNumber: string;
    by: 'patron' | 'staff';
    reason: string | null;
    /** The copy the hold had (ready or in transit), which goes on to the next hold or back to the shelf (I4). */
    copyId: string | null;
    /** Status of the hold when it was cancelled. */
    previousStatus: 'waiting' | 'in-transit' | 'ready';
  };
}
export interface HoldShelfCleared {
  type: 'HoldShelfCleared';
  /** Staff took the copy of an expired or cancelled ready hold off the hold shelf (clearance list). */
  data: { titleId: string; copyId: string; holdId: string; locationId: string };
}
export interface PatronContacted {
  type: 'PatronContacted';
  /** Staff worked the call list for a ready hold (R14: phone, ring-only, voicemail). */
  data: { titleId: string; holdId: string; cardNumber: string; outcome: 'called' | 'no-answer' | 'left-message' };
}

export type LocationEvent = LocationRegistered | CalendarChanged;
export type StaffEvent = StaffAccountCreated;
export type CopyRegistryEvent = CopyRegistered;
export type PatronEvent = PatronRegistered | CardRenewed | PasswordSet | EmailRegistered | PasswordResetRequested | HoldSlotClaimed | HoldSlotReleased;
export type TitleEvent =
  | TitleCatalogued
  | CopyAdded
  | CopyCheckedOut
  | CopyReturned
  | HoldPlaced
  | HoldInTransit
  | HoldReady
  | HoldFulfilled
  | PickupExpired
  | HoldCancelled
  | HoldShelfCleared
  | PatronContacted;

export type DomainEvent = LocationEvent | StaffEvent | CopyRegistryEvent | PatronEvent | TitleEvent;
export type DomainEventType = DomainEvent['type'];

export const streamIds = {
  patron: (cardNumber: string) => `patron-${cardNumber}`,
  title: (titleId: string) => `title-${titleId}`,
  location: (locationId: string) => `location-${locationId}`,
  staff: (staffId: string) => `staff-${staffId}`,
  copy: (copyId: string) => `copy-${copyId}`,
} as const;
