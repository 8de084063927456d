import { Inject, Injectable, type BeforeApplicationShutdown } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { DomainRuleViolation, PickupWindowNotOver, calendarProblems, streamIds, titleDecider, type LocalDate, type TitleEvent } from '@libs/domain';
import type { ReadModelStore } from '@libs/projections';
import { READ_MODEL_STORE, ROOT_LOGGER, requestContext, CommandRunner, laterPosition, ConsistentReads, type Actor } from '@libs/platform';
import { HoldSlotLedger } from '../hold-slots/hold-slot-ledger';
import { LocationFaults } from '../locations/location-faults';
import { LocationsService } from '../locations/locations.service';
import { dueHolds, inNoticeOrder, type DueHold } from './due-holds';
import { runInLanes } from './lanes';
import { SWEEP_LEASE, type HeldLease, type SweepLease } from './sweep-lease';
import type { ExpiredHold, HandedOn, SweepOutcome, SweepReport } from './sweep-report';
import { SweepStatus } from './sweep-status';

export const SWEEP_ACTOR: Actor = { kind: 'system', id: 'expiry-sweep' };

/** Titles expired side by side; one title's holds always one after another, in notice order. */
export const SWEEP_LANES = 16;
/** ConsistentReads waits 2 s a time: up to a minute for the read models to reach the head of the log. */
const SETTLE_ATTEMPTS = 30;

export class ReadModelsBehind extends Error {
  override readonly name = 'ReadModelsBehind';
}
export class SweepInterrupted extends Error {
  override readonly name = 'SweepInterrupted';
}

/**
 * The expiry sweep (R18, I3, I4). It only finds the ready holds the read models say are due and sends one
 * ExpirePickup per hold to its title; the title decides again on the location's current calendar. A window a
 * later closure lengthened is refused (PickupWindowNotOver) and a hold no longer ready decides nothing, so a
 * late, repeated or concurrent sweep never appends anything twice. After an expiry the patron's hold slot is
 * released (R7); the copy has already gone to the next waiting hold in the same append (I4).
 */
@Injectable()
export class ExpirySweep implements BeforeApplicationShutdown {
  private readonly logger: Logger;
  /** This process's sweeps, one after another. */
  private queue: Promise<unknown> = Promise.resolve();
  private stopping = false;

  constructor(
    private readonly commands: CommandRunner,
    private readonly locations: LocationsService,
    private readonly ledger: HoldSlotLedger,
    private readonly reads: ConsistentReads,
    private readonly status: SweepStatus,
    private readonly faults: LocationFaults,
    @Inject(READ_MODEL_STORE) private readonly readModels: ReadModelStore,
    @Inject(SWEEP_LEASE) private readonly lease: SweepLease | null,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.logger = logger.child({ part: 'expiry' });
  }

  /** The library's local day now (policy time zone, injected clock). */
  today(): LocalDate {
    return this.commands.today();
  }

  /** The holds a sweep would expire on `day` (default today), with their last pickup and expiry days. */
  async due(day: LocalDate = this.today()): Promise<{ holds: DueHold[]; settled: boolean }> {
    const settled = await this.reads.settle();
    return { holds: await dueHolds(this.readModels, day, ({ locationId, error }) => this.faults.report(locationId, 'expiry', error)), settled };
  }

  /** Runs a sweep once the ones already running in this process have finished. */
  sweep(actor: Actor = SWEEP_ACTOR): Promise<SweepOutcome> {
    const run = this.queue.then(() => this.recorded(actor));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** A sweep running when the app stops takes no new holds and is waited for, so the store closes after it. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.queue;
  }

  private async recorded(actor: Actor): Promise<SweepOutcome> {
    const today = this.today();
    try {
      const outcome = await this.leased((lease) => this.run(today, actor, lease));
      this.status.succeeded(outcome, this.commands.clock.now(), today);
      return outcome;
    } catch (error) {
      this.status.failed(error, this.commands.clock.now(), today);
      if (error instanceof SweepInterrupted) this.logger.warn({ err: error, today }, 'expiry sweep interrupted');
      else this.logger.error({ err: error, today }, 'expiry sweep failed');
      throw error;
    }
  }

  private async leased(sweep: (lease: HeldLease | null) => Promise<SweepReport>): Promise<SweepOutcome> {
    if (!this.lease) return sweep(null);
    const held = await this.lease.acquire();
    if (!held) {
      this.logger.info('expiry sweep skipped: another process holds the sweep lease');
      return { skipped: 'another-process-is-sweeping' };
    }
    try {
      return await sweep(held);
    } finally {
      await held.release().catch((error: unknown) => this.logger.warn({ err: error }, 'could not release the sweep lease; it runs out by itself'));
    }
  }

