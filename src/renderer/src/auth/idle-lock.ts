// A gerente who signs in at the till (to open the settings, to approve something) and walks away would leave the
// cashier with a manager's powers. After a quiet spell (no key, click or touch) a gerente's session is locked; a
// cashier's is not, since the till waiting for the next customer is the normal state of a checkout.
import { useEffect } from 'react';
import { attempt, sago } from '../api/sago';
import { runBeforeLock } from './before-lock';
import { useSession } from './session';

export const MANAGER_IDLE_LOCK_MS = 5 * 60_000;
const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'wheel', 'touchstart'] as const;

export interface IdleTimerPorts {
  setTimer: (run: () => void, ms: number) => number;
  clearTimer: (id: number) => void;
}

/** Calls onIdle after `ms` without activity(); returns stop(). */
export function watchIdle(
  ms: number,
  onIdle: () => void,
  ports: IdleTimerPorts,
): { activity: () => void; stop: () => void } {
  let timer = ports.setTimer(onIdle, ms);
  return {
    activity() {
      ports.clearTimer(timer);
      timer = ports.setTimer(onIdle, ms);
    },
    stop: () => ports.clearTimer(timer),
  };
}

/** Locks a signed-in gerente's session after MANAGER_IDLE_LOCK_MS without input on this page. */
export function useManagerIdleLock(timeoutMs = MANAGER_IDLE_LOCK_MS): void {
  const { session, set } = useSession();
  const manager = session?.user?.role === 'gerente' ? session.user.username : null;
  useEffect(() => {
    if (manager === null) return;
    const lock = (): void => {
      void runBeforeLock()
        .then(() => attempt(() => sago().auth.signOut({})))
        .then((result) => {
          if (result.ok) set(result.value);
        });
    };
    const idle = watchIdle(timeoutMs, lock, {
      setTimer: (run, ms) => window.setTimeout(run, ms),
      clearTimer: (id) => window.clearTimeout(id),
    });
    const onActivity = (): void => idle.activity();
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, onActivity, { capture: true, passive: true });
    return () => {
      idle.stop();
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, onActivity, { capture: true });
    };
  }, [manager, timeoutMs, set]);
}
