import type { ContactMethod, LocalDate } from '@libs/domain';
import type { EmailNotice, MailLanguage } from '../mail/mail-kinds';

type MaybePromise<T> = T | Promise<T>;

/** Who a mail goes to. `email` null: the patron has not registered an address (R25). */
export interface PatronContact {
  name: string;
  email: string | null;
  /** The patron's mail language, when the app knows one; otherwise the reactor's default. */
  language?: MailLanguage;
}

/** What the reactor reads from the read models (or streams) to fill a mail in. */
export interface NotificationLookups {
  patron(cardNumber: string): MaybePromise<PatronContact | null>;
  titleName(titleId: string): MaybePromise<string | null>;
  locationName(locationId: string): MaybePromise<string | null>;
  /**
   * The current last pickup day of a ready hold, as a closure added after the notice moves it (R30);
   * null once the hold is no longer ready (collected, cancelled, expired), so a late mail is not sent.
   * Read it where it cannot lag behind the event (the title stream). Without it the event's day is used.
   */
  lastPickupDay?(holdId: string, titleId: string): MaybePromise<LocalDate | null>;
}

/**
 * The policy values the mails depend on: a structural slice of the domain's Policy (same names),
 * so the app passes its policy as is. The optional ones default to what the fewest surprises give.
 */
export interface NotificationPolicy {
  libraryName: string;
  /** R15 (Library B): confirm holds placed online. */
  placedHoldConfirmationMail: boolean;
  /** Default `Asia/Tokyo`. */
  timeZone?: string;
  /** R26 (Library A). Default false. */
  overdueReminderMail?: boolean;
  /** The optional pickup reminder; null or absent sends none. */
  pickupReminderOpenDaysBefore?: number | null;
  /** R24 (Library B): link the status page, when one is configured. Default true. */
  statusPageLinkInMails?: boolean;
  /** R25: the notice for a registered or changed address. Default: by whether there was an address before. */
  emailChangeMail?: EmailNotice;
  /** R27: false sends no reset mails (Library A resets at the counter). Default true. */
  onlinePasswordReset?: boolean;
}

/** R27: called by the API when it accepts a reset request, since the event keeps only the token's hash. */
export interface PasswordResetRequest {
  cardNumber: string;
  /** The registered address the patron entered, already checked by the API. */
  email: string;
  rawToken: string;
  /** ISO-8601 instant the token stops working. */
  expiresAt: string;
  /** Id of the PasswordResetRequested event. */
  causationId: string;
}

/** From the worker's reminder sweep, for a ready hold whose last pickup day is the policy's open days away. */
export interface PickupReminderRequest {
  cardNumber: string;
  titleId: string;
  pickupLocationId: string;
  contactMethod: ContactMethod;
  lastPickupDay: LocalDate;
  /** Id of the HoldReady event, so each ready hold gets one reminder at most. */
  causationId: string;
}

/** From the worker's overdue sweep (R26, Library A): one mail per patron per run. */
export interface OverdueReminderRequest {
  cardNumber: string;
  loans: { titleId: string; dueOn: LocalDate }[];
  /** Names the sweep run and the patron, e.g. `overdue-2026-12-05-<cardNumber>`, so a re-run sends nothing twice. */
  causationId: string;
}
