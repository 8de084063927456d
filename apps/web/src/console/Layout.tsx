import type { ComponentChildren } from 'preact';
import { LanguageSwitch } from '../shared/language';
import { Link } from '../shared/router';
import { useConsole } from './console-context';
import type { ConsoleMessages } from './messages';

export const NAV_ITEMS = ['shelf', 'clearance', 'calls', 'pull', 'desk', 'patrons', 'calendar'] as const;
export type NavItem = (typeof NAV_ITEMS)[number];

/** The header every signed-out screen has: the product's name and the language switch. */
export function PlainHeader({ text }: { text: ConsoleMessages }) {
  return (
    <header class="app-header">
      <a class="skip-link" href="#main">
        {text.skipToContent}
      </a>
      <span class="app-name">{text.appName}</span>
      <LanguageSwitch label={text.switchLanguage} />
    </header>
  );
}

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
      <header class="app-header">
        <a class="skip-link" href="#main">
          {text.skipToContent}
        </a>
        <span class="app-name">{text.appName}</span>
        <LocationPicker />
        <LanguageSwitch label={text.switchLanguage} />
        <button type="button" class="link-button" onClick={onSignOut}>
          {text.signOut}
        </button>
      </header>
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
