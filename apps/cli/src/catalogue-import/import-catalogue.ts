import type { EntrySource } from './catalogue-entry';
import { StaffApiUnavailable, type StaffApi, type WriteOutcome } from './staff-api';
import type { ImportPlan } from './validate-catalogue';

export interface Tally {
  created: number;
  skipped: number;
  refused: number;
}

export interface Refusal {
  source: EntrySource;
  /** `title T-1` or `copy C-1` */
  subject: string;
  reason: string;
}

export interface ImportReport {
  titles: Tally;
  copies: Tally;
  refusals: Refusal[];
  /** Set when the import stopped before the end: why, and how many writes it did not try. */
  stopped?: { reason: string; notAttempted: number };
}

export type ImportProgress = (done: number, total: number, report: ImportReport) => void;

/**
 * Sends the plan, titles first (a copy needs its title), one request at a time so the report follows the
 * file's order. A row the app refuses is reported and the import goes on; losing the app stops it.
 */
export async function importCatalogue(plan: ImportPlan, api: StaffApi, onProgress: ImportProgress = () => undefined): Promise<ImportReport> {
  const report: ImportReport = { titles: tally(), copies: tally(), refusals: [] };
  // A copy is not added to a title the app refused: the file and the catalogue disagree about that title.
  const refusedTitles = new Map<string, EntrySource>();
  const writes = [
    ...plan.titles.map(({ source, body }) => ({
      source,
      subject: `title ${body.titleId}`,
      tally: report.titles,
      send: async () => {
        const outcome = await api.catalogueTitle(body);
        if (outcome.result === 'refused') refusedTitles.set(body.titleId, source);
        return outcome;
      },
    })),
    ...plan.copies.map(({ source, body }) => ({
      source,
      subject: `copy ${body.copyId}`,
      tally: report.copies,
      send: async (): Promise<WriteOutcome> => {
        const titleRefusedAt = refusedTitles.get(body.titleId);
        if (titleRefusedAt) return { result: 'refused', reason: `not sent: its title ${body.titleId} was refused (${titleRefusedAt.label})` };
        return api.addCopy(body);
      },
    })),
  ];
  onProgress(0, writes.length, report);
  for (const [index, write] of writes.entries()) {
    let outcome: WriteOutcome;
    try {
      outcome = await write.send();
    } catch (error) {
      if (!(error instanceof StaffApiUnavailable)) throw error;
      report.stopped = { reason: error.message, notAttempted: writes.length - index };
      return report;
    }
    switch (outcome.result) {
      case 'created':
        write.tally.created += 1;
        break;
      case 'skipped':
        write.tally.skipped += 1;
        break;
      case 'refused':
        write.tally.refused += 1;
        report.refusals.push({ source: write.source, subject: write.subject, reason: outcome.reason });
        break;
      default: {
        const unknown: never = outcome;
        throw new Error(`unknown outcome ${JSON.stringify(unknown)}`);
      }
    }
    onProgress(index + 1, writes.length, report);
  }
  return report;
}

function tally(): Tally {
  return { created: 0, skipped: 0, refused: 0 };
}
