// The register's live state for every screen: app:status once, then kept current by main's events (queue counts,
// connectivity, contingency). Also tracks a draining backlog for the status bar's "n of N" progress.
import { createContext, useCallback, useContext, useEffect, useRef, useState, type JSX, type ReactNode } from 'react';
import type { DocumentStatus } from '../../../shared/fiscal/lifecycle';
import type { AppStatus } from '../../../shared/ipc/schemas';
import { NO_BACKLOG, trackDrain, type DrainState } from '../shell/status-model';
import { attempt, sago } from './sago';
import { applyStatusRead, NO_EVENTS, type EventedStatus, type EventTally } from './status-read';

export interface LiveStatus {
  status: AppStatus | null;
  drain: DrainState;
  /** Spanish message when app:status could not be read. */
  error: string | null;
  /** Re-reads app:status (after a sale, so the waiting count never lags behind the receipt). */
  refresh: () => void;
}

const StatusContext = createContext<LiveStatus>({
  status: null,
  drain: NO_BACKLOG,
  error: null,
  refresh: () => undefined,
});

export function useLiveStatus(): LiveStatus {
  return useContext(StatusContext);
}

export function StatusProvider(props: { children: ReactNode }): JSX.Element {
  const [status, setStatus] = useState<AppStatus | null>(null);
  const [drain, setDrain] = useState<DrainState>(NO_BACKLOG);
  const [error, setError] = useState<string | null>(null);
  // Latest connectivity and counts, for the drain tracker (event handlers run outside React's render).
  const online = useRef(true);
  const lastQueue = useRef<AppStatus['queue'] | null>(null);
  // Events seen so far, so a read answered before an event cannot undo it (status-read.ts).
  const events = useRef<EventTally>({ ...NO_EVENTS });
  const latest = useRef<EventedStatus>({});

  const refresh = useCallback(() => {
    const asked = { ...events.current };
    void attempt(() => sago().app.status({})).then((result) => {
      if (!result.ok) {
        setError(result.error.message);
        return;
      }
      setError(null);
      const next = applyStatusRead(latest.current, result.value, asked, events.current);
      online.current = next.connectivity === 'online';
      lastQueue.current = next.queue;
      setStatus(next);
      setDrain((previous) => trackDrain(previous, next.queue, Date.now(), next.connectivity === 'online'));
    });
  }, []);

  useEffect(() => {
    refresh();
    const api = sago();
    const off = [
      api.on('queue:counts', (queue) => {
        events.current.queue += 1;
        lastQueue.current = queue;
        latest.current.queue = queue;
        setStatus((s) => (s ? { ...s, queue } : s));
        setDrain((previous) => trackDrain(previous, queue, Date.now(), online.current));
      }),
      api.on('connectivity:changed', ({ state }) => {
        events.current.connectivity += 1;
        online.current = state === 'online';
        latest.current.connectivity = state;
        setStatus((s) => (s ? { ...s, connectivity: state } : s));
        const queue = lastQueue.current;
        if (queue) setDrain((previous) => trackDrain(previous, queue, Date.now(), online.current));
      }),
      api.on('contingency:changed', (contingency) => {
        events.current.contingency += 1;
        latest.current.contingency = contingency;
        setStatus((s) => (s ? { ...s, contingency } : s));
      }),
    ];
    // Events can be missed while the bridge reconnects (web host); a slow re-read keeps the bar honest.
    const timer = window.setInterval(refresh, 30_000);
    return () => {
      off.forEach((unsubscribe) => unsubscribe());
      window.clearInterval(timer);
    };
  }, [refresh]);

  return <StatusContext.Provider value={{ status, drain, error, refresh }}>{props.children}</StatusContext.Provider>;
}

/** Calls `listener` for every document status change main reports, while the component is mounted. */
export function useDocumentStatusEvents(listener: (event: { documentId: string; to: DocumentStatus }) => void): void {
  useEffect(() => sago().on('document:status', listener), [listener]);
}
