import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FC_SEED, fastCheckSeed } from './fast-check-seed';

describe('the fast-check seed of the suite', () => {
  it('is fixed for every property test unless FC_SEED says otherwise', () => {
    expect(fc.readConfigureGlobal().seed).toBe(fastCheckSeed());
    expect(fastCheckSeed({})).toBe(DEFAULT_FC_SEED);
    expect(fastCheckSeed({ FC_SEED: '42' })).toBe(42);
    expect(() => fastCheckSeed({ FC_SEED: 'abc' })).toThrow(/FC_SEED/);
  });

  it('makes a property draw the same values on every run', () => {
    const seed = fc.readConfigureGlobal().seed;
    expect(seed).toBeDefined();
    const draw = () => fc.sample(fc.integer(), { numRuns: 5, seed: seed ?? 0 });
    expect(draw()).toEqual(draw());
  });
});
