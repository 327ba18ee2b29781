// A medicine (a product marked requiereLote) is sold with its lot: the DGI's gMedicina (lot number and quantity of
// the lot) is required for medicines and pharmaceutical raw material (REFERENCE.md §2.7 #27). The checkout asks for
// it; this is the rule in the core, so no caller (the till, the web host, a script) can issue a medicine without it.
import type { FiscalDocument } from '../../shared/fiscal/document';
import type { Violation } from '../../shared/fiscal/validate';
import type { StoreDb } from '../store/open-database';
import { cachedStatement } from '../store/statement-cache';

// One statement whatever the number of codes (a JSON array), prepared once per connection: this runs on every sale.
const MEDICINES_AMONG = `SELECT codigo FROM products WHERE requiere_lote = 1 AND codigo IN (SELECT value FROM json_each(?))`;

/** Codes among `codes` of products marked as medicines; an inactive product still counts (it was sold as one). */
function codesRequiringLot(db: StoreDb, codes: readonly string[]): Set<string> {
  const unique = [...new Set(codes)];
  if (unique.length === 0) return new Set();
  const rows = cachedStatement(db.$client, MEDICINES_AMONG).pluck().all(JSON.stringify(unique)) as string[];
  return new Set(rows);
}

/** One violation per line of a medicine that carries no lot. */
export function missingLotViolations(db: StoreDb, doc: FiscalDocument): Violation[] {
  const medicines = codesRequiringLot(
    db,
    doc.items.flatMap((item) => (item.codigo === undefined ? [] : [item.codigo])),
  );
  return doc.items.flatMap((item, i) =>
    item.codigo !== undefined && medicines.has(item.codigo) && item.medicina === undefined
      ? [
          {
            path: `items[${i}].medicina`,
            rule: 'medicine_lot_required',
            message: `Ítem ${i + 1}: ${item.descripcion} es un medicamento; indique su número de lote y la cantidad del lote`,
          },
        ]
      : [],
  );
}
