import type { LocalDate } from '@libs/domain';
import type { Actor } from '@libs/platform';

/** Who the expired hold's copy went to in the same append (I4); null: nobody waits, it awaits clearance. */
export interface HandedOn {
  holdId: string;
  cardNumber: string;
  status: 'ready' | 'in-transit';
}

export interface ExpiredHold {
  holdId: string;
  titleId: string;
  cardNumber: string;
  copyId: string;
  pickupLocationId: string;
  noticeDay: LocalDate;
  /** As the title decided it, from the location's calendar at the moment of expiry (R30). */
  lastPickupDay: LocalDate;
  expiredOn: LocalDate;
  handedOnTo: HandedOn | null;
}

export interface LeftOutHold {
  holdId: string;
  /** The location whose calendar failed. */
  locationId: string;
  reason: string;
}

/** The title refused: a closure the read models had not shown yet lengthened the window (R30). */
export interface WindowStillOpen {
  holdId: string;
  titleId: string;
  lastPickupDay: LocalDate;
  expiresOn: LocalDate;
}

export interface SweepReport {
  /** The library's local day the sweep judged by. */
  today: LocalDate;
  startedAt: string;
  finishedAt: string;
  actor: Actor;
  /** Due holds the read models listed. */
  due: number;
  expired: ExpiredHold[];
  stillOpen: WindowStillOpen[];
  /** Listed as due but no longer ready on the title (picked up, cancelled, or expired by an earlier sweep): nothing appended. */
  alreadyEnded: string[];
  /**
   * Left for a later sweep because a location's calendar cannot be counted (CalendarHasNoOpenDay): the holds of that
   * location, and holds whose copy would go to a hold there. Every other hold was swept; /health names the location.
   */
  leftOut: LeftOutHold[];
  /** Global position of the last event the sweep appended, for read-your-writes. */
  position: bigint | null;
}

/** The sweep did not run because another process holds the lease (it is sweeping right now). */
export interface SweepSkipped {
  skipped: 'another-process-is-sweeping';
}

export type SweepOutcome = SweepReport | SweepSkipped;

export const wasSkipped = (outcome: SweepOutcome): outcome is SweepSkipped => 'skipped' in outcome;
