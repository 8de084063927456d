import { LanguageProvider, useMessages } from '../shared/language';
import { navigate, usePath } from '../shared/router';
import { useSession, type Session } from '../shared/session';
import { AppHeader } from '../shared/ui';
import { CalendarScreen } from './calendar/CalendarScreen';
import { ConsoleProvider } from './console-context';
import { DeskScreen } from './DeskScreen';
import { HoldScreen } from './holds/HoldScreen';
import { ConsoleLayout, type NavItem } from './Layout';
import { CallListScreen } from './lists/CallListScreen';
import { ClearanceScreen } from './lists/ClearanceScreen';
import { PullListScreen } from './lists/PullListScreen';
import { ShelfScreen } from './lists/ShelfScreen';
import { LoginScreen } from './LoginScreen';
import { consoleMessages } from './messages';
import { PatronScreen } from './patrons/PatronScreen';

const TOKEN_KEY = 'holds.console.token';

/** The console's routes: a path under /console names a screen and, for some, the hold or patron it shows. */
function route(path: string): { nav: NavItem | null; screen: () => preact.JSX.Element } {
  const [, , first = '', second] = path.split('/').map(decodeURIComponent);
  switch (first) {
    case '':
    case 'shelf':
      return { nav: 'shelf', screen: () => <ShelfScreen /> };
    case 'clearance':
      return { nav: 'clearance', screen: () => <ClearanceScreen /> };
    case 'calls':
      return { nav: 'calls', screen: () => <CallListScreen /> };
    case 'pull':
      return { nav: 'pull', screen: () => <PullListScreen /> };
    case 'desk':
      return { nav: 'desk', screen: () => <DeskScreen /> };
    case 'patrons':
      return { nav: 'patrons', screen: () => <PatronScreen key={second ?? ''} cardNumber={second || null} /> };
    case 'calendar':
      return { nav: 'calendar', screen: () => <CalendarScreen /> };
    case 'holds':
      if (second) return { nav: null, screen: () => <HoldScreen key={second} holdId={second} /> };
      break;
  }
  return { nav: 'shelf', screen: () => <ShelfScreen /> };
}

function SignedIn({ session }: { session: Session }) {
  const path = usePath();
  const { nav, screen } = route(path);
  const signOut = () => {
    session.signOut();
    navigate('/console');
  };
  return (
    <ConsoleProvider api={session.api}>
      <ConsoleLayout key={path} current={nav} onSignOut={signOut}>
        {screen()}
      </ConsoleLayout>
    </ConsoleProvider>
  );
}

function SignedOut({ session }: { session: Session }) {
  const text = useMessages(consoleMessages);
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