  private run(today: LocalDate, actor: Actor, lease: HeldLease | null): Promise<SweepReport> {
    // Every event of one sweep carries one correlation id (or the staff request's, when staff asked for it).
    const sweepId = randomUUID();
    return requestContext.run(requestContext.current() ?? { correlationId: sweepId, requestId: sweepId }, async () => {
      const startedAt = this.commands.clock.now().toISOString();
      await this.settle();
      const leftOut: SweepReport['leftOut'] = [];
      const due = await dueHolds(this.readModels, today, ({ locationId, holdId, error }) => {
        this.faults.report(locationId, 'expiry', error);
        leftOut.push({ holdId, locationId, reason: error.message });
      });
      const report: SweepReport = {
        today,
        startedAt,
        finishedAt: startedAt,
        actor,
        due: due.length,
        expired: [],
        stillOpen: [],
        alreadyEnded: [],
        leftOut,
        position: null,
      };
      this.logger.info({ today, due: due.length }, 'expiry sweep started');

      let interruption: string | null = null;
      const keepGoing = () => {
        if (lease && !lease.held()) interruption ??= 'the sweep lease was lost (not renewed in time)';
        if (this.stopping) interruption ??= 'the app is stopping';
        return interruption === null;
      };
      await runInLanes(
        due,
        (hold) => hold.titleId,
        SWEEP_LANES,
        (hold) => this.expire(hold, today, actor, report),
        keepGoing,
      );
      if (interruption) throw new SweepInterrupted(`${interruption}; the next sweep expires the rest`);

      report.expired.sort(inNoticeOrder);
      report.finishedAt = this.commands.clock.now().toISOString();
      const counts = {
        expired: report.expired.length,
        stillOpen: report.stillOpen.length,
        alreadyEnded: report.alreadyEnded.length,
        leftOut: report.leftOut.length,
      };
      this.logger.info({ today, due: due.length, ...counts }, 'expiry sweep finished');
      return report;
    });
  }

  /** The read models must have applied the whole log before the sweep trusts them to list what is due. */
  private async settle(): Promise<void> {
    for (let attempt = 0; attempt < SETTLE_ATTEMPTS; attempt++) {
      if (await this.reads.settle()) return;
    }
    throw new ReadModelsBehind('the read models did not reach the head of the event log; no hold was expired');
  }

  private leaveOut(hold: DueHold, calendars: Record<string, unknown>, error: DomainRuleViolation, report: SweepReport): void {
    for (const leftOut of leaveOut(hold, calendars, error)) {
      this.faults.report(leftOut.locationId, 'expiry', error);
      report.leftOut.push(leftOut);
    }
  }

  private async expire(hold: DueHold, today: LocalDate, actor: Actor, report: SweepReport): Promise<void> {
    const titleStream = streamIds.title(hold.titleId);
    const title = await this.commands.load(titleDecider, titleStream);
    const calendars = await this.locations.calendars(Object.values(title.holds).map((live) => live.pickupLocationId));
    let result;
    try {
      result = await this.commands.run(
        titleDecider,
        titleStream,
        { type: 'ExpirePickup', titleId: hold.titleId, holdId: hold.holdId, today, policy: this.commands.policy, calendars },
        { actor },
      );
    } catch (error) {
      if (error instanceof DomainRuleViolation && !(error instanceof PickupWindowNotOver)) return this.leaveOut(hold, calendars, error, report);
      if (!(error instanceof PickupWindowNotOver)) throw error;
      const { lastPickupDay, expiresOn } = error.details as { lastPickupDay: LocalDate; expiresOn: LocalDate };
      this.logger.debug({ holdId: hold.holdId, lastPickupDay, expiresOn }, 'pickup window lengthened since the read models listed it (R30); not expired');
      report.stillOpen.push({ holdId: hold.holdId, titleId: hold.titleId, lastPickupDay, expiresOn });
      return;
    }

    const { events } = result;
    const expired = events.find((event) => event.type === 'PickupExpired');
    if (!expired) {
      report.alreadyEnded.push(hold.holdId);
      return;
    }
    const { data } = expired;
    const released = await this.ledger.holdsEnded(events, actor);
    report.position = laterPosition(report.position, result.position, released);
    report.expired.push({
      holdId: data.holdId,
      titleId: data.titleId,
      cardNumber: data.cardNumber,
      copyId: data.copyId,
      pickupLocationId: data.pickupLocationId,
      noticeDay: hold.noticeDay,
      lastPickupDay: data.lastPickupDay,
      expiredOn: data.expiredOn,
      handedOnTo: handedOn(events, data.copyId),
    } satisfies ExpiredHold);
  }
}

/** Names the location(s) whose calendar made the title refuse, and leaves the hold for a later sweep. */
function leaveOut(hold: DueHold, calendars: Record<string, unknown>, error: DomainRuleViolation): SweepReport['leftOut'] {
  const broken = Object.entries(calendars)
    .filter(([, calendar]) => calendarProblems(calendar).length > 0)
    .map(([locationId]) => locationId);
  return (broken.length > 0 ? broken : [hold.pickupLocationId]).map((locationId) => ({ holdId: hold.holdId, locationId, reason: error.message }));
}

function handedOn(events: readonly TitleEvent[], copyId: string): HandedOn | null {
  for (const event of events) {
    if (event.type === 'HoldReady' && event.data.copyId === copyId) return { holdId: event.data.holdId, cardNumber: event.data.cardNumber, status: 'ready' };
    if (event.type === 'HoldInTransit' && event.data.copyId === copyId)
      return { holdId: event.data.holdId, cardNumber: event.data.cardNumber, status: 'in-transit' };
  }
  return null;
}
