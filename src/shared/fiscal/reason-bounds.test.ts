import { describe, expect, it } from 'vitest';
import { REASON_MAX, REASON_MIN, reasonWithinBounds } from './reason-bounds';

describe('reasonWithinBounds', () => {
  it('counts the trimmed text against the DGI bounds, both ends included', () => {
    expect(reasonWithinBounds('x'.repeat(REASON_MIN))).toBe(true);
    expect(reasonWithinBounds(`  ${'x'.repeat(REASON_MIN - 1)}   `)).toBe(false);
    expect(reasonWithinBounds('x'.repeat(REASON_MAX))).toBe(true);
    expect(reasonWithinBounds('x'.repeat(REASON_MAX + 1))).toBe(false);
  });
});
