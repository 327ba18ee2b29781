// Net sales rows (store × period) turned into what the sales screen shows: one series per store over every period,
// and exact totals per store and overall (decimal.js through the fiscal core's money; only the chart's drawing
// uses binary numbers, to place points).
import { money, sum, toAmount2 } from '../../../shared/fiscal/money';
import type { SalesRow } from '../api/types';

export interface SalesView {
  periods: string[];
  stores: { storeId: string; label: string; values: (number | null)[]; total: string; documents: number }[];
  grandTotal: string;
}

export function salesView(rows: readonly SalesRow[]): SalesView {
  const periods = [...new Set(rows.map((r) => r.period))].sort();
  const storeIds = [...new Set(rows.map((r) => r.storeId))];
  const stores = storeIds
    .map((storeId) => {
      const mine = rows.filter((r) => r.storeId === storeId);
      const first = mine[0];
      return {
        storeId,
        label: first ? `${first.storeCode} · ${first.storeName}` : storeId,
        values: periods.map((p) => {
          const row = mine.find((r) => r.period === p);
          return row ? Number(row.total) : null;
        }),
        total: toAmount2(sum(mine.map((r) => money(r.total)))),
        documents: mine.reduce((n, r) => n + r.documents, 0),
      };
    })
    .sort((a, b) => a.label.localeCompare(b.label));
  return { periods, stores, grandTotal: toAmount2(sum(rows.map((r) => money(r.total)))) };
}
