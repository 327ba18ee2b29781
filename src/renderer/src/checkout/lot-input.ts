// What the lot dialog accepts, as the DGI's gMedicina does: a lot number of 5 to 35 characters and a whole quantity
// of the lot (1 to 9 digits). Checked here only to explain it; the fiscal core checks the same fields again.
import { xmlIllegalCharacter } from '../../../shared/fiscal/xml-text';
import type { Medicina } from './cart';

export type LotProblem = 'lotLength' | 'lotCharacters' | 'quantity';

export type LotCheck =
  | { ok: true; medicina: Medicina }
  | { ok: false; problems: Partial<Record<'nroLote' | 'cantProductosLote', LotProblem>> };

export function checkLot(nroLote: string, cantidad: string): LotCheck {
  const lote = nroLote.trim();
  const quantity = cantidad.trim();
  const problems: Partial<Record<'nroLote' | 'cantProductosLote', LotProblem>> = {};
  if (lote.length < 5 || lote.length > 35) problems.nroLote = 'lotLength';
  else if (xmlIllegalCharacter(lote) !== undefined) problems.nroLote = 'lotCharacters';
  if (!/^\d{1,9}$/.test(quantity) || Number(quantity) === 0) problems.cantProductosLote = 'quantity';
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return { ok: true, medicina: { nroLote: lote, cantProductosLote: String(Number(quantity)) } };
}

/** The lot quantity the dialog proposes: the line's quantity when it is whole, else empty (the cashier types it). */
export function proposedLotQuantity(cantidad: string): string {
  return /^\d+(\.0+)?$/.test(cantidad) ? String(Number(cantidad)) : '';
}
