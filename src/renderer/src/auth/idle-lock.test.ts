import { describe, expect, it } from 'vitest';
import { watchIdle, type IdleTimerPorts } from './idle-lock';

/** Timers on a hand-moved clock. */
function fakeTimers(): IdleTimerPorts & { advance(ms: number): void } {
  let now = 0;
  let next = 1;
  const timers = new Map<number, { at: number; run: () => void }>();
  return {
    setTimer(run, ms) {
      timers.set(next, { at: now + ms, run });
      return next++;
    },
    clearTimer: (id) => void timers.delete(id),
    advance(ms) {
      now += ms;
      for (const [id, t] of [...timers]) {
        if (t.at <= now) {
          timers.delete(id);
          t.run();
        }
      }
    },
  };
}

describe('watchIdle', () => {
  it('fires once the quiet spell is over, and every activity starts the spell again', () => {
    const timers = fakeTimers();
    let locks = 0;
    const idle = watchIdle(300_000, () => (locks += 1), timers);
    timers.advance(299_000);
    idle.activity();
    timers.advance(299_000);
    expect(locks).toBe(0);
    timers.advance(1_000);
    expect(locks).toBe(1);
  });

  it('never fires after stop', () => {
    const timers = fakeTimers();
    let locks = 0;
    const idle = watchIdle(1_000, () => (locks += 1), timers);
    idle.stop();
    timers.advance(5_000);
    expect(locks).toBe(0);
  });
});
