import { ScreenHeading } from '../../shared/ui';
import { useConsole } from '../console-context';

/** A working list's heading names the location it is for. */
export function ListHeading({ heading }: { heading: string }) {
  const { text, locationId, locationName } = useConsole();
  const full = locationId ? text.screenAt(heading, locationName(locationId)) : heading;
  return <ScreenHeading documentTitle={`${full} — ${text.appName}`}>{full}</ScreenHeading>;
}
