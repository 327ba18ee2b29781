// The console: sign-in, then one screen at a time from the navigation. The credential (admin key or session token)
// lives in this component's state only (see ui/session.ts); signing out or a refused credential forgets it.
import { useCallback, useMemo, useState, type JSX } from 'react';
import { LANGUAGES, setLanguage, useT } from './i18n/i18n';
import { Alerts } from './screens/Alerts';
import { Audit } from './screens/Audit';
import { Documents } from './screens/Documents';
import { Sales } from './screens/Sales';
import { SignIn, type SignedInAs } from './screens/SignIn';
import { Status } from './screens/Status';
import { Stores } from './screens/Stores';
import { Users } from './screens/Users';
import { SessionContext, type Session } from './ui/session';

const SCREENS = {
  stores: Stores,
  status: Status,
  documents: Documents,
  audit: Audit,
  sales: Sales,
  alerts: Alerts,
  users: Users,
} as const;
type ScreenName = keyof typeof SCREENS;

export function App(): JSX.Element {
  const { t, language } = useT();
  const [signedIn, setSignedIn] = useState<SignedInAs | null>(null);
  const [screen, setScreen] = useState<ScreenName>('stores');
  const expire = useCallback(() => setSignedIn(null), []);
  const session = useMemo<Session | null>(
    () => (signedIn ? { api: signedIn.api, role: signedIn.role, expire } : null),
    [signedIn, expire],
  );
  const signOut = () => {
    void signedIn?.signOut();
    expire();
  };
  const Screen = SCREENS[screen];

  return (
    <div className="console">
      <header>
        <h1>{t('app.title')}</h1>
        <label>
          {t('app.language')}
          <select
            value={language}
            onChange={(e) => setLanguage(e.target.value === 'en' ? 'en' : 'es-PA')}
            data-testid="language"
          >
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {t(`languages.${l}`)}
              </option>
            ))}
          </select>
        </label>
        {session && (
          <button type="button" onClick={signOut}>
            {t('app.signOut')}
          </button>
        )}
      </header>
      {session ? (
        <SessionContext.Provider value={session}>
          <nav>
            {(Object.keys(SCREENS) as ScreenName[]).map((name) => (
              <button
                key={name}
                type="button"
                aria-current={name === screen ? 'page' : undefined}
                onClick={() => setScreen(name)}
                data-testid={`nav-${name}`}
              >
                {t(`nav.${name}`)}
              </button>
            ))}
          </nav>
          {session.role === 'accountant' && (
            <p className="notice read-only" data-testid="read-only">
              {t('app.readOnly')}
            </p>
          )}
          <main>
            <Screen />
          </main>
        </SessionContext.Provider>
      ) : (
        <SignIn
          onSignedIn={(signed) => {
            setScreen('stores');
            setSignedIn(signed);
          }}
        />
      )}
    </div>
  );
}
