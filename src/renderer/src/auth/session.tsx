// Who is at the register: the session (auth:session) for every screen, re-read after sign-in, sign-out and setup.
// The core keeps the session; this only mirrors it so screens can show the right things (a gerente sees settings).
import { createContext, useCallback, useContext, useEffect, useState, type JSX, type ReactNode } from 'react';
import type { SessionView } from '../../../shared/ipc/areas/auth/contract';
import { attempt, sago } from '../api/sago';

export interface SessionState {
  /** null until the first read answers. */
  session: SessionView | null;
  isManager: boolean;
  /** Spanish message when the session could not be read (the bridge is down); null otherwise. */
  error: string | null;
  /** Replaces the mirrored session with one a call returned (auth:signIn, auth:setup, auth:signOut). */
  set: (session: SessionView) => void;
  refresh: () => Promise<void>;
}

const SessionContext = createContext<SessionState>({
  session: null,
  isManager: false,
  error: null,
  set: () => undefined,
  refresh: () => Promise.resolve(),
});

export function useSession(): SessionState {
  return useContext(SessionContext);
}

export function SessionProvider(props: { children: ReactNode }): JSX.Element {
  const [session, setSession] = useState<SessionView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refresh = useCallback(async () => {
    const result = await attempt(() => sago().auth.session({}));
    setError(result.ok ? null : result.error.message);
    if (result.ok) setSession(result.value);
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  const value: SessionState = {
    session,
    isManager: session?.user?.role === 'gerente',
    error,
    set: setSession,
    refresh,
  };
  return <SessionContext.Provider value={value}>{props.children}</SessionContext.Provider>;
}
