import { describe, expect, it } from 'vitest';
import { salesView } from './sales-model';

const row = (storeId: string, code: string, period: string, total: string, documents = 1) => ({
  storeId,
  storeCode: code,
  storeName: `Tienda ${code}`,
  period,
  total,
  documents,
});

describe('salesView', () => {
  it('makes one series per store over every period, with gaps, and exact totals', () => {
    const view = salesView([
      row('b', '0002', '2026-12-04', '0.10'),
      row('a', '0001', '2026-12-04', '0.20', 2),
      row('a', '0001', '2026-12-05', '-0.30'),
      row('b', '0002', '2026-12-06', '0.20'),
    ]);
    expect(view.periods).toEqual(['2026-12-04', '2026-12-05', '2026-12-06']);
    expect(view.stores).toEqual([
      { storeId: 'a', label: '0001 · Tienda 0001', values: [0.2, -0.3, null], total: '-0.10', documents: 3 },
      { storeId: 'b', label: '0002 · Tienda 0002', values: [0.1, null, 0.2], total: '0.30', documents: 2 },
    ]);
    // 0.1 + 0.2 + 0.2 - 0.3 in binary floats is 0.20000000000000004; the totals are decimal.
    expect(view.grandTotal).toBe('0.20');
  });

  it('is empty for no rows', () => {
    expect(salesView([])).toEqual({ periods: [], stores: [], grandTotal: '0.00' });
  });
});
