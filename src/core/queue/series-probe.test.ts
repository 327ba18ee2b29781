// The series probe's search: exact answer and a bounded number of questions to HKA, holes included.
import { describe, expect, it } from 'vitest';
import { findHighestHeld, GAP_WINDOW } from './series-probe';

/** An oracle over a set of held numbers that counts the questions. */
function oracle(held: (n: number) => boolean) {
  const asked: number[] = [];
  return {
    asked,
    isHeld: (n: number) => {
      asked.push(n);
      return Promise.resolve(held(n));
    },
  };
}

describe('findHighestHeld', () => {
  it.each([
    [0, 3],
    [1, 4],
    [1_000, 20],
    [99_999, 34],
  ])('finds N = %i with %i questions (at most 2·⌈log2(N+2)⌉ + GAP_WINDOW)', async (n, questions) => {
    const o = oracle((k) => k <= n);
    const result = await findHighestHeld(o.isHeld);
    expect(result.highest).toBe(n);
    expect(result.numbersAsked).toBe(questions);
    expect(o.asked).toHaveLength(questions); // never the same number twice
    expect(questions).toBeLessThanOrEqual(2 * Math.ceil(Math.log2(n + 2)) + GAP_WINDOW);
  });

  it('looks past a hole just above the top it found (a rejected or discarded number)', async () => {
    // 1..10 held except 8: the doubling stops at 8, bisection says 7, the gap window finds 9 and the search goes on.
    const o = oracle((k) => k <= 10 && k !== 8);
    expect((await findHighestHeld(o.isHeld)).highest).toBe(10);
  });

  it('stops after its restarts even on an endless run of holes, still bounded', async () => {
    const o = oracle((k) => k % 2 === 1 && k < 1_000_000); // every even number is a hole
    const result = await findHighestHeld(o.isHeld);
    expect(result.highest).toBeGreaterThan(0);
    expect(result.numbersAsked).toBeLessThan(4 * (2 * 34 + GAP_WINDOW));
  });

  it('never asks beyond the 10-digit number range', async () => {
    const o = oracle(() => true);
    const result = await findHighestHeld(o.isHeld);
    expect(result.highest).toBe(9_999_999_999);
    expect(Math.max(...o.asked)).toBeLessThanOrEqual(9_999_999_999);
  });

  it('passes on an unanswered question (nothing decided)', async () => {
    await expect(findHighestHeld(() => Promise.reject(new Error('offline')))).rejects.toThrow('offline');
  });
});
