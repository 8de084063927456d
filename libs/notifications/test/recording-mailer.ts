import { type Mailer, type OutgoingMail } from '@libs/notifications';

/** A mailer that keeps what it is given, for tests that are about deciding, not transporting. */
export class RecordingMailer implements Mailer {
  readonly sent: OutgoingMail[] = [];

  async send(mail: OutgoingMail): Promise<void> {
    this.sent.push(mail);
  }
}
