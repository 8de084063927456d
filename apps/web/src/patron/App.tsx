import { LanguageProvider, useMessages } from '../shared/language';
import { Link, navigate, usePath } from '../shared/router';
import { useSession, type Session } from '../shared/session';
import { AppHeader, Loading } from '../shared/ui';
import { FavouritesScreen } from './favourites/FavouritesScreen';
import { ListsScreen } from './ListsScreen';
import { LoginScreen } from './LoginScreen';
import { patronMessages } from './messages';
import { PatronProvider, usePatron } from './patron-context';
import { PlaceHoldScreen } from './PlaceHoldScreen';
import { SettingsScreen } from './SettingsScreen';

const TOKEN_KEY = 'holds.patron.token';
const NAV_ITEMS = ['lists', 'place', 'favourites', 'settings'] as const;
type NavItem = (typeof NAV_ITEMS)[number];

function Screen({ current }: { current: NavItem }) {
  const { profile, text } = usePatron();
  switch (current) {
    case 'lists':
      return <ListsScreen />;
    case 'place':
      return <PlaceHoldScreen />;
    case 'favourites':
      return profile.data ? <FavouritesScreen cardNumber={profile.data.cardNumber} /> : <Loading loaded={profile} text={text} />;
    case 'settings':
      return <SettingsScreen />;
    default: {
      const _exhaustive: never = current;
      return _exhaustive;
    }
  }
}

function PatronLayout({ current, onSignOut }: { current: NavItem; onSignOut(): void }) {
  const { text, profile } = usePatron();
  return (
    <>
      <AppHeader text={text}>
        {profile.data && <span>{text.signedInAs(profile.data.name)}</span>}
        <button type="button" class="link-button" onClick={onSignOut}>
          {text.signOut}
        </button>
      </AppHeader>
      <nav class="app-nav" aria-label={text.mainNavigation}>
        <ul>
          {NAV_ITEMS.map((item) => (
            <li key={item}>
              <Link href={item === 'lists' ? '/patron' : `/patron/${item}`} current={item === current}>
                {text.nav[item]}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main">
        <Screen key={current} current={current} />
      </main>
    </>
  );
}

function SignedIn({ session }: { session: Session }) {
  const path = usePath();
  const segment = path.split('/')[2] ?? '';
  const current: NavItem = (NAV_ITEMS as readonly string[]).includes(segment) ? (segment as NavItem) : 'lists';
  const signOut = () => {
    session.signOut();
    navigate('/patron');
  };
  return (
    <PatronProvider api={session.api}>
      <PatronLayout current={current} onSignOut={signOut} />
    </PatronProvider>
  );
}

function SignedOut({ session }: { session: Session }) {
  const text = useMessages(patronMessages);
  return (
    <>
      <AppHeader text={text} />
      <LoginScreen session={session} />
    </>
  );
}

export function App() {
  const session = useSession(TOKEN_KEY);
  return <LanguageProvider>{session.token ? <SignedIn session={session} /> : <SignedOut session={session} />}</LanguageProvider>;
}
