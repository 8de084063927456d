import { Loading } from '../../shared/ui';
import type { PullListItem } from '../api-types';
import { useConsole } from '../console-context';
import { ListHeading } from './ListHeading';
import { NeedLocation } from './NeedLocation';
import { useLocationList } from './use-location-list';

function PullList({ locationId }: { locationId: string }) {
  const { api, text } = useConsole();
  const list = useLocationList<PullListItem>(api, locationId, 'pull-list');
  const c = text.columns;
  if (!list.data) return <Loading loaded={list} text={text} />;
  if (list.data.length === 0) return <p>{text.pull.empty}</p>;
  return (
    <table class="responsive">
      <caption>{text.pull.caption(list.data.length)}</caption>
      <thead>
        <tr>
          <th scope="col">{c.title}</th>
          <th scope="col">{c.copies}</th>
          <th scope="col">{c.waitingHolds}</th>
        </tr>
      </thead>
      <tbody>
        {list.data.map((item) => (
          <tr key={item.titleId}>
            <td data-label={c.title}>
              {item.titleName} ({item.titleId})
            </td>
            <td data-label={c.copies}>{item.copyIds.join(', ')}</td>
            <td data-label={c.waitingHolds}>{item.waitingHolds}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function PullListScreen() {
  const { text } = useConsole();
  return (
    <>
      <ListHeading heading={text.pull.heading} />
      <NeedLocation>{(id) => <PullList key={id} locationId={id} />}</NeedLocation>
    </>
  );
}
