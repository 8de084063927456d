import { Inject, Injectable } from '@nestjs/common';
import { CalendarHasNoOpenDay, streamIds, type HoldReady, type LocalDate, type TitleEvent } from '@libs/domain';
import { calendarOf, emailReadyHolds, lastPickupDay, locationsById, type HoldDoc } from '@libs/projections';
import { type Recorded } from '@libs/platform';
import { LocationFaults } from '@libs/application';
import { pickupReminderDue } from './pickup-reminder-day';
import { ReminderSweep } from './reminder-sweep';
import { emptyReport, tally, type SweepReport } from './sweep-report';

const holdEnds = new Set(['HoldFulfilled', 'PickupExpired', 'HoldCancelled']);

/**
 * The optional pickup reminder (`policy.pickupReminderOpenDaysBefore`, null in both presets): a ready hold with
 * e-mail contact gets one mail that many open days before its last pickup day. Keyed by the HoldReady event,
 * so each notice gets one reminder at most; a copy handed on to the next patron is a new notice.
 */
@Injectable()
export class PickupReminderSweep extends ReminderSweep {
  @Inject(LocationFaults) private readonly faults!: LocationFaults;

  protected get logPart() {
    return 'pickup-reminders';
  }

  async run(): Promise<SweepReport> {
    const today = this.commands.today();
    const report = emptyReport(today);
    const openDaysBefore = this.policy.pickupReminderOpenDaysBefore;
    if (openDaysBefore === null || openDaysBefore <= 0) return report;
    await this.reads.settle();
    const holds = await emailReadyHolds(this.readModels);
    const locations = await locationsById(
      this.readModels,
      holds.map((hold) => hold.pickupLocationId),
    );
    for (const hold of holds) {
      const location = locations.get(hold.pickupLocationId);
      try {
        // Counted per hold: one location's calendar that cannot be counted leaves out its holds only.
        const lastDay = lastPickupDay(hold, location);
        if (!pickupReminderDue(today, hold.noticeDay as LocalDate, lastDay, openDaysBefore, calendarOf(location))) continue;
        const notice = await this.currentNotice(hold);
        if (!notice) continue;
        tally(
          report,
          await this.mails.sendPickupReminder({
            cardNumber: notice.data.cardNumber,
            titleId: notice.data.titleId,
            pickupLocationId: notice.data.pickupLocationId,
            contactMethod: notice.data.contactMethod,
            lastPickupDay: lastDay,
            causationId: notice.id,
          }),
        );
      } catch (error) {
        if (error instanceof CalendarHasNoOpenDay) this.faults.report(hold.pickupLocationId, 'pickup-reminders', error);
        report.errors += 1;
        this.logger.error({ err: error, holdId: hold.holdId }, 'pickup reminder not handled; the next run tries again');
      }
    }
    this.logger.info(report, 'pickup reminder sweep done');
    return report;
  }

  /** The HoldReady event of a hold that is still ready, from its title's stream (the read model does not keep event ids). */
  private async currentNotice(hold: HoldDoc): Promise<Recorded<HoldReady> | null> {
    let notice: Recorded<HoldReady> | null = null;
    for (const event of await this.commands.events<TitleEvent>(streamIds.title(hold.titleId))) {
      if (!('holdId' in event.data) || event.data.holdId !== hold.holdId) continue;
      if (event.type === 'HoldReady') notice = event;
      else if (holdEnds.has(event.type)) notice = null;
    }
    return notice;
  }
}
