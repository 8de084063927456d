import type { LocalDate } from '@libs/domain';

/** Every mail the library sends (R26 and R27), plus the optional pickup reminder. */
export const mailKinds = ['hold-ready', 'email-registered', 'overdue-reminder', 'hold-placed', 'password-reset', 'pickup-reminder'] as const;

export type MailKind = (typeof mailKinds)[number];
export type MailLanguage = 'ja' | 'en';

/** R17: a copy is ready at the pickup location. */
export interface HoldReadyMail {
  patronName: string;
  titleName: string;
  pickupLocationName: string;
  lastPickupDay: LocalDate;
}

/** R25: which notice confirms a registered or changed address is the library's choice (policy `emailChangeMail`). */
export type EmailNotice = 'registration-confirmation' | 'change-completed';

/** R25: an address registered or changed online. */
export interface EmailRegisteredMail {
  patronName: string;
  email: string;
  notice: EmailNotice;
}

/** R26 (Library A): loans past their due date. */
export interface OverdueReminderMail {
  patronName: string;
  loans: { titleName: string; dueOn: LocalDate }[];
}

/** R15 (Library B, optional): the holds just placed online. */
export interface HoldPlacedMail {
  patronName: string;
  holds: { titleName: string; pickupLocationName: string }[];
}

/** R27 (Library B): the raw single-use token; only its hash is ever stored. */
export interface PasswordResetMail {
  patronName: string;
  token: string;
  /** ISO-8601 instant the token stops working. */
  expiresAt: string;
}

/** A ready hold's last pickup day is near (optional policy). */
export interface PickupReminderMail {
  patronName: string;
  titleName: string;
  pickupLocationName: string;
  lastPickupDay: LocalDate;
}

export interface MailData {
  'hold-ready': HoldReadyMail;
  'email-registered': EmailRegisteredMail;
  'overdue-reminder': OverdueReminderMail;
  'hold-placed': HoldPlacedMail;
  'password-reset': PasswordResetMail;
  'pickup-reminder': PickupReminderMail;
}

/** One kind with its data, narrowed together by `kind`. */
export type MailRequest = { [K in MailKind]: { kind: K; data: MailData[K] } }[MailKind];

export interface RenderOptions {
  libraryName: string;
  /** Default `ja`. */
  language?: MailLanguage;
  /** The patron status page linked from notification mails (R24); no link when absent. */
  statusPageBaseUrl?: string | null;
  /** The page that takes a reset token (R27); without it the mail gives the token as a code to type in. */
  passwordResetUrl?: string | null;
  /** Time zone instants are shown in. Default `Asia/Tokyo`. */
  timeZone?: string;
}

export interface RenderedMail {
  subject: string;
  text: string;
}
