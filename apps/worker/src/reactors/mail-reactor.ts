import type { NotificationReactor } from '@libs/notifications';
import type { ReactorOptions } from './reactor-runner';

/**
 * R17, R25, R15: the mails events cause (hold ready, address registered, hold placed), on a subscription of their
 * own so a slow relay never holds the projections back. The reactor de-duplicates by causing event id, so a
 * replay from any position sends nothing twice; mail failures end in the delivery ledger, not here.
 */
export function mailReactor(reactor: NotificationReactor): ReactorOptions {
  return {
    name: 'notifications',
    filter: { eventTypes: ['HoldReady', 'EmailRegistered', 'HoldPlaced'] },
    handle: async (event) => {
      await reactor.handle(event);
    },
  };
}
