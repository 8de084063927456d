import { useState } from 'preact/hooks';
import { formatDay } from '../../shared/dates';
import { Link } from '../../shared/router';
import { ProblemAlert, StatusMessage, useCommand } from '../../shared/ui';
import type { CallListItem } from '../api-types';
import { useConsole } from '../console-context';
import { LocationScreen } from './LocationScreen';
import { useLocationList } from './use-location-list';
import { WorkingList } from './WorkingList';

const OUTCOMES = ['called', 'no-answer', 'left-message'] as const;

function CallList({ locationId }: { locationId: string }) {
  const { api, text, lang } = useConsole();
  const list = useLocationList<CallListItem>(api, locationId, 'call-list');
  const command = useCommand();
  const [done, setDone] = useState<string | null>(null);
  const c = text.columns;
  const record = (item: CallListItem, outcome: (typeof OUTCOMES)[number]) =>
    command.run(async () => {
      await api.send('POST', `/staff/holds/${encodeURIComponent(item.holdId)}/contacts`, { outcome });
      await list.reload();
      setDone(text.calls.done(item.patronName, text.calls.outcomes[outcome]));
    });
  return (
    <>
      <StatusMessage message={done} />
      <ProblemAlert problem={command.problem} text={text} />
      <WorkingList
        loaded={list}
        empty={text.calls.empty}
        caption={text.calls.caption}
        columns={[c.patron, c.title, c.contact, c.attempts, c.lastPickupDay, c.action]}
        row={(item) => (
          <tr key={item.holdId}>
            <td data-label={c.patron}>
              {item.patronName} (<Link href={`/console/patrons/${item.cardNumber}`}>{item.cardNumber}</Link>)
            </td>
            <td data-label={c.title}>
              <Link href={`/console/holds/${item.holdId}`}>{item.titleName}</Link>
            </td>
            <td data-label={c.contact}>{text.contactMethod[item.contactMethod]}</td>
            <td data-label={c.attempts}>{item.contactAttempts}</td>
            <td data-label={c.lastPickupDay}>{formatDay(item.lastPickupDay, lang)}</td>
            <td data-label={c.action}>
              <div class="actions">
                {OUTCOMES.map((outcome) => (
                  <button
                    key={outcome}
                    type="button"
                    class="secondary"
                    disabled={command.busy}
                    aria-label={text.calls.outcomeFor(text.calls.outcomes[outcome], item.patronName)}
                    onClick={() => void record(item, outcome)}
                  >
                    {text.calls.outcomes[outcome]}
                  </button>
                ))}
              </div>
            </td>
          </tr>
        )}
      />
    </>
  );
}

export function CallListScreen() {
  const { text } = useConsole();
  return <LocationScreen heading={text.calls.heading} body={CallList} />;
}
