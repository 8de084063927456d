import { daysBetween, formatDay, libraryToday } from '../../shared/dates';
import { Link } from '../../shared/router';
import { Loading } from '../../shared/ui';
import type { ShelfHold } from '../api-types';
import { useConsole } from '../console-context';
import { ListHeading } from './ListHeading';
import { NeedLocation } from './NeedLocation';
import { useLocationList } from './use-location-list';

/** A hold whose last pickup day is today or tomorrow is marked, so staff can call before it lapses. */
const URGENT_DAYS = 1;

function HoldShelf({ locationId }: { locationId: string }) {
  const { api, text, lang } = useConsole();
  const shelf = useLocationList<ShelfHold>(api, locationId, 'hold-shelf');
  const today = libraryToday();
  const c = text.columns;
  if (!shelf.data) return <Loading loaded={shelf} text={text} />;
  if (shelf.data.length === 0) return <p>{text.shelf.empty}</p>;
  return (
    <table class="responsive">
      <caption>{text.shelf.caption(shelf.data.length)}</caption>
      <thead>
        <tr>
          <th scope="col">{c.lastPickupDay}</th>
          <th scope="col">{c.daysLeft}</th>
          <th scope="col">{c.title}</th>
          <th scope="col">{c.copy}</th>
          <th scope="col">{c.card}</th>
          <th scope="col">{c.contact}</th>
          <th scope="col">{c.hold}</th>
        </tr>
      </thead>
      <tbody>
        {shelf.data.map((hold) => {
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
        })}
      </tbody>
    </table>
  );
}

export function ShelfScreen() {
  const { text } = useConsole();
  return (
    <>
      <ListHeading heading={text.shelf.heading} />
      <NeedLocation>{(id) => <HoldShelf key={id} locationId={id} />}</NeedLocation>
    </>
  );
}
