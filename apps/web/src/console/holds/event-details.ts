import { formatDay, type Lang, type LocalDate } from '../../shared/dates';
import type { ContactMethod, HoldStatus } from '../../shared/common-messages';
import type { HistoryEntry } from '../api-types';
import type { ConsoleMessages } from '../messages';

/** The facts of one event worth a line in the timeline, in the screen's language. */
export function eventDetails(entry: HistoryEntry, text: ConsoleMessages, lang: Lang, locationName: (id: string) => string): string[] {
  const data = entry.data;
  const detail = text.hold.eventDetail;
  const day = (value: unknown) => formatDay(String(value) as LocalDate, lang);
  switch (entry.type) {
    case 'HoldPlaced':
      return [
        detail.placedVia[String(data.placedVia)] ?? String(data.placedVia),
        locationName(String(data.pickupLocationId)),
        text.contactMethod[data.contactMethod as ContactMethod],
      ];
    case 'HoldInTransit':
      return [detail.copy(String(data.copyId)), detail.to(locationName(String(data.toLocationId)))];
    case 'HoldReady':
      return [detail.copy(String(data.copyId)), locationName(String(data.pickupLocationId)), detail.lastPickupDay(day(data.lastPickupDay))];
    case 'PickupExpired':
      return [detail.lastPickupDay(day(data.lastPickupDay)), detail.expiredOn(day(data.expiredOn))];
    case 'HoldCancelled':
      return [text.holdStatus[data.previousStatus as HoldStatus] ?? String(data.previousStatus)];
    case 'PatronContacted':
      return [text.calls.outcomes[data.outcome as keyof ConsoleMessages['calls']['outcomes']] ?? String(data.outcome)];
    case 'HoldFulfilled':
    case 'HoldShelfCleared':
    case 'CopyCheckedOut':
      return [detail.copy(String(data.copyId))];
    default:
      return [];
  }
}

/** Why it happened: the reason staff gave (metadata), or the cancellation's own reason. */
export function eventReason(entry: HistoryEntry): string | null {
  return entry.reason ?? (typeof entry.data.reason === 'string' ? entry.data.reason : null);
}
