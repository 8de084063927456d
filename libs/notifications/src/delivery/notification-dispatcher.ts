import type { MailKind } from '../mail/mail-kinds';
import { MailDeliveryError, type Mailer } from '../mailer/mailer';
import { messageIdFor } from '../mailer/message-id';
import { realSleep, silentLogger, systemClock, type NotificationClock, type NotificationLogger } from '../notification-runtime';
import type { DeliveryLedger, DeliveryRecord } from './delivery-ledger';
import { defaultRetryPolicy, retryDelayMs, type RetryPolicy } from './retry-policy';

/** A rendered mail and what caused it; the cause and the kind together name the delivery. */
export interface Delivery {
  kind: MailKind;
  /** Id of the causing event, or of the job run for time-driven mails. */
  causationId: string;
  to: string;
  subject: string;
  text: string;
}

/**
 * `already-handled`: nothing was sent now: the delivery was sent or failed before (a replay, a restart,
 * another worker), or another dispatcher took it over from this one.
 */
export interface DispatchResult {
  status: 'sent' | 'failed' | 'already-handled';
  record: DeliveryRecord;
}

export interface NotificationDispatcherOptions {
  mailer: Mailer;
  ledger: DeliveryLedger;
  /** Domain of the Message-IDs, e.g. `mailDomainOf(MAIL_FROM)`. */
  messageIdDomain: string;
  retry?: Partial<RetryPolicy>;
  /** How long one attempt may take before another dispatcher may take the delivery over. Default 2 minutes. */
  attemptLeaseMs?: number;
  /** How often to look again while another dispatcher holds the delivery. Default 1 second. */
  pollMs?: number;
  clock?: NotificationClock;
  sleep?: (ms: number) => Promise<void>;
  /** Source of the retry jitter, 0…1. */
  random?: () => number;
  logger?: NotificationLogger;
}

/**
 * Delivers each mail at least once and, as far as the ledger can tell, at most once: the ledger claim
 * makes one dispatcher the sender, retries back off exponentially up to a bounded number of attempts,
 * and a sent or failed delivery is never sent again, whatever replays or restarts follow.
 * A dispatcher that dies mid-delivery leaves its claim to run out; whoever dispatches the same delivery
 * next waits for that and takes over, re-sending with the same Message-ID.
 * Mail failures end in the ledger, never in an exception; `dispatch` throws only when the ledger itself
 * cannot be reached, and the caller (the worker's subscription) retries the event.
 */
export class NotificationDispatcher {
  private readonly retry: RetryPolicy;
  private readonly attemptLeaseMs: number;
  private readonly pollMs: number;
  private readonly clock: NotificationClock;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private readonly logger: NotificationLogger;

  constructor(private readonly options: NotificationDispatcherOptions) {
    this.retry = { ...defaultRetryPolicy, ...options.retry };
    if (!Number.isInteger(this.retry.maxAttempts) || this.retry.maxAttempts < 1) throw new Error('retry.maxAttempts must be a positive integer');
    this.attemptLeaseMs = options.attemptLeaseMs ?? 120_000;
    this.pollMs = options.pollMs ?? 1_000;
    this.clock = options.clock ?? systemClock;
    this.sleep = options.sleep ?? realSleep;
    this.random = options.random ?? Math.random;
    this.logger = options.logger ?? silentLogger;
  }

  /** Settles when the delivery is sent or failed, by this dispatcher or another one. */
  async dispatch(delivery: Delivery): Promise<DispatchResult> {
    const messageId = messageIdFor(delivery.kind, delivery.causationId, this.options.messageIdDomain);
    const request = { kind: delivery.kind, causationId: delivery.causationId, recipient: delivery.to, messageId };
    for (;;) {
      const claim = await this.options.ledger.claim(request, this.clock.now(), this.attemptLeaseMs);
      if (claim.claimed) return this.deliver(delivery, messageId, claim.token, claim.record);
      if (claim.record.state !== 'pending') return { status: 'already-handled', record: claim.record };
      // Another dispatcher is on it, or died on it and its claim is running out.
      await this.sleep(this.pollMs);
    }
  }

  /** The record of a delivery that needs nothing more (sent or failed), so callers can skip their lookups. */
  async settled(kind: MailKind, causationId: string): Promise<DeliveryRecord | null> {
    const record = await this.options.ledger.get(kind, causationId);
    return record && record.state !== 'pending' ? record : null;
  }

  private async deliver(delivery: Delivery, messageId: string, token: string, claimed: DeliveryRecord): Promise<DispatchResult> {
    const { ledger, mailer } = this.options;
    const key = claimed.key;
    const fields = { kind: delivery.kind, causationId: delivery.causationId, messageId };
    let attempts = claimed.attempts;
    let lastError = claimed.lastError ?? 'no attempt left';
    while (attempts < this.retry.maxAttempts) {
      attempts += 1;
      try {
        await mailer.send({ to: delivery.to, subject: delivery.subject, text: delivery.text, messageId, date: this.clock.now() });
      } catch (error) {
        lastError = describe(error);
        const permanent = error instanceof MailDeliveryError && error.permanent;
        if (permanent || attempts >= this.retry.maxAttempts) break;
        const delay = retryDelayMs(attempts, this.retry, this.random);
        const kept = await ledger.recordAttempt(key, token, { attempts, lastError, at: this.clock.now(), leaseMs: delay + this.attemptLeaseMs });
        if (!kept) return this.alreadyHandled(delivery);
        this.logger.warn({ ...fields, attempts, error: lastError, retryInMs: delay }, 'mail not delivered, will retry');
        await this.sleep(delay);
        continue;
      }
      await ledger.markSent(key, token, { attempts, at: this.clock.now() });
      this.logger.info({ ...fields, attempts }, 'mail delivered');
      return { status: 'sent', record: await this.current(delivery) };
    }
    await ledger.markFailed(key, token, { attempts, lastError, at: this.clock.now() });
    this.logger.error({ ...fields, attempts, error: lastError }, 'mail delivery failed');
    const record = await this.current(delivery);
    return { status: record.state === 'failed' ? 'failed' : 'already-handled', record };
  }

  private async alreadyHandled(delivery: Delivery): Promise<DispatchResult> {
    return { status: 'already-handled', record: await this.current(delivery) };
  }

  private async current(delivery: Delivery): Promise<DeliveryRecord> {
    const record = await this.options.ledger.get(delivery.kind, delivery.causationId);
    if (!record) throw new Error(`delivery ${delivery.kind}:${delivery.causationId} vanished from the ledger`);
    return record;
  }
}

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.length > 1000 ? `${message.slice(0, 1000)}…` : message;
}
