import type { ContactMethod, HoldStatus } from '../shared/common-messages';
import type { LocalDate } from '../shared/dates';
import type { PatronHold, PatronLoan, PatronReadyHold } from '../shared/patron-lists';

/** The staff API's answers, as GET /openapi.json and the README describe them. */
export interface Calendar {
  weeklyClosedDays: number[];
  closedDates: LocalDate[];
  closedRanges: { from: LocalDate; to: LocalDate; reason?: string }[];
  closedOnNationalHolidays: boolean;
  closedDayAfterNationalHoliday: boolean;
}

export interface PickupLocation {
  locationId: string;
  name: string;
  /** null until a calendar is set: open every day. */
  calendar: Calendar | null;
}

export interface Holiday {
  date: LocalDate;
  name: string;
  nameEn: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  offset: number;
  limit: number;
}

export interface ShelfHold {
  holdId: string;
  cardNumber: string;
  titleId: string;
  titleName: string;
  copyId: string;
  contactMethod: ContactMethod;
  noticeDay: LocalDate;
  pickupOpenDays: number;
  lastPickupDay: LocalDate;
}

export interface ClearanceItem {
  holdId: string;
  copyId: string;
  titleId: string;
  titleName: string;
  reason: 'expired' | 'cancelled';
  endedAt: string;
}

export interface CallListItem {
  holdId: string;
  cardNumber: string;
  patronName: string;
  titleId: string;
  titleName: string;
  contactMethod: ContactMethod;
  contactAttempts: number;
  noticeDay: LocalDate;
  lastPickupDay: LocalDate;
}

export interface PullListItem {
  titleId: string;
  titleName: string;
  waitingHolds: number;
  copyIds: string[];
}

export type CheckinOutcome =
  | { action: 'hold-shelf'; holdId: string; cardNumber: string; pickupLocationId: string; lastPickupDay: LocalDate }
  | { action: 'transit'; holdId: string; cardNumber: string; toLocationId: string }
  | { action: 'shelve' };

export interface CheckinAnswer {
  copyId: string;
  titleId: string;
  returned: boolean;
  outcome: CheckinOutcome;
}

export interface CheckoutAnswer {
  copyId: string;
  titleId: string;
  cardNumber: string;
  dueOn: LocalDate;
  fulfilledHoldId: string | null;
}

export interface Actor {
  kind: 'patron' | 'staff' | 'system';
  id: string;
}

export interface HistoryEntry {
  position: string;
  streamId: string;
  type: string;
  data: Record<string, unknown>;
  actor: Actor | null;
  occurredAt: string;
  recordedAt: string;
  reason: string | null;
  eventId: string;
}

export interface HoldAsOf {
  holdId: string;
  asOf: string;
  status: HoldStatus | null;
  titleId: string;
  cardNumber: string;
  pickupLocationId: string | null;
  copyId: string | null;
  queuePosition: number | null;
  noticeDay: LocalDate | null;
  lastPickupDay: LocalDate | null;
  eventsApplied: number;
}

export interface PatronRecord {
  cardNumber: string;
  name: string;
  birthDate: LocalDate;
  cardExpiresOn: LocalDate;
  wideArea: boolean;
  email: string | null;
  passwordIssued: boolean;
  activeHolds: number;
  loans: PatronLoan[];
  holds: PatronHold[];
  readyHolds: PatronReadyHold[];
}
