// The signed-in session: the API bound to the admin key (held in memory only: a reload asks for it again, so the
// key is never written to the browser's storage), and what to do when the server stops accepting it.
import { createContext, useCallback, useContext, useEffect, useState } from 'react';
import type { Api, ApiFailure, ApiResult } from '../api/client';

export type Role = 'owner' | 'accountant';

export interface Session {
  api: Api;
  /** What the server says this credential may do; the server enforces it, the screens only explain it. */
  role: Role;
  /** The key was refused (revoked while signed in): back to the sign-in screen. */
  expire: () => void;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a signed-in console');
  return session;
}

/** Loads with `load` now and on reload(); an unauthorised answer ends the session. */
export function useLoad<T>(
  load: (api: Api) => Promise<ApiResult<T>>,
  deps: readonly unknown[],
): {
  data: T | null;
  failure: ApiFailure | null;
  loading: boolean;
  reload: () => void;
} {
  const { api, expire } = useSession();
  const [state, setState] = useState<{ data: T | null; failure: ApiFailure | null; loading: boolean }>({
    data: null,
    failure: null,
    loading: true,
  });
  const [round, setRound] = useState(0);
  // `deps` are the caller's inputs to `load`: a new load function each render does not reload, a new input does.
  const run = useCallback(load, deps);
  useEffect(() => {
    let current = true;
    setState((s) => ({ ...s, loading: true }));
    void run(api).then((result) => {
      if (!current) return;
      if (!result.ok && result.failure.kind === 'unauthorized') expire();
      setState(
        result.ok
          ? { data: result.value, failure: null, loading: false }
          : { data: null, failure: result.failure, loading: false },
      );
    });
    return () => {
      current = false;
    };
  }, [api, expire, run, round]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { ...state, reload };
}
