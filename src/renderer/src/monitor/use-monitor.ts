// The monitoring panel's data while it is on screen: monitor:overview and sync:status read at once, every 15 s and
// whenever the queue's counts change (debounced, so a draining backlog does not flood the core); all stops when the
// panel unmounts.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Response } from '../../../shared/ipc/contract';
import { attempt, sago } from '../api/sago';

export const REFRESH_MS = 15_000;
const EVENT_DEBOUNCE_MS = 1_000;

export interface MonitorData {
  overview: Response<'monitor:overview'> | null;
  sync: Response<'sync:status'> | null;
  error: string | null;
  /** When the overview was last read successfully (PC time). */
  readAt: Date | null;
  refresh: () => void;
}

export function useMonitor(hours: number): MonitorData {
  const [overview, setOverview] = useState<MonitorData['overview']>(null);
  const [sync, setSync] = useState<MonitorData['sync']>(null);
  const [error, setError] = useState<string | null>(null);
  const [readAt, setReadAt] = useState<Date | null>(null);
  const live = useRef(true);

  const refresh = useCallback(() => {
    void attempt(() => sago().monitor.overview({ hours })).then((r) => {
      if (!live.current) return;
      if (r.ok) {
        setOverview(r.value);
        setError(null);
        setReadAt(new Date());
      } else setError(r.error.message);
    });
    void attempt(() => sago().sync.status({})).then((r) => {
      if (live.current && r.ok) setSync(r.value);
    });
  }, [hours]);

  useEffect(() => {
    live.current = true;
    refresh();
    const timer = window.setInterval(refresh, REFRESH_MS);
    let pending: number | undefined;
    const off = sago().on('queue:counts', () => {
      window.clearTimeout(pending);
      pending = window.setTimeout(refresh, EVENT_DEBOUNCE_MS);
    });
    return () => {
      live.current = false;
      window.clearInterval(timer);
      window.clearTimeout(pending);
      off();
    };
  }, [refresh]);

  return { overview, sync, error, readAt, refresh };
}
