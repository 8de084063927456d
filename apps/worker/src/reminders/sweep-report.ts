import type { LocalDate } from '@libs/domain';
import type { Reaction } from '@libs/notifications';

/** What one run of a daily mail sweep did, for its log line and for tests. */
export interface SweepReport {
  day: LocalDate;
  sent: number;
  failed: number;
  /** Sent or failed before: an earlier run of the same day, or another worker. */
  alreadyHandled: number;
  /** Nothing to mail: no address, or the policy sends none. */
  nothingToSend: number;
  /** Candidates the sweep could not handle (the ledger or a stream did not answer); the next run tries again. */
  errors: number;
}

export function emptyReport(day: LocalDate): SweepReport {
  return { day, sent: 0, failed: 0, alreadyHandled: 0, nothingToSend: 0, errors: 0 };
}

export function tally(report: SweepReport, reaction: Reaction): void {
  switch (reaction.status) {
    case 'sent':
      report.sent += 1;
      return;
    case 'failed':
      report.failed += 1;
      return;
    case 'already-handled':
      report.alreadyHandled += 1;
      return;
    case 'nothing-to-send':
      report.nothingToSend += 1;
      return;
    default: {
      const unknown: never = reaction;
      throw new Error(`unknown reaction: ${JSON.stringify(unknown)}`);
    }
  }
}
