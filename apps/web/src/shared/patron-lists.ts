import type { ContactMethod, HoldStatus } from './common-messages';
import type { LocalDate } from './dates';

/** A patron's three lists (R21-R23), as GET /me/… and the staff patron lookup answer them. */
export interface PatronLoan {
  copyId: string;
  titleId: string;
  titleName: string;
  dueOn: LocalDate;
  overdue: boolean;
}

export interface PatronHold {
  holdId: string;
  titleId: string;
  titleName: string;
  status: HoldStatus;
  pickupLocationId: string;
  contactMethod: ContactMethod;
  placedAt: string;
  queuePosition: number | null;
  queueLength: number;
}

export interface PatronReadyHold {
  holdId: string;
  titleId: string;
  titleName: string;
  copyId: string;
  pickupLocationId: string;
  pickupLocationName: string;
  noticeDay: LocalDate;
  pickupOpenDays: number;
  lastPickupDay: LocalDate;
}
