import { randomUUID } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer, { type StreamSentMessageInfo, type Transporter } from 'nodemailer';
import type { Mailer, OutgoingMail } from './mailer';
import { safeFileName } from './safe-file-name';

export interface OutboxMailerOptions {
  /** Default `./data/outbox`. */
  directory?: string;
  from: string;
}

/**
 * The embedded mode's mailer: each mail becomes an RFC 822 `.eml` file named by its Message-ID,
 * so sending the same mail again overwrites its file instead of adding a second one.
 */
export class OutboxMailer implements Mailer {
  readonly directory: string;
  private readonly transport: Transporter<StreamSentMessageInfo>;

  constructor(private readonly options: OutboxMailerOptions) {
    this.directory = options.directory ?? './data/outbox';
    this.transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  }

  async send(mail: OutgoingMail): Promise<void> {
    const info = await this.transport.sendMail({
      from: this.options.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      messageId: mail.messageId,
      date: mail.date,
      headers: { 'Auto-Submitted': 'auto-generated' },
    });
    await mkdir(this.directory, { recursive: true });
    const file = this.fileOf(mail.messageId);
    // Written aside and renamed, so a reader never sees half a mail.
    const partial = `${file}.${randomUUID()}.partial`;
    await writeFile(partial, info.message as Buffer);
    await rename(partial, file);
  }

  /** The path of the `.eml` file of a Message-ID. */
  fileOf(messageId: string): string {
    return join(this.directory, `${safeFileName(messageId.replace(/^<|>$/g, ''))}.eml`);
  }
}
