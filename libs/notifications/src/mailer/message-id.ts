import { createHash } from 'node:crypto';
import type { MailKind } from '../mail/mail-kinds';

/**
 * The Message-ID of the mail a causing event (or job run) produces: the same cause gives the same id,
 * so a mail sent twice after a crash is recognisable as one, and the outbox file is overwritten.
 * Causation ids are UUIDs in practice; anything else is hashed to stay a valid msg-id.
 */
export function messageIdFor(kind: MailKind, causationId: string, domain: string): string {
  const local = /^[A-Za-z0-9-]{1,100}$/.test(causationId) ? causationId : sha256(causationId).slice(0, 32);
  return `<${kind}.${local}@${domain}>`;
}

/** The domain of a sender address such as `library@example.jp` or `"図書館" <library@example.jp>`. */
export function mailDomainOf(address: string): string {
  const match = /@([A-Za-z0-9.-]+)>?\s*$/.exec(address);
  if (!match) throw new Error(`no domain in mail address: ${address}`);
  return match[1];
}

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
