import { randomUUID } from 'node:crypto';
import type { MailKind } from '../mail/mail-kinds';
import {
  deliveryKey,
  type DeliveryClaim,
  type DeliveryClaimRequest,
  type DeliveryLedger,
  type DeliveryRecord,
  type FailedDeliveries,
  type Page,
} from './delivery-ledger';

interface Entry {
  record: DeliveryRecord;
  token: string | null;
  leaseUntil: number;
}

/** The ledger for tests and single-process runs that need no memory across restarts. */
export class InMemoryDeliveryLedger implements DeliveryLedger {
  private readonly entries = new Map<string, Entry>();

  async get(kind: MailKind, causationId: string): Promise<DeliveryRecord | null> {
    const entry = this.entries.get(deliveryKey(kind, causationId));
    return entry ? { ...entry.record } : null;
  }

  async claim(request: DeliveryClaimRequest, at: Date, leaseMs: number): Promise<DeliveryClaim> {
    const key = deliveryKey(request.kind, request.causationId);
    const entry = this.entries.get(key) ?? { record: newPendingRecord(key, request, at), token: null, leaseUntil: 0 };
    const free = entry.record.state === 'pending' && (entry.token === null || entry.leaseUntil <= at.getTime());
    if (!free) return { claimed: false, record: { ...entry.record } };
    const token = randomUUID();
    this.entries.set(key, { record: entry.record, token, leaseUntil: at.getTime() + leaseMs });
    return { claimed: true, token, record: { ...entry.record } };
  }

  async recordAttempt(key: string, token: string, update: { attempts: number; lastError: string; at: Date; leaseMs: number }): Promise<boolean> {
    const entry = this.entries.get(key);
    if (!entry || entry.token !== token || entry.record.state !== 'pending') return false;
    entry.record = { ...entry.record, attempts: update.attempts, lastError: update.lastError, updatedAt: update.at.toISOString() };
    entry.leaseUntil = update.at.getTime() + update.leaseMs;
    return true;
  }

  async markSent(key: string, _token: string, update: { attempts: number; at: Date }): Promise<void> {
    const entry = this.entries.get(key);
    if (!entry) return;
    const at = update.at.toISOString();
    entry.record = { ...entry.record, state: 'sent', attempts: update.attempts, updatedAt: at, sentAt: at, failedAt: null };
    entry.token = null;
  }

  async markFailed(key: string, token: string, update: { attempts: number; lastError: string; at: Date }): Promise<void> {
    const entry = this.entries.get(key);
    if (!entry || entry.token !== token || entry.record.state !== 'pending') return;
    const at = update.at.toISOString();
    entry.record = { ...entry.record, state: 'failed', attempts: update.attempts, lastError: update.lastError, updatedAt: at, failedAt: at };
    entry.token = null;
  }

  async failed(page: Page): Promise<FailedDeliveries> {
    const failed = [...this.entries.values()].map((entry) => entry.record).filter((record) => record.state === 'failed');
    return pageOfFailures(failed, page);
  }
}

export function newPendingRecord(key: string, request: DeliveryClaimRequest, at: Date): DeliveryRecord {
  const created = at.toISOString();
  return {
    key,
    kind: request.kind,
    causationId: request.causationId,
    recipient: request.recipient,
    messageId: request.messageId,
    state: 'pending',
    attempts: 0,
    lastError: null,
    createdAt: created,
    updatedAt: created,
    sentAt: null,
    failedAt: null,
  };
}

/** Newest failure first; ties by key, descending, as Redis orders equal scores, so pages never overlap. */
export function pageOfFailures(failed: DeliveryRecord[], page: Page): FailedDeliveries {
  const sorted = [...failed].sort((a, b) => descending(a.failedAt ?? '', b.failedAt ?? '') || descending(a.key, b.key));
  return { total: sorted.length, items: sorted.slice(page.offset, page.offset + page.limit).map((record) => ({ ...record })) };
}

function descending(a: string, b: string): number {
  return a < b ? 1 : a > b ? -1 : 0;
}
