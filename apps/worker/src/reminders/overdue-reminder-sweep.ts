import { Injectable } from '@nestjs/common';
import type { LocalDate } from '@libs/domain';
import { overdueLoans, type LoanDoc } from '@libs/projections';
import { ReminderSweep } from './reminder-sweep';
import { emptyReport, tally, type SweepReport } from './sweep-report';

/** One reminder per loan per day at most, however often the sweep runs and however many workers run it. */
export function overdueReminderKey(loan: Pick<LoanDoc, 'copyId' | 'dueOn'>, day: LocalDate): string {
  return `overdue:${loan.copyId}:${loan.dueOn}:${day}`;
}

/**
 * R26 (Library A, `policy.overdueReminderMail`): mails the borrower of every loan past its due date, once a day.
 * The delivery ledger keys each mail by (copy, due date, day), so a second run the same day sends nothing.
 */
@Injectable()
export class OverdueReminderSweep extends ReminderSweep {
  protected get logPart() {
    return 'overdue-reminders';
  }

  async run(): Promise<SweepReport> {
    const today = this.commands.today();
    const report = emptyReport(today);
    if (!this.policy.overdueReminderMail) return report;
    await this.reads.settle();
    for (const loan of await overdueLoans(this.readModels, today)) {
      try {
        tally(
          report,
          await this.mails.sendOverdueReminder({
            cardNumber: loan.cardNumber,
            loans: [{ titleId: loan.titleId, dueOn: loan.dueOn }],
            causationId: overdueReminderKey(loan, today),
          }),
        );
      } catch (error) {
        report.errors += 1;
        this.logger.error({ err: error, copyId: loan.copyId }, 'overdue reminder not handled; the next run tries again');
      }
    }
    this.logger.info(report, 'overdue reminder sweep done');
    return report;
  }
}
