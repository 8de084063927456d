import { requireLocalDate } from '../calendar/local-date';
import type { CopyReturned, TitleEvent } from '../events';
import { holdInTransit, holdReady, offerCopy } from './copy-assignment';
import { record, startDecision, type Decision } from './decision';
import { shelfCleared } from './hold-shelf';
import { holdServedBy, requireCopy, requireTitle } from './lookups';
import type { CheckIn } from './title-commands';
import type { TitleState } from './title-state';

/**
 * A copy scanned in at `locationId`. What happens depends on where the copy was:
 * - on loan: returned (CopyReturned), then offered to the queue (R16);
 * - on the open shelf (pulled for a hold, Library A's pull list): offered to the queue; moved if scanned elsewhere;
 * - in transit for a hold: ready when it reaches the hold's pickup location (R17), sent on from anywhere else;
 *   in transit with no hold (cancelled on the way): back on the shelf here, then offered;
 * - on the hold shelf for its ready hold: nothing (a second scan);
 * - on the hold shelf awaiting clearance: cleared, then offered like any free copy.
 */
export function checkIn(command: CheckIn, state: TitleState): TitleEvent[] {
  requireTitle(state, command.titleId);
  requireLocalDate(command.today, 'today');
  const copy = requireCopy(state, command.copyId);
  const at = command.locationId;
  const returned = (cardNumber: string | null): CopyReturned => ({
    type: 'CopyReturned',
    data: { titleId: state.titleId, copyId: copy.copyId, cardNumber, locationId: at },
  });
  const offer = (decision: Decision) => offerCopy(decision, copy.copyId, at, command).events;
  const start = startDecision(state);

  switch (copy.status) {
    case 'on-loan':
      return offer(record(start, returned(copy.loan?.cardNumber ?? null)));
    case 'on-shelf': {
      const offered = offer(start);
      if (offered.length > 0 || at === copy.locationId) return offered;
      return [returned(null)];
    }
    case 'in-transit': {
      const hold = holdServedBy(state, copy);
      if (!hold) return offer(record(start, returned(null)));
      if (hold.pickupLocationId === at) return [holdReady(state, hold, copy.copyId, command)];
      if (copy.locationId === at) return [];
      return [holdInTransit(state, hold, copy.copyId, at)];
    }
    case 'on-hold-shelf': {
      const clearing = shelfCleared(state, copy.copyId);
      if (!clearing) return [];
      const cleared = record(start, clearing);
      return offer(at === clearing.data.locationId ? cleared : record(cleared, returned(null)));
    }
    default: {
      const _exhaustive: never = copy.status;
      return _exhaustive;
    }
  }
}
