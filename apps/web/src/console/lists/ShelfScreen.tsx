import { daysBetween, formatDay, libraryToday } from '../../shared/dates';
import { Link } from '../../shared/router';
import type { ShelfHold } from '../api-types';
import { useConsole } from '../console-context';
import { LocationScreen } from './LocationScreen';
import { useLocationList } from './use-location-list';
import { WorkingList } from './WorkingList';

/** A hold whose last pickup day is today or tomorrow is marked, so staff can call before it lapses. */
const URGENT_DAYS = 1;

function HoldShelf({ locationId }: { locationId: string }) {
  const { api, text, lang } = useConsole();
  const shelf = useLocationList<ShelfHold>(api, locationId, 'hold-shelf');
  const today = libraryToday();
  const c = text.columns;
  return (
    <WorkingList
      loaded={shelf}
      empty={text.shelf.empty}
      caption={text.shelf.caption}
      columns={[c.lastPickupDay, c.daysLeft, c.title, c.copy, c.card, c.contact, c.hold]}
      row={(hold) => {
        const left = daysBetween(today, hold.lastPickupDay);
        const urgent = left <= URGENT_DAYS;
        return (
          <tr key={hold.holdId} class={urgent ? 'urgent' : undefined}>
            <td data-label={c.lastPickupDay}>{formatDay(hold.lastPickupDay, lang)}</td>
            <td data-label={c.daysLeft}>
              {text.daysLeft(left)} {urgent && <span class="badge">{text.urgent}</span>}
            </td>
            <td data-label={c.title}>{hold.titleName}</td>
            <td data-label={c.copy}>{hold.copyId}</td>
            <td data-label={c.card}>
              <Link href={`/console/patrons/${hold.cardNumber}`}>{hold.cardNumber}</Link>
            </td>
            <td data-label={c.contact}>{text.contactMethod[hold.contactMethod]}</td>
            <td data-label={c.hold}>
              <Link href={`/console/holds/${hold.holdId}`}>{text.holdDetails}</Link>
            </td>
          </tr>
        );
      }}
    />
  );
}

export function ShelfScreen() {
  const { text } = useConsole();
  return <LocationScreen heading={text.shelf.heading} body={HoldShelf} />;
}
