import { holdEndingEvents, type HoldSlotLedger } from '@libs/application';
import type { ReactorOptions } from './reactor-runner';
import { asRecorded, type Actor } from '@libs/platform';

const actor: Actor = { kind: 'system', id: 'hold-slots' };

/**
 * R7, I1: every hold that ends frees its patron's slot. The command that ended it releases the slot right after its
 * own append; this reaction hands the same event from the log to the ledger again, so a crash between the two appends
 * never leaks a slot. Releasing a slot that is already free appends nothing, so both may run.
 */
export function holdSlotReactor(ledger: HoldSlotLedger): ReactorOptions {
  return {
    name: 'hold-slots',
    filter: { eventTypes: holdEndingEvents },
    handle: async (event) => {
      await ledger.holdsEnded(asRecorded([event]), actor, event.id);
    },
  };
}
