// Today's sales hour by hour, in Panamá time (fechaEmision is written in Panamá time, UTC−5, by captureSale).
// Exact decimals; a sale is what the shift report calls one: not a credit note, not annulled, not discarded.
import { money, toAmount2, ZERO } from '../../shared/fiscal/money';
import { toPanamaDate } from '../../shared/fiscal/panama-time';
import { CREDIT_NOTE_TYPES } from '../reports/shift-report';
import type { StoreDb } from '../store/open-database';

export interface HourSales {
  hour: number;
  documents: number;
  total: string;
}

export function salesByHourToday(db: StoreDb, now: Date): HourSales[] {
  const today = toPanamaDate(now);
  const rows = db.$client.prepare(`SELECT CAST(substr(fecha_emision, 12, 2) AS INTEGER) AS hour, total_factura AS total
    FROM documents WHERE substr(fecha_emision, 1, 10) = ? AND status NOT IN ('ANNULLED', 'CANCELLED', 'DRAFT')
    AND tipo_documento NOT IN (${CREDIT_NOTE_TYPES.map(() => '?').join(', ')})`)
    .all(today, ...CREDIT_NOTE_TYPES) as { hour: number; total: string }[];
  const hours = Array.from({ length: 24 }, () => ({ documents: 0, total: ZERO }));
  for (const row of rows) {
    const slot = hours[row.hour];
    if (!slot) continue;
    slot.documents++;
    slot.total = slot.total.plus(money(row.total));
  }
  return hours.map((slot, hour) => ({ hour, documents: slot.documents, total: toAmount2(slot.total) }));
}
