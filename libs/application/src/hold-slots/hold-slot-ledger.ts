import { Inject, Injectable } from '@nestjs/common';
import { patronDecider, streamIds, type DomainEvent, type HoldCancelled, type HoldFulfilled, type PickupExpired } from '@libs/domain';
import { APP_CONFIG, CommandRunner, laterPosition, type AppConfig, type Actor } from '@libs/platform';
import { staleHoldSlots } from './stale-hold-slots';

const REPAIR_ACTOR: Actor = { kind: 'system', id: 'hold-slots' };

export type HoldEnded = HoldFulfilled | PickupExpired | HoldCancelled;
export const holdEndingEvents: readonly HoldEnded['type'][] = ['HoldFulfilled', 'PickupExpired', 'HoldCancelled'];

const isHoldEnded = (event: DomainEvent): event is HoldEnded => (holdEndingEvents as readonly string[]).includes(event.type);

/**
 * The patron's hold slots (R7, I1), kept in one place. A placement claims a slot on the patron's stream before the
 * hold joins the title's queue; every way a hold ends frees it here: the command that ended it (cancel, checkout,
 * expiry) right after its own append, the worker's reaction to the same event from the log (so a crash between the
 * two appends never leaks a slot), a placement the title refused, and the repair of claims whose placement died.
 * Releasing a slot that is already free appends nothing, so any of them may run twice.
 */
@Injectable()
export class HoldSlotLedger {
  constructor(
    private readonly commands: CommandRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The slots of the holds these events ended; answers with the position of the last release, if any. */
  async holdsEnded(events: readonly DomainEvent[], actor: Actor, causationId?: string): Promise<bigint | null> {
    let position: bigint | null = null;
    for (const event of events.filter(isHoldEnded)) {
      position = laterPosition(position, await this.release(event.data.cardNumber, event.data.holdId, actor, undefined, causationId));
    }
    return position;
  }

  /** A hold ended or was never placed: its slot is free again. Repeating it changes nothing. */
  async release(cardNumber: string, holdId: string, actor: Actor, reason?: string, causationId?: string): Promise<bigint | null> {
    const released = await this.commands.run(
      patronDecider,
      streamIds.patron(cardNumber),
      { type: 'ReleaseHoldSlot', cardNumber, holdId },
      { actor, reason, causationId },
    );
    return released.position;
  }

  /** Frees the patron's slots no live hold stands behind (see staleHoldSlots); returns how many. */
  async releaseStale(cardNumber: string): Promise<number> {
    const stale = await staleHoldSlots(this.commands.store, cardNumber, this.commands.clock.now(), this.config.HOLD_CLAIM_REPAIR_AFTER_SECONDS * 1000);
    for (const holdId of stale) await this.release(cardNumber, holdId, REPAIR_ACTOR, 'no live hold behind this slot');
    return stale.length;
  }
}
