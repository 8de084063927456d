import nodemailer, { type NodemailerError, type SMTPSentMessageInfo, type Transporter } from 'nodemailer';
import { MailDeliveryError, type Mailer, type OutgoingMail } from './mailer';

export interface SmtpMailerOptions {
  host: string;
  port: number;
  /** TLS from the first byte (port 465). When false, STARTTLS is used if the server offers it. */
  secure: boolean;
  /** Refuse to send unless the connection is upgraded with STARTTLS. */
  requireTls?: boolean;
  user?: string;
  password?: string;
  /** Sender: `library@example.jp` or `"図書館" <library@example.jp>`. */
  from: string;
  /** Accept a relay's self-signed certificate (private networks only). Default true. */
  rejectUnauthorized?: boolean;
  /** Milliseconds for connecting, for the greeting, and of socket inactivity. */
  timeouts?: { connection?: number; greeting?: number; socket?: number };
}

/** Sends through an SMTP relay with nodemailer; one connection per mail, so nothing to keep alive. */
export class SmtpMailer implements Mailer {
  private readonly transport: Transporter<SMTPSentMessageInfo>;

  constructor(private readonly options: SmtpMailerOptions) {
    this.transport = nodemailer.createTransport({
      host: options.host,
      port: options.port,
      secure: options.secure,
      requireTLS: options.requireTls ?? false,
      auth: options.user ? { user: options.user, pass: options.password ?? '' } : undefined,
      tls: { rejectUnauthorized: options.rejectUnauthorized ?? true },
      // nodemailer waits minutes by default; a delivery attempt must end well inside its lease.
      connectionTimeout: options.timeouts?.connection ?? 10_000,
      greetingTimeout: options.timeouts?.greeting ?? 10_000,
      socketTimeout: options.timeouts?.socket ?? 30_000,
    });
  }

  async send(mail: OutgoingMail): Promise<void> {
    try {
      await this.transport.sendMail({
        from: this.options.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        messageId: mail.messageId,
        date: mail.date,
        // RFC 3834: keeps auto-responders from answering the send-only address.
        headers: { 'Auto-Submitted': 'auto-generated' },
      });
    } catch (error) {
      throw toDeliveryError(error as NodemailerError);
    }
  }

  /** Connects and authenticates once, for a health check. */
  async verify(): Promise<void> {
    await this.transport.verify();
  }

  close(): void {
    this.transport.close();
  }
}

/** nodemailer marks a 5xx reply (but 503) as permanent; connection failures and 4xx replies are worth a retry. */
function toDeliveryError(error: NodemailerError): MailDeliveryError {
  return new MailDeliveryError(error.message, {
    permanent: error.permanent === true,
    responseCode: error.responseCode ?? null,
    cause: error,
  });
}
