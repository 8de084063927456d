import { expiryDay, isExpired, pickupDeadline } from '../calendar/pickup-window';
import { requireLocalDate } from '../calendar/local-date';
import { PickupWindowNotOver } from '../errors';
import type { TitleEvent } from '../events';
import { offerCopy } from './copy-assignment';
import { record, startDecision } from './decision';
import { calendarOf, requireHold, requireTitle } from './lookups';
import type { ExpirePickup } from './title-commands';
import type { TitleState } from './title-state';

/**
 * The automatic cancellation of an uncollected ready hold on the (N+1)-th open day after the notice (R18).
 * The sweep only finds candidates; this decision re-checks against the pickup location's current calendar,
 * so a closure added since the notice (R30) keeps the hold alive: PickupWindowNotOver, carrying the new
 * last pickup day so the sweep can come back then. Anything but a ready hold (already expired, fulfilled,
 * cancelled) decides nothing, so doubled or late sweeps append nothing (I3). The copy goes to the next
 * waiting hold in the same decision, or stays on the hold shelf for clearance (I4).
 */
export function expirePickup(command: ExpirePickup, state: TitleState): TitleEvent[] {
  requireTitle(state, command.titleId);
  const today = requireLocalDate(command.today, 'today');
  const hold = requireHold(state, command.holdId);
  if (hold.status !== 'ready' || hold.copyId === null || hold.noticeDay === null || hold.pickupOpenDays === null) return [];

  const calendar = calendarOf(command.calendars, hold.pickupLocationId);
  const lastPickupDay = pickupDeadline(hold.noticeDay, hold.pickupOpenDays, calendar);
  if (!isExpired(today, hold.noticeDay, hold.pickupOpenDays, calendar)) {
    throw new PickupWindowNotOver({ holdId: hold.holdId, lastPickupDay, expiresOn: expiryDay(hold.noticeDay, hold.pickupOpenDays, calendar) });
  }

  const expired = record(startDecision(state), {
    type: 'PickupExpired',
    data: {
      titleId: state.titleId,
      holdId: hold.holdId,
      cardNumber: hold.cardNumber,
      copyId: hold.copyId,
      pickupLocationId: hold.pickupLocationId,
      lastPickupDay,
      expiredOn: today,
    },
  });
  return offerCopy(expired, hold.copyId, hold.pickupLocationId, command).events;
}
