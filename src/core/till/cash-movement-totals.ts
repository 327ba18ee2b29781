// Pay-ins and pay-outs of a shift, summed for its X/Z (shift-report.ts). Apart from cash-movements.ts so the report
// does not import the use case (which needs the current shift, and so the reports module).
import { money, sum, toAmount2 } from '../../shared/fiscal/money';
import type { StoreDb } from '../store/open-database';

export function shiftCashMovements(db: StoreDb, shiftId: string): { payIns: string; payOuts: string } {
  const rows = db.$client.prepare('SELECT kind, amount FROM cash_movements WHERE shift_id = ?').all(shiftId) as {
    kind: string;
    amount: string;
  }[];
  const total = (kind: string) => toAmount2(sum(rows.filter((r) => r.kind === kind).map((r) => money(r.amount))));
  return { payIns: total('in'), payOuts: total('out') };
}

/** Sales on hold right now (the Z warns: they are not sales, and they vanish from nobody's sight). */
export function parkedSalesCount(db: StoreDb): number {
  return db.$client.prepare('SELECT count(*) FROM parked_sales').pluck().get() as number;
}
