// In front of the app: the first-manager setup on first launch (cannot be skipped), the sign-in screen while nobody
// is signed in, and the lock screen after "Bloquear". Locking keeps the app mounted but hidden and inert, so a sale
// in progress is still there when the same person signs in again (another person gets a fresh app); useLocked() tells the shell to take the checkout off duty (its
// keyboard shortcuts and scanner focus) meanwhile. Before the first sign-in of this page nothing behind is mounted.
// A gerente's session locks itself after 5 quiet minutes (idle-lock.ts).
import { createContext, useContext, useEffect, useRef, useState, type JSX, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useManagerIdleLock } from './idle-lock';
import { SetupScreen } from './SetupScreen';
import { SignInScreen } from './SignInScreen';
import { useSession } from './session';
import './auth.css';

const LockedContext = createContext(false);

/** True while the sign-in screen covers the app (nobody signed in). */
export function useLocked(): boolean {
  return useContext(LockedContext);
}

export function AuthGate(props: { children: ReactNode }): JSX.Element {
  const { t } = useTranslation();
  const { session, error, refresh } = useSession();
  const user = session?.user ?? null;
  useManagerIdleLock();
  // Who was signed in last: the app stays mounted after them, and the lock screen preselects them.
  const [lastUser, setLastUser] = useState<string | null>(null);
  useEffect(() => {
    if (user) setLastUser(user.username);
  }, [user]);
  const tillKey = useTillOwnerKey(user?.username ?? null);

  if (session === null) {
    return (
      <div className="auth-screen" data-testid="auth-loading">
        {error ? (
          <div className="auth-card">
            <p className="notice error" role="alert">
              {error}
            </p>
            <button type="button" className="button primary" onClick={() => void refresh()}>
              {t('auth.retry')}
            </button>
          </div>
        ) : (
          <p className="auth-loading">{t('common.loading')}</p>
        )}
      </div>
    );
  }
  if (session.setupNeeded) return <SetupScreen />;
  const locked = user === null;
  if (locked && lastUser === null) return <SignInScreen lastUser={null} />;
  return (
    <LockedContext.Provider value={locked}>
      {/* Keyed by the till's owner (useTillOwnerKey): the same person unlocking finds the till as they left it;
          someone else signing in at the lock screen gets the app anew, on their home screen with an empty basket (the
          previous basket is parked by the core under its owner's name when the new till asks for its draft). */}
      <div className="auth-keep" key={tillKey} hidden={locked} inert={locked}>
        {props.children}
      </div>
      {locked ? <SignInScreen lastUser={lastUser} /> : null}
    </LockedContext.Provider>
  );
}

/**
 * A key that changes when a different person signs in at the lock screen (signed out, then someone else), and only
 * then: a gerente taking over a cashier's session ("Entrar como gerente") keeps the screen they were asked on. Derived
 * during render from refs, so the new person never sees one frame of the previous person's screen.
 */
function useTillOwnerKey(username: string | null): string {
  const state = useRef<{ previous: string | null; owner: string | null; epoch: number }>({
    previous: null,
    owner: null,
    epoch: 0,
  });
  const now = state.current;
  if (username !== null && now.previous === null && now.owner !== null && now.owner !== username) now.epoch += 1;
  if (username !== null) now.owner = username;
  now.previous = username;
  return String(now.epoch);
}
