import { Inject, Injectable } from '@nestjs/common';
import type { DeliveryLedger, NotificationReactor } from '@libs/notifications';

export const NOTIFICATION_REACTOR = Symbol('NOTIFICATION_REACTOR');
export const DELIVERY_LEDGER = Symbol('DELIVERY_LEDGER');

/** The API's direct line to the mail machinery: mails no event can carry (the raw reset token), and failures for staff. */
@Injectable()
export class NotificationsGateway {
  constructor(
    @Inject(NOTIFICATION_REACTOR) private readonly reactor: NotificationReactor,
    @Inject(DELIVERY_LEDGER) private readonly ledger: DeliveryLedger,
  ) {}

  /** R27: the reset link, keyed by the PasswordResetRequested event so a retried request mails once. */
  async sendPasswordReset(cardNumber: string, reset: { token: string; expiresAt: string; email: string; eventId: string }): Promise<void> {
    await this.reactor.sendPasswordReset({ cardNumber, email: reset.email, rawToken: reset.token, expiresAt: reset.expiresAt, causationId: reset.eventId });
  }

  failedDeliveries(offset: number, limit: number) {
    return this.ledger.failed({ offset, limit });
  }
}
