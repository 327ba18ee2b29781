// A sliced reply (decision 0041) rebuilds exactly the value the worker had, in order, one slice per event-loop turn,
// and a broken slice fails the reply instead of answering part of it.
import { describe, expect, it } from 'vitest';
import { assembleReply, jsonSlices, sliceReply } from './sliced-reply';

const line = (k: number) => ({ codigo: `P-${k}`, descripcion: `Producto ${k} ñ "á"`, cantidad: `${k}.00`, n: k });
const emptyReport = () => ({
  report: {
    from: '2026-01-01',
    to: '2026-12-31',
    byDay: [{ day: '2026-01-01', total: '1.00' }],
    byProduct: [] as unknown[],
  },
  csvByProduct: 'codigo;total\r\n',
});
const withLines = (lines: number) => {
  const value = emptyReport();
  value.report.byProduct = Array.from({ length: lines }, (_, k) => line(k));
  return value;
};
const PATHS = [
  ['report', 'byDay'],
  ['report', 'byProduct'],
];

/** Counts the turns the assembly waited for, without waiting for the event loop. */
function countingTurn() {
  const turns = { n: 0 };
  return { turns, turn: () => ((turns.n += 1), Promise.resolve()) };
}

describe('sliced replies', () => {
  it('rebuilds the value exactly, items in order, over several slices', async () => {
    const value = withLines(500);
    const { head, sliced } = sliceReply(value, PATHS, 1_000);
    const byProduct = sliced.find((s) => s.path.join('.') === 'report.byProduct')!;
    expect(byProduct.slices.length).toBeGreaterThan(20);
    expect(JSON.stringify(head)).not.toContain('P-1');
    const { turns, turn } = countingTurn();
    expect(await assembleReply(head, sliced, turn)).toEqual(value);
    expect(turns.n).toBe(byProduct.slices.length + 1); // one turn per slice (byDay is one slice)
  });

  it('leaves the value the worker holds untouched', () => {
    const value = withLines(10);
    const copy = structuredClone(value);
    sliceReply(value, PATHS, 100);
    expect(value).toEqual(copy);
  });

  it('answers an empty report with empty arrays and no slices', async () => {
    const value = withLines(0);
    value.report.byDay = [];
    const { head, sliced } = sliceReply(value, PATHS);
    expect(sliced.map((s) => s.slices)).toEqual([[], []]);
    const { turns, turn } = countingTurn();
    expect(await assembleReply(head, sliced, turn)).toEqual(value);
    expect(turns.n).toBe(0);
  });

  it('ends a slice exactly at the last item without an empty slice after it', () => {
    const items = [1, 2, 3, 4].map(line);
    const oneItem = JSON.stringify(items[0]).length + 1;
    const exact = jsonSlices(items, 2 * oneItem); // two items fill a slice: 4 items are exactly 2 slices
    expect(exact).toHaveLength(2);
    expect(exact.flatMap((s) => JSON.parse(s) as unknown[])).toEqual(items);
    expect(jsonSlices(items, 2 * oneItem - 1)).toHaveLength(4);
    expect(jsonSlices(items, 1)).toHaveLength(4); // an item longer than a slice is a slice of its own
  });

  it('uses the default slice size when none is given, and slices only what is an array', async () => {
    const value = { report: { byDay: 'not an array' }, other: [1, 2] };
    const { head, sliced } = sliceReply(value, [['report', 'byDay'], ['missing', 'path'], ['other']]);
    expect(sliced).toEqual([{ path: ['other'], slices: ['[1,2]'] }]);
    expect(await assembleReply(head, sliced)).toEqual(value);
  });

  it('rejects the reply when a slice is not JSON, or not an array', async () => {
    const { head } = sliceReply(withLines(3), PATHS);
    await expect(
      assembleReply(head, [{ path: ['report', 'byProduct'], slices: ['[{"a":1}]', '[{"a":'] }]),
    ).rejects.toThrow(SyntaxError);
    await expect(assembleReply(head, [{ path: ['report', 'byProduct'], slices: ['{"a":1}'] }])).rejects.toThrow(
      'not a JSON array',
    );
  });

  it('refuses to slice what JSON cannot carry', () => {
    expect(() => jsonSlices([() => 1], 100)).toThrow('JSON data only');
  });
});
