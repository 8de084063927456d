import type { ContactMethod, LocalDate, LocationCalendar, MaterialType } from '../events';
import type { HoldChannel, Policy } from '../policy/policy';

/** Every title command names its title: the handler appends to `title-<titleId>`. */
interface OnTitle {
  titleId: string;
}

/** Today's date and the calendars of the pickup locations a copy may be assigned to (R18, R30). */
export interface AssignmentContext {
  today: LocalDate;
  policy: Policy;
  /** locationId → its current calendar; must include every pickup location of the title's live holds. */
  calendars: Record<string, LocationCalendar>;
}

export interface CatalogueTitle extends OnTitle {
  type: 'CatalogueTitle';
  name: string;
  author: string | null;
  materialType: MaterialType;
  /**
   * R11: each volume of a series or multi-volume work is catalogued as its own title and held volume by volume.
   * Library A's advice to hold only the first volume, and the next when it arrives, is a hint for the app to show.
   */
  volume: string | null;
}

export interface AddCopy extends OnTitle {
  type: 'AddCopy';
  copyId: string;
  locationId: string;
  /** False for not-for-loan (reference, 禁帯出) copies: never lent, never count as holdable (R8, R9). */
  loanable: boolean;
}

/** The title's side of placing a hold, after the patron's slot was claimed (ClaimHoldSlot). */
export interface PlaceHold extends OnTitle {
  type: 'PlaceHold';
  holdId: string;
  cardNumber: string;
  pickupLocationId: string;
  contactMethod: ContactMethod;
  via: HoldChannel;
  policy: Policy;
  /** The patron's registered address, or null (R14: e-mail contact needs one). */
  patronEmail: string | null;
  /** Registered pickup locations (R13). */
  knownLocationIds: readonly string[];
}

/** A copy scanned in at a location: a return, a copy pulled from the shelf for a hold, or a copy arriving in transit. */
export interface CheckIn extends OnTitle, AssignmentContext {
  type: 'CheckIn';
  copyId: string;
  locationId: string;
}

export interface CheckOut extends OnTitle {
  type: 'CheckOut';
  copyId: string;
  cardNumber: string;
  today: LocalDate;
  policy: Policy;
}

export interface CancelHold extends OnTitle, AssignmentContext {
  type: 'CancelHold';
  holdId: string;
  by: 'patron' | 'staff';
  /** The patron cancelling (must own the hold); null when staff cancel. */
  cardNumber: string | null;
  /** Required from staff (R20), optional from the patron. */
  reason: string | null;
}

/** Sent by the expiry sweep for each hold it believes is due; the title re-checks against today's calendar. */
export interface ExpirePickup extends OnTitle, AssignmentContext {
  type: 'ExpirePickup';
  holdId: string;
}

/** Staff took the copy of an expired or cancelled ready hold off the hold shelf. */
export interface ClearHoldShelf extends OnTitle {
  type: 'ClearHoldShelf';
  copyId: string;
}

/** Staff worked the call list for a ready hold (R14: phone, ring-only, voicemail). */
export interface RecordContact extends OnTitle {
  type: 'RecordContact';
  holdId: string;
  outcome: 'called' | 'no-answer' | 'left-message';
}

export type TitleCommand = CatalogueTitle | AddCopy | PlaceHold | CheckIn | CheckOut | CancelHold | ExpirePickup | ClearHoldShelf | RecordContact;
