// A sale's quantities follow each product's unit (shared/till/sale-unit.ts): a weighed item up to 3 decimals, a
// counted item whole units. Checked here, before a number is taken, so no caller (the till, the web host, a script)
// can sell half a bottle. Notes are not checked: a credit note credits what its invoice sold, as it was sold.
import { NOTE_DOCUMENT_TYPES } from '../../shared/fiscal/codes';
import type { FiscalDocument } from '../../shared/fiscal/document';
import type { Violation } from '../../shared/fiscal/validate';
import { quantityUnitMessage, quantityUnitProblem } from '../../shared/till/sale-unit';
import type { StoreDb } from '../store/open-database';

/** The catalogue's unit of each of `codes` (an inactive product still counts: it may still be on a basket). */
function unitsOf(db: StoreDb, codes: readonly string[]): Map<string, string> {
  const unique = [...new Set(codes)];
  if (unique.length === 0) return new Map();
  const rows = db.$client
    .prepare(`SELECT codigo, unidad FROM products WHERE codigo IN (${unique.map(() => '?').join(', ')})`)
    .all(...unique) as { codigo: string; unidad: string }[];
  return new Map(rows.map((r) => [r.codigo, r.unidad]));
}

/** One violation per line whose quantity does not fit its product's unit (the line's own unit when not catalogued;
 * a line with neither is not checked). */
export function quantityUnitViolations(db: StoreDb, doc: FiscalDocument): Violation[] {
  if ((NOTE_DOCUMENT_TYPES as readonly string[]).includes(doc.tipoDocumento)) return [];
  const units = unitsOf(
    db,
    doc.items.flatMap((item) => (item.codigo === undefined ? [] : [item.codigo])),
  );
  return doc.items.flatMap((item, i) => {
    const unidad = (item.codigo === undefined ? undefined : units.get(item.codigo)) ?? item.unidadMedida;
    const problem = unidad === undefined ? null : quantityUnitProblem(item.cantidad, unidad);
    return problem === null || unidad === undefined
      ? []
      : [
          {
            path: `items[${i}].cantidad`,
            rule: problem === 'tooManyDecimals' ? 'weighed_quantity_decimals' : 'whole_units_only',
            message: `Ítem ${i + 1}: ${quantityUnitMessage(problem, item.descripcion, item.cantidad, unidad)}`,
          },
        ];
  });
}
