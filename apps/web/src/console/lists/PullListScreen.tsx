import type { PullListItem } from '../api-types';
import { useConsole } from '../console-context';
import { LocationScreen } from './LocationScreen';
import { useLocationList } from './use-location-list';
import { WorkingList } from './WorkingList';

function PullList({ locationId }: { locationId: string }) {
  const { api, text } = useConsole();
  const list = useLocationList<PullListItem>(api, locationId, 'pull-list');
  const c = text.columns;
  return (
    <WorkingList
      loaded={list}
      empty={text.pull.empty}
      caption={text.pull.caption}
      columns={[c.title, c.copies, c.waitingHolds]}
      row={(item) => (
        <tr key={item.titleId}>
          <td data-label={c.title}>
            {item.titleName} ({item.titleId})
          </td>
          <td data-label={c.copies}>{item.copyIds.join(', ')}</td>
          <td data-label={c.waitingHolds}>{item.waitingHolds}</td>
        </tr>
      )}
    />
  );
}

export function PullListScreen() {
  const { text } = useConsole();
  return <LocationScreen heading={text.pull.heading} body={PullList} />;
}
