import type { MailKind } from '../mail/mail-kinds';

/**
 * `pending`: claimed, being delivered (or its dispatcher died; the claim's lease then runs out).
 * `sent`: handed to the mailer, never sent again. `failed`: attempts used up or refused for good; for staff.
 */
export type DeliveryState = 'pending' | 'sent' | 'failed';

/** What the ledger knows about one mail, keyed by the event (or job run) that caused it and the mail kind. */
export interface DeliveryRecord {
  key: string;
  kind: MailKind;
  causationId: string;
  recipient: string;
  messageId: string;
  state: DeliveryState;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
  sentAt: string | null;
  failedAt: string | null;
}

export interface DeliveryClaimRequest {
  kind: MailKind;
  causationId: string;
  recipient: string;
  messageId: string;
}

/** A claim is the right to deliver one mail until `lease` runs out; `token` proves it in later updates. */
export type DeliveryClaim = { claimed: true; token: string; record: DeliveryRecord } | { claimed: false; record: DeliveryRecord };

export interface Page {
  offset: number;
  limit: number;
}

export interface FailedDeliveries {
  total: number;
  /** Newest failure first. */
  items: DeliveryRecord[];
}

/**
 * Remembers every mail the product sends, so a replayed event or a restarted worker never sends a second one.
 * A claim is exclusive: while one dispatcher holds an unexpired claim, nobody else gets one;
 * once a delivery is `sent` or `failed`, nobody gets one again.
 */
export interface DeliveryLedger {
  get(kind: MailKind, causationId: string): Promise<DeliveryRecord | null>;
  /** Creates the record as `pending` on first claim; a pending record whose lease ran out can be claimed again. */
  claim(request: DeliveryClaimRequest, at: Date, leaseMs: number): Promise<DeliveryClaim>;
  /** Records a failed attempt and extends the lease by `leaseMs`; false when the claim was lost to another dispatcher. */
  recordAttempt(key: string, token: string, update: { attempts: number; lastError: string; at: Date; leaseMs: number }): Promise<boolean>;
  /** The mail went out: `sent`, whoever holds the claim now. */
  markSent(key: string, token: string, update: { attempts: number; at: Date }): Promise<void>;
  /** Gives up: `failed`, unless the claim was lost to another dispatcher (then it is theirs to settle). */
  markFailed(key: string, token: string, update: { attempts: number; lastError: string; at: Date }): Promise<void>;
  /** Failed deliveries for staff, newest first. */
  failed(page: Page): Promise<FailedDeliveries>;
}

export function deliveryKey(kind: MailKind, causationId: string): string {
  return `${kind}:${causationId}`;
}
