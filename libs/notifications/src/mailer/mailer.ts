/** One mail on its way out. `messageId` is derived from what caused the mail, so a re-send carries the same id. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  messageId: string;
  /** The Date header; the send time when absent. */
  date?: Date;
}

/** Where mails go: an SMTP relay in production, `.eml` files in the embedded mode. */
export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
}

/**
 * A mail that did not go out. `permanent` means sending the same mail again would be refused again
 * (an SMTP 5xx reply such as an unknown recipient), so retrying is pointless.
 */
export class MailDeliveryError extends Error {
  readonly permanent: boolean;
  readonly responseCode: number | null;

  constructor(message: string, options: { permanent: boolean; responseCode?: number | null; cause?: unknown }) {
    super(message, { cause: options.cause });
    this.name = 'MailDeliveryError';
    this.permanent = options.permanent;
    this.responseCode = options.responseCode ?? null;
  }
}
