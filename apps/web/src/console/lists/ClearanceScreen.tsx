import { useState } from 'preact/hooks';
import { formatInstant } from '../../shared/dates';
import { Link } from '../../shared/router';
import { ProblemAlert, StatusMessage, useCommand } from '../../shared/ui';
import type { ClearanceItem } from '../api-types';
import { useConsole } from '../console-context';
import { LocationScreen } from './LocationScreen';
import { useLocationList } from './use-location-list';
import { WorkingList } from './WorkingList';

function Clearance({ locationId }: { locationId: string }) {
  const { api, text, lang } = useConsole();
  const list = useLocationList<ClearanceItem>(api, locationId, 'clearance');
  const command = useCommand();
  const [done, setDone] = useState<string | null>(null);
  const c = text.columns;
  const take = (copyId: string) =>
    command.run(async () => {
      await api.send('POST', '/staff/hold-shelf/clearances', { copyId });
      await list.reload();
      setDone(text.clearance.done(copyId));
    });
  return (
    <>
      <StatusMessage message={done} />
      <ProblemAlert problem={command.problem} text={text} />
      <WorkingList
        loaded={list}
        empty={text.clearance.empty}
        caption={text.clearance.caption}
        columns={[c.copy, c.title, c.reason, c.endedAt, c.hold, c.action]}
        row={(item) => (
          <tr key={item.holdId}>
            <td data-label={c.copy}>{item.copyId}</td>
            <td data-label={c.title}>{item.titleName}</td>
            <td data-label={c.reason}>{text.clearance.reasons[item.reason]}</td>
            <td data-label={c.endedAt}>{formatInstant(item.endedAt, lang)}</td>
            <td data-label={c.hold}>
              <Link href={`/console/holds/${item.holdId}`}>{text.holdDetails}</Link>
            </td>
            <td data-label={c.action}>
              <button type="button" disabled={command.busy} aria-label={text.clearance.takenFor(item.copyId)} onClick={() => void take(item.copyId)}>
                {text.clearance.taken}
              </button>
            </td>
          </tr>
        )}
      />
    </>
  );
}

export function ClearanceScreen() {
  const { text } = useConsole();
  return <LocationScreen heading={text.clearance.heading} body={Clearance} />;
}
