// How a product is sold: counted (a unit, a box, a pack) or weighed (kg, lb). The catalogue stores the unit as the
// DGI unit code it sends as the item's unidadMedida (FE_UnidadesMedida: "und", "kg", "lb"), and the unit decides the
// quantities a sale may carry: a weighed item up to 3 decimals (what a scale reads, "0.375*P012"), a counted one
// whole units only. The core refuses anything else (core/sales/sale-quantities.ts); the till only explains.
import Decimal from 'decimal.js';

/** The units the manager picks from in the catalogue (DGI codes). Older free-text units stay counted. */
export const SALE_UNITS = ['und', 'kg', 'lb'] as const;

/** Decimals a scale gives: grams of a kilogram. */
export const WEIGHED_DECIMALS = 3;

const WEIGHED: ReadonlySet<string> = new Set(['kg', 'lb']);

export function isWeighedUnit(unidad: string | null | undefined): boolean {
  return unidad !== null && unidad !== undefined && WEIGHED.has(unidad.trim().toLowerCase());
}

/** Why a quantity does not fit the unit, or null when it does. */
export type QuantityUnitProblem = 'wholeUnitsOnly' | 'tooManyDecimals';

export function quantityUnitProblem(cantidad: string, unidad: string | null | undefined): QuantityUnitProblem | null {
  const quantity = new Decimal(cantidad);
  if (isWeighedUnit(unidad)) return quantity.decimalPlaces() > WEIGHED_DECIMALS ? 'tooManyDecimals' : null;
  return quantity.isInteger() ? null : 'wholeUnitsOnly';
}

/** The core's Spanish message for a refused quantity (the till shows its own, translated). */
export function quantityUnitMessage(
  problem: QuantityUnitProblem,
  descripcion: string,
  cantidad: string,
  unidad: string,
): string {
  const quantity = new Decimal(cantidad).toString();
  return problem === 'tooManyDecimals'
    ? `${descripcion} se vende por peso (${unidad}): la cantidad ${quantity} admite hasta ${WEIGHED_DECIMALS} decimales`
    : `${descripcion} se vende por unidades: la cantidad ${quantity} debe ser un número entero`;
}
