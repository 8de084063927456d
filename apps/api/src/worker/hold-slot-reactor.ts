import { patronDecider, streamIds, type HoldCancelled, type HoldFulfilled, type PickupExpired } from '@libs/domain';
import type { Actor } from '@libs/event-store';
import type { CommandRunner } from '../commands/command-runner.service';
import type { ReactorOptions } from './reactor-runner';

type HoldEnded = HoldFulfilled | PickupExpired | HoldCancelled;

const holdEndingEvents: readonly HoldEnded['type'][] = ['HoldFulfilled', 'PickupExpired', 'HoldCancelled'];

const actor: Actor = { kind: 'system', id: 'hold-slots' };

/**
 * R7, I1: every hold that ends frees its patron's slot. The command handlers release it right after their own
 * append; this reaction does it again from the log, so a crash between the two appends never leaks a slot.
 * Releasing a slot that is already free appends nothing, so both may run.
 */
export function holdSlotReactor(commands: CommandRunner): ReactorOptions {
  return {
    name: 'hold-slots',
    filter: { eventTypes: holdEndingEvents },
    handle: async (event) => {
      const { cardNumber, holdId } = event.data as HoldEnded['data'];
      await commands.run(patronDecider, streamIds.patron(cardNumber), { type: 'ReleaseHoldSlot', cardNumber, holdId }, { actor, causationId: event.id });
    },
  };
}
