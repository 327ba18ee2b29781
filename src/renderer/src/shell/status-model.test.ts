import { describe, expect, it } from 'vitest';
import { NO_BACKLOG, drainProgress, formatElapsed, trackDrain, type DrainState } from './status-model';

const counts = (waiting: number, inFlight = 0) => ({ waiting, inFlight, parked: 0, failed: 0 });
const ON = true;

describe('status bar model', () => {
  it('formats the contingency clock', () => {
    expect(formatElapsed(0)).toBe('00:00:00');
    expect(formatElapsed(245_000)).toBe('00:04:05');
    expect(formatElapsed((3 * 86_400 + 7200) * 1000)).toBe('3 d 02:00:00');
    expect(formatElapsed(-5)).toBe('00:00:00');
  });

  it('shows n of N while a backlog drains, with an estimate once the rate is known', () => {
    let state: DrainState = NO_BACKLOG;
    state = trackDrain(state, counts(10), 0, ON);
    expect(drainProgress(state, 0)).toBeNull(); // nothing sent yet
    state = trackDrain(state, counts(9, 1), 1_000, ON);
    expect(drainProgress(state, 1_000)).toEqual({ sent: 1, total: 10, etaMs: null });
    state = trackDrain(state, counts(5), 3_000, ON);
    // 4 more sent in 2 s → 0.5 s each → 5 left ≈ 2.5 s
    expect(drainProgress(state, 3_000)).toEqual({ sent: 5, total: 10, etaMs: 2_500 });
  });

  it('grows the total when sales arrive during the drain and resets once empty', () => {
    let state = trackDrain(trackDrain(NO_BACKLOG, counts(4), 0, ON), counts(2), 100, ON);
    state = trackDrain(state, counts(6), 200, ON);
    expect(drainProgress(state, 200)).toBeNull(); // backlog at its peak: nothing to report as progress
    state = trackDrain(state, counts(3), 300, ON);
    expect(drainProgress(state, 300)).toMatchObject({ sent: 3, total: 6 });
    expect(trackDrain(state, counts(0), 400, ON)).toEqual(NO_BACKLOG);
  });

  it('counts from the backlog left when the connection went down, not from before', () => {
    let state = trackDrain(trackDrain(NO_BACKLOG, counts(4), 0, ON), counts(3), 100, ON);
    state = trackDrain(state, counts(5), 200, false);
    expect(drainProgress(state, 200)).toBeNull();
    state = trackDrain(state, counts(4), 300, ON);
    expect(drainProgress(state, 300)).toMatchObject({ sent: 1, total: 5 });
  });

  it('says nothing for a single waiting document', () => {
    expect(drainProgress(trackDrain(NO_BACKLOG, counts(1), 0, ON), 0)).toBeNull();
  });
});
