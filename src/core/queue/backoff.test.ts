import { describe, expect, it } from 'vitest';
import { DEFAULT_BACKOFF_MS, retryDelayMs } from './backoff';

describe('retryDelayMs', () => {
  it('doubles from 3 s to 48 s, then gives up', () => {
    const mid = () => 0.5; // no jitter
    expect([1, 2, 3, 4, 5].map((n) => retryDelayMs(n, DEFAULT_BACKOFF_MS, mid))).toEqual([
      3000, 6000, 12000, 24000, 48000,
    ]);
    expect(retryDelayMs(6, DEFAULT_BACKOFF_MS, mid)).toBeUndefined();
  });

  it('stays within ±20 % jitter', () => {
    expect(retryDelayMs(1, DEFAULT_BACKOFF_MS, () => 0)).toBe(2400);
    expect(retryDelayMs(1, DEFAULT_BACKOFF_MS, () => 0.999999)).toBe(3600);
  });
});
