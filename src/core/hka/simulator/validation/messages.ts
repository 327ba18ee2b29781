// HKA-style validation messages (REFERENCE.md §1.7): "El campo tipoEmision es requerido",
// "En la ocurrencia 2 de Item, El campo valorITBMS es inválido". A prefix locates the field inside lists; the
// top level has none. Arithmetic messages add both values so a developer can see what HKA would have computed.
import { toAmount6, type Money } from '../../../../shared/fiscal/money';

/** Where a field sits: '' at the top level, "En la ocurrencia 2 de Item, " inside the 2nd item, and so on. */
export type Location = string;

export const TOP: Location = '';

export function inOccurrence(parent: Location, label: string, occurrence: number): Location {
  return `${parent}En la ocurrencia ${occurrence} de ${label}, `;
}

export function requerido(at: Location, field: string): string {
  return `${at}El campo ${field} es requerido`;
}

/** "El campo X es inválido", optionally with the reason in parentheses. */
export function invalido(at: Location, field: string, reason?: string): string {
  return `${at}El campo ${field} es inválido${reason ? ` (${reason})` : ''}`;
}

export function noDebeSerInformado(at: Location, field: string): string {
  return `${at}El campo ${field} no debe ser informado`;
}

/** Computed amounts are shown rounded half-up to 6 decimals, with at least 2 ("7.00", "0.3885"). */
export function showAmount(value: Money): string {
  return toAmount6(value);
}

export function descuadre(at: Location, field: string, declared: string, computed: Money): string {
  return invalido(at, field, `declarado ${declared}, calculado ${showAmount(computed)}`);
}
