import type { ComponentChildren } from 'preact';
import { Link } from '../shared/router';
import { AppHeader } from '../shared/ui';
import { useConsole } from './console-context';

export const NAV_ITEMS = ['shelf', 'clearance', 'calls', 'pull', 'desk', 'patrons', 'calendar'] as const;
export type NavItem = (typeof NAV_ITEMS)[number];

function LocationPicker() {
  const { text, locations, locationId, setLocationId } = useConsole();
  return (
    <label>
      {text.location}
      <select value={locationId ?? ''} onChange={(event) => setLocationId(event.currentTarget.value)}>
        {!locationId && <option value="">{text.chooseLocation}</option>}
        {(locations.data ?? []).map((location) => (
          <option key={location.locationId} value={location.locationId}>
            {location.name}
          </option>
        ))}
      </select>
    </label>
  );
}

export function ConsoleLayout({ current, onSignOut, children }: { current: NavItem | null; onSignOut(): void; children: ComponentChildren }) {
  const { text } = useConsole();
  return (
    <>
      <AppHeader
        text={text}
        end={
          <button type="button" class="link-button" onClick={onSignOut}>
            {text.signOut}
          </button>
        }
      >
        <LocationPicker />
      </AppHeader>
      <nav class="app-nav" aria-label={text.mainNavigation}>
        <ul>
          {NAV_ITEMS.map((item) => (
            <li key={item}>
              <Link href={`/console/${item}`} current={item === current}>
                {text.nav[item]}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main">{children}</main>
    </>
  );
}
