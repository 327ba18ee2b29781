// The console: sign-in, then one screen at a time from the navigation. The admin key lives in this component's
// state only (see ui/session.ts); signing out or a refused key forgets it.
import { useCallback, useMemo, useState, type JSX } from 'react';
import type { Api } from './api/client';
import { LANGUAGES, setLanguage, useT } from './i18n/i18n';
import { Alerts } from './screens/Alerts';
import { Audit } from './screens/Audit';
import { Documents } from './screens/Documents';
import { Sales } from './screens/Sales';
import { SignIn } from './screens/SignIn';
import { Status } from './screens/Status';
import { Stores } from './screens/Stores';
import { SessionContext, type Session } from './ui/session';

const SCREENS = { stores: Stores, status: Status, documents: Documents, audit: Audit, sales: Sales, alerts: Alerts } as const;
type ScreenName = keyof typeof SCREENS;

export function App(): JSX.Element {
  const { t, language } = useT();
  const [api, setApi] = useState<Api | null>(null);
  const [screen, setScreen] = useState<ScreenName>('stores');
  const expire = useCallback(() => setApi(null), []);
  const session = useMemo<Session | null>(() => (api ? { api, expire } : null), [api, expire]);
  const Screen = SCREENS[screen];

  return (
    <div className="console">
      <header>
        <h1>{t('app.title')}</h1>
        <label>{t('app.language')}
          <select value={language} onChange={(e) => setLanguage(e.target.value === 'en' ? 'en' : 'es-PA')} data-testid="language">
            {LANGUAGES.map((l) => <option key={l} value={l}>{t(`languages.${l}`)}</option>)}
          </select>
        </label>
        {session && <button type="button" onClick={expire}>{t('app.signOut')}</button>}
      </header>
      {session ? (
        <SessionContext.Provider value={session}>
          <nav>
            {(Object.keys(SCREENS) as ScreenName[]).map((name) => (
              <button key={name} type="button" aria-current={name === screen ? 'page' : undefined} onClick={() => setScreen(name)} data-testid={`nav-${name}`}>
                {t(`nav.${name}`)}
              </button>
            ))}
          </nav>
          <main><Screen /></main>
        </SessionContext.Provider>
      ) : <SignIn onSignedIn={setApi} />}
    </div>
  );
}
