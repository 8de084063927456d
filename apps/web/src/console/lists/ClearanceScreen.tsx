import { useState } from 'preact/hooks';
import { formatInstant } from '../../shared/dates';
import { Link } from '../../shared/router';
import { Loading, ProblemAlert, StatusMessage, useCommand } from '../../shared/ui';
import type { ClearanceItem } from '../api-types';
import { useConsole } from '../console-context';
import { ListHeading } from './ListHeading';
import { NeedLocation } from './NeedLocation';
import { useLocationList } from './use-location-list';

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
      {!list.data ? (
        <Loading loaded={list} text={text} />
      ) : list.data.length === 0 ? (
        <p>{text.clearance.empty}</p>
      ) : (
        <table class="responsive">
          <caption>{text.clearance.caption(list.data.length)}</caption>
          <thead>
            <tr>
              <th scope="col">{c.copy}</th>
              <th scope="col">{c.title}</th>
              <th scope="col">{c.reason}</th>
              <th scope="col">{c.endedAt}</th>
              <th scope="col">{c.hold}</th>
              <th scope="col">{c.action}</th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((item) => (
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
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

export function ClearanceScreen() {
  const { text } = useConsole();
  return (
    <>
      <ListHeading heading={text.clearance.heading} />
      <NeedLocation>{(id) => <Clearance key={id} locationId={id} />}</NeedLocation>
    </>
  );
}
