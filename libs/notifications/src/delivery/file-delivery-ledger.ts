import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { MailKind } from '../mail/mail-kinds';
import { safeFileName } from '../mailer/safe-file-name';
import {
  deliveryKey,
  type DeliveryClaim,
  type DeliveryClaimRequest,
  type DeliveryLedger,
  type DeliveryRecord,
  type FailedDeliveries,
  type Page,
} from './delivery-ledger';
import { newPendingRecord, pageOfFailures } from './in-memory-delivery-ledger';

interface StoredEntry {
  record: DeliveryRecord;
  token: string | null;
  leaseUntil: number;
}

/**
 * The embedded mode's ledger: one JSON file per delivery under a directory (e.g. `DATA_DIR/deliveries`),
 * so a restarted single process still knows what it sent. Files are replaced by rename, so a crash leaves
 * the old or the new state, never half of one. Changes to one delivery are serialised in-process: the
 * embedded mode is one process; several processes share the Redis ledger instead.
 */
export class FileDeliveryLedger implements DeliveryLedger {
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(readonly directory: string) {}

  async get(kind: MailKind, causationId: string): Promise<DeliveryRecord | null> {
    return (await this.read(deliveryKey(kind, causationId)))?.record ?? null;
  }

  claim(request: DeliveryClaimRequest, at: Date, leaseMs: number): Promise<DeliveryClaim> {
    const key = deliveryKey(request.kind, request.causationId);
    return this.serialised(key, async () => {
      const entry = (await this.read(key)) ?? { record: newPendingRecord(key, request, at), token: null, leaseUntil: 0 };
      const free = entry.record.state === 'pending' && (entry.token === null || entry.leaseUntil <= at.getTime());
      if (!free) return { claimed: false, record: entry.record };
      const token = randomUUID();
      await this.write(key, { record: entry.record, token, leaseUntil: at.getTime() + leaseMs });
      return { claimed: true, token, record: entry.record };
    });
  }

  recordAttempt(key: string, token: string, update: { attempts: number; lastError: string; at: Date; leaseMs: number }): Promise<boolean> {
    return this.serialised(key, async () => {
      const entry = await this.read(key);
      if (!entry || entry.token !== token || entry.record.state !== 'pending') return false;
      const record = { ...entry.record, attempts: update.attempts, lastError: update.lastError, updatedAt: update.at.toISOString() };
      await this.write(key, { record, token, leaseUntil: update.at.getTime() + update.leaseMs });
      return true;
    });
  }

  markSent(key: string, _token: string, update: { attempts: number; at: Date }): Promise<void> {
    return this.serialised(key, async () => {
      const entry = await this.read(key);
      if (!entry) return;
      const at = update.at.toISOString();
      const record: DeliveryRecord = { ...entry.record, state: 'sent', attempts: update.attempts, updatedAt: at, sentAt: at, failedAt: null };
      await this.write(key, { record, token: null, leaseUntil: 0 });
    });
  }

  markFailed(key: string, token: string, update: { attempts: number; lastError: string; at: Date }): Promise<void> {
    return this.serialised(key, async () => {
      const entry = await this.read(key);
      if (!entry || entry.token !== token || entry.record.state !== 'pending') return;
      const at = update.at.toISOString();
      const record: DeliveryRecord = {
        ...entry.record,
        state: 'failed',
        attempts: update.attempts,
        lastError: update.lastError,
        updatedAt: at,
        failedAt: at,
      };
      await this.write(key, { record, token: null, leaseUntil: 0 });
    });
  }

  async failed(page: Page): Promise<FailedDeliveries> {
    const names = await readdir(this.directory).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [] as string[];
      throw error;
    });
    const records: DeliveryRecord[] = [];
    for (const name of names.filter((candidate) => candidate.endsWith('.json'))) {
      const entry = JSON.parse(await readFile(join(this.directory, name), 'utf8')) as StoredEntry;
      if (entry.record.state === 'failed') records.push(entry.record);
    }
    return pageOfFailures(records, page);
  }

  private async read(key: string): Promise<StoredEntry | null> {
    try {
      return JSON.parse(await readFile(this.fileOf(key), 'utf8')) as StoredEntry;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  private async write(key: string, entry: StoredEntry): Promise<void> {
    await mkdir(this.directory, { recursive: true });
    const file = this.fileOf(key);
    const partial = `${file}.${randomUUID()}.partial`;
    await writeFile(partial, JSON.stringify(entry));
    await rename(partial, file);
  }

  /** `hold-ready:<uuid>` is stored as `hold-ready.<uuid>.json`; a kind never holds a dot, so names stay distinct. */
  private fileOf(key: string): string {
    return join(this.directory, `${safeFileName(key.replace(':', '.'))}.json`);
  }

  private serialised<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(key) ?? Promise.resolve();
    const next = previous.then(work);
    const settled = next.catch(() => undefined);
    this.queues.set(key, settled);
    void settled.then(() => {
      if (this.queues.get(key) === settled) this.queues.delete(key);
    });
    return next;
  }
}
