// Series probe (issue 11 §2, decision 0009): find the highest number HKA already holds for one fiscal series
// (branch, point, type) and move the local series past it, so a fresh install, a restored backup or a second register
// does not reuse numbers another sale already took.
//
// Search: EstadoDocumento on 1, 2, 4, 8… until a number HKA does not hold (exponential), then a binary search between
// the last held and the first free power; then a look at the GAP_WINDOW numbers just above the top found, because a
// rejected or discarded document leaves a hole that could stop the search early; a hit there restarts the search from
// it (at most MAX_RESTARTS times). A number counts as held when EstadoDocumento finds it under tipoEmision 01 or 02
// (a document is keyed with its emission type, REFERENCE.md §1.5).
// Bound, for a top N with no holes: at most 2·⌈log2(N+2)⌉ + GAP_WINDOW numbers asked (measured: N = 0: 3, 1: 4,
// 1 000: 20, 99 999: 34); each number asked costs 1 EstadoDocumento call if held under 01, else 2. Worst case over the 10-digit range:
// (MAX_RESTARTS + 1) · (2·34 + GAP_WINDOW) numbers. The tests count the calls.

export const GAP_WINDOW = 3;
export const MAX_RESTARTS = 3;
/** dNroDF has 10 digits. */
export const MAX_DOCUMENT_NUMBER = 9_999_999_999;

export interface SearchResult {
  highest: number;
  /** Numbers asked about (each costs 1–2 EstadoDocumento calls). */
  numbersAsked: number;
}

/** The search itself, over any "does HKA hold number n?" oracle. Throws whatever the oracle throws (e.g. offline). */
export async function findHighestHeld(isHeld: (n: number) => Promise<boolean>): Promise<SearchResult> {
  const known = new Map<number, boolean>();
  const held = async (n: number): Promise<boolean> => {
    if (n > MAX_DOCUMENT_NUMBER) return false;
    let answer = known.get(n);
    if (answer === undefined) {
      answer = await isHeld(n);
      known.set(n, answer);
    }
    return answer;
  };
  let base = 0;
  for (let restart = 0; ; restart++) {
    const top = await searchFrom(base, held);
    let next: number | undefined;
    for (let k = 1; k <= GAP_WINDOW && next === undefined; k++) if (await held(top + k)) next = top + k;
    if (next === undefined || restart >= MAX_RESTARTS) return { highest: next ?? top, numbersAsked: known.size };
    base = next;
  }
}

/** Highest held number reachable from `base` (held, or 0) by doubling steps then bisection. */
async function searchFrom(base: number, held: (n: number) => Promise<boolean>): Promise<number> {
  let lo = base;
  let step = 1;
  while (await held(lo + step)) {
    lo += step;
    step *= 2;
  }
  let hi = lo + step; // not held
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (await held(mid)) lo = mid;
    else hi = mid;
  }
  return lo;
}
