import type { ContactMethod, MaterialType } from '../events';

export type PolicyPresetId = 'library-a' | 'library-b';
export type SchoolStage = 'junior-high';
export type HoldChannel = 'online' | 'counter';

/** Local wall-clock times 'HH:MM' in the policy's time zone; `to` is exclusive. A window may run past midnight. */
export interface MaintenanceWindow {
  from: string;
  to: string;
}

/**
 * Every rule of hold-rules.md on which libraries differ, as a value (the product serves several libraries
 * from one code base). Rule ids in brackets.
 */
export interface Policy {
  id: PolicyPresetId | string;
  libraryName: string;
  /** IANA time zone of the library; every "day" and "time" is local to it (R29, R30). */
  timeZone: string;
  /** Card numbers have exactly this many digits, or null when the library sets no format (R1). */
  cardNumberDigits: number | null;
  /** Active holds per patron, counter holds included (R7). */
  holdLimit: number;
  /** Open days a ready hold is kept, counted from the day after the notice (R18). */
  pickupOpenDays: number;
  /** Send a reminder this many open days before the last pickup day, or null for none. */
  pickupReminderOpenDaysBefore: number | null;
  /** Days from checkout to the due date (a loan's due date; R5, R21). */
  loanDays: number;
  /** Material types a patron may hold online (R8, R9). */
  holdableMaterialTypes: MaterialType[];
  /** Material types staff may hold for a patron at the counter (R9: magazines and AV at the counter only). */
  counterHoldableMaterialTypes: MaterialType[];
  /** False: an online hold is refused while any loanable copy is available on the shelf (R9). */
  onlineHoldsOnAvailableTitles: boolean;
  /** A patron cannot hold a title they have on loan (R10). */
  titleOnLoanBlocksHold: boolean;
  /** Online holds from this school stage on, or null for no age rule (R2). */
  minimumSchoolStage: SchoolStage | null;
  /** Wide-area (neighbouring municipality) patrons may hold online (R3). */
  wideAreaPatronsMayHoldOnline: boolean;
  /** A patron with an overdue loan cannot place online holds (R5). */
  overdueBlocksHolds: boolean;
  /** Contact methods a patron may choose for the ready notice (R14). */
  contactMethods: ContactMethod[];
  /** Daily window when online search and holds are unavailable, or null (R29). */
  maintenanceWindow: MaintenanceWindow | null;
  /** Forgotten password reset online by an e-mailed link; false: at the counter only (R27). */
  onlinePasswordReset: boolean;
  /** Holds can be collected in a favourites list and placed together after a confirmation step (R15). */
  batchHoldsFromFavourites: boolean;
  /** The patron may ask for an e-mail confirming placed holds (R15, R26). */
  placedHoldConfirmationMail: boolean;
  /** Notification e-mails carry a link to the patron's status page (R24). */
  statusPageLinkInMails: boolean;
  /** Which mail confirms a registered or changed e-mail address (R25). */
  emailChangeMail: 'registration-confirmation' | 'change-completed';
  /** The library mails reminders for overdue items (R26). */
  overdueReminderMail: boolean;
}
