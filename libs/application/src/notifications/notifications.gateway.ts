import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { Logger } from 'pino';
import type { DeliveryLedger, NotificationReactor } from '@libs/notifications';
import { ROOT_LOGGER } from '@libs/platform';

export const NOTIFICATION_REACTOR = Symbol('NOTIFICATION_REACTOR');
export const DELIVERY_LEDGER = Symbol('DELIVERY_LEDGER');

/** The API's direct line to the mail machinery: mails no event can carry (the raw reset token), and failures for staff. */
@Injectable()
export class NotificationsGateway implements OnModuleDestroy {
  private readonly inFlight = new Set<Promise<void>>();
  private readonly logger: Logger;

  constructor(
    @Inject(NOTIFICATION_REACTOR) private readonly reactor: NotificationReactor,
    @Inject(DELIVERY_LEDGER) private readonly ledger: DeliveryLedger,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.logger = logger.child({ part: 'mail' });
  }

  /**
   * R27: the reset link, keyed by the PasswordResetRequested event so a retried request mails once.
   * Sent in the background: the answer must take as long whether or not the card and address matched,
   * and a slow relay must not hold the request. A failure ends on the staff's failed list.
   */
  sendPasswordReset(cardNumber: string, reset: { token: string; expiresAt: string; email: string; eventId: string }): void {
    const sending = this.reactor
      .sendPasswordReset({ cardNumber, email: reset.email, rawToken: reset.token, expiresAt: reset.expiresAt, causationId: reset.eventId })
      .then(
        () => undefined,
        (error: unknown) => this.logger.error({ err: error, causationId: reset.eventId }, 'password reset mail not handled'),
      )
      .finally(() => this.inFlight.delete(sending));
    this.inFlight.add(sending);
  }

  failedDeliveries(offset: number, limit: number) {
    return this.ledger.failed({ offset, limit });
  }

  /** Lets reset mails on their way finish before the app closes the stores under them. */
  async onModuleDestroy(): Promise<void> {
    await Promise.all(this.inFlight);
  }
}
