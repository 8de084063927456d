import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import {
  AlreadyHoldingTitle,
  DomainRuleViolation,
  HoldLimitReached,
  UnknownHold,
  UnknownPatron,
  patronDecider,
  queuePosition,
  streamIds,
  titleDecider,
  type ContactMethod,
  type HoldChannel,
  type PlaceHold,
} from '@libs/domain';
import type { Actor } from '@libs/event-store';
import { patronLoans, type ReadModelStore } from '@libs/projections';
import { APP_CONFIG, READ_MODEL_STORE, type AppConfig } from '@libs/platform';
import { CommandRunner, laterPosition, type Positioned } from '../commands/command-runner.service';
import { LocationsService } from '../locations/locations.service';
import { HoldLocator } from './hold-locator.service';
import { staleHoldSlots } from './stale-hold-slots';

const REPAIR_ACTOR: Actor = { kind: 'system', id: 'hold-slots' };

export interface PlaceHoldRequest {
  cardNumber: string;
  titleId: string;
  pickupLocationId: string;
  contactMethod: ContactMethod;
  via: HoldChannel;
  actor: Actor;
}

export interface PlacedHold {
  holdId: string;
  status: 'waiting';
  queuePosition: number;
  position: bigint | null;
}

export interface CancelHoldRequest {
  holdId: string;
  actor: Actor;
  /** The patron cancelling their own hold; null when staff cancel (any patron's hold, with a reason: R20). */
  cardNumber: string | null;
  reason: string | null;
}

/**
 * Placing a hold touches two streams: the patron's (a hold slot is claimed, so the limit holds under races: I1)
 * and the title's (the hold joins the queue). The title's rules are checked first without writing, then the slot
 * is claimed, then the hold placed; if the title refuses after all (another writer changed it), the slot is
 * released again, so nothing is half-placed.
 */
@Injectable()
export class HoldsService {
  constructor(
    private readonly commands: CommandRunner,
    private readonly locations: LocationsService,
    private readonly locator: HoldLocator,
    @Inject(READ_MODEL_STORE) private readonly readModels: ReadModelStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async place(request: PlaceHoldRequest): Promise<PlacedHold> {
    const { cardNumber, titleId, pickupLocationId, via, actor } = request;
    const policy = this.commands.policy;
    const today = this.commands.today();
    const patron = await this.commands.load(patronDecider, streamIds.patron(cardNumber));
    if (!patron.exists) throw new UnknownPatron(cardNumber);

    const holdId = randomUUID();
    const placeHold: PlaceHold = {
      type: 'PlaceHold',
      titleId,
      holdId,
      cardNumber,
      pickupLocationId,
      contactMethod: request.contactMethod,
      via,
      policy,
      patronEmail: patron.email,
      knownLocationIds: (await this.locations.exists(pickupLocationId)) ? [pickupLocationId] : [],
    };
    // The title's rules first (R8-R10, R12-R14), so a refused title never claims a slot.
    titleDecider.decide(placeHold, await this.commands.load(titleDecider, streamIds.title(titleId)));

    // Only R5 needs the loans read model: under a policy without it, holds are placed from the event store alone,
    // so placing goes on while Redis is down.
    const hasOverdueLoans = policy.overdueBlocksHolds && (await patronLoans(this.readModels, cardNumber, today)).some((loan) => loan.overdue);
    const claim = () =>
      this.commands.run(patronDecider, streamIds.patron(cardNumber), { type: 'ClaimHoldSlot', cardNumber, holdId, titleId, via, today, policy, hasOverdueLoans }, { actor });
    let claimed;
    try {
      claimed = await claim();
    } catch (error) {
      // A slot left behind by a crash may be what refuses this hold (R7, R12): free such slots, then claim once more.
      if (!(error instanceof AlreadyHoldingTitle || error instanceof HoldLimitReached)) throw error;
      if ((await this.releaseStaleSlots(cardNumber)) === 0) throw error;
      claimed = await claim();
    }
    try {
      const placed = await this.commands.run(titleDecider, streamIds.title(titleId), placeHold, { actor });
      return { holdId, status: 'waiting', queuePosition: queuePosition(placed.state, holdId) ?? 1, position: laterPosition(claimed.position, placed.position) };
    } catch (error) {
      await this.releaseSlot(cardNumber, holdId, actor, 'placement refused');
      throw error;
    }
  }

  async cancel(request: CancelHoldRequest): Promise<Positioned> {
    const { holdId, actor } = request;
    const located = await this.locator.find(holdId);
    // A patron asking about someone else's hold learns nothing about it (I7).
    if (request.cardNumber !== null && located.cardNumber !== request.cardNumber) throw new UnknownHold(holdId);
    const title = await this.commands.load(titleDecider, streamIds.title(located.titleId));
    const liveLocations = Object.values(title.holds).map((hold) => hold.pickupLocationId);
    const calendars = await this.locations.calendarsOf(liveLocations);
    const cancelled = await this.commands.run(
      titleDecider,
      streamIds.title(located.titleId),
      {
        type: 'CancelHold',
        titleId: located.titleId,
        holdId,
        by: request.cardNumber === null ? 'staff' : 'patron',
        cardNumber: request.cardNumber,
        reason: request.reason,
        today: this.commands.today(),
        policy: this.commands.policy,
        calendars,
      },
      { actor, reason: request.reason ?? undefined },
    );
    const released = await this.releaseSlot(located.cardNumber, holdId, actor);
    return { position: laterPosition(cancelled.position, released) };
  }

  /** Frees the patron's slots no live hold stands behind (see staleHoldSlots); returns how many. */
  private async releaseStaleSlots(cardNumber: string): Promise<number> {
    const stale = await staleHoldSlots(this.commands.store, cardNumber, this.commands.clock.now(), this.config.HOLD_CLAIM_REPAIR_AFTER_SECONDS * 1000);
    for (const holdId of stale) await this.releaseSlot(cardNumber, holdId, REPAIR_ACTOR, 'no live hold behind this slot');
    return stale.length;
  }

  /** A hold ended (cancelled, fulfilled, expired): its slot is free again. Repeating it changes nothing. */
  async releaseSlot(cardNumber: string, holdId: string, actor: Actor, reason?: string): Promise<bigint | null> {
    const released = await this.commands.run(patronDecider, streamIds.patron(cardNumber), { type: 'ReleaseHoldSlot', cardNumber, holdId }, { actor, reason });
    return released.position;
  }
}

/** How a refusal is reported per title in a batch (R15). */
export function refusalOf(error: unknown): { type: string; rule: string | null; detail: string } | null {
  if (!(error instanceof DomainRuleViolation)) return null;
  return { type: `/problems/${error.code}`, rule: error.rule, detail: error.message };
}
