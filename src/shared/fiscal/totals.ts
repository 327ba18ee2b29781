// Document arithmetic exactly as REFERENCE.md §2.13 defines it.
// Rounding policy (docs/decisions/0008-per-line-rounding-and-xml-text.md, superseding 0002): every amount of a line
// (precioItem, valorITBMS, valorISC, each OTI, freight, insurance, valorTotal) is rounded half-up to 2 decimals, as
// the DGI's own signed documents carry them, and every total is the exact sum of those line values. So a receipt's
// lines add up to its totals to the cent, and every relation of §2.13 holds exactly on the wire.
import type { CodigoOti, TASA_ITBMS } from './codes';
import type { FiscalDocument } from './document';
import type { Item } from './item';
import { decimalItemAmounts, decimalTotals } from './totals-decimal';
import { microsItemAmounts, microsTotals } from './totals-micros';

export interface ItemAmounts {
  /** cantidad × (precioUnitario − precioUnitarioDescuento) */
  precioItem: string;
  valorITBMS: string;
  /** Present only when the item has ISC. */
  valorISC?: string;
  /** precioItem + acarreo + seguro + ITBMS + ISC + Σ OTI */
  valorTotal: string;
  /** Amount taken off by the unit discount (cantidad × precioUnitarioDescuento), for receipts and reports. */
  descuento: string;
  /** Σ of the item's OTI amounts (each rounded to 2 decimals), '0.00' when none. */
  otis: string;
  /** precioAcarreo + precioSeguro of the item, '0.00' when none. */
  cargos: string;
}

export interface DocumentTotals {
  items: ItemAmounts[];
  totalPrecioNeto: string;
  totalITBMS: string;
  totalISC: string;
  totalMontoGravado: string;
  totalDescuento: string;
  totalAcarreoCobrado: string;
  valorSeguroCobrado: string;
  totalFactura: string;
  totalValorRecibido: string;
  /** Change given back; '0.00' when none. */
  vuelto: string;
  nroItems: number;
  totalTodosItems: string;
  /** Σ valorTotalOTI per OTI code, in code order. */
  totalesOti: { codigo: CodigoOti; valor: string }[];
  /** Σ precioItem and Σ valorITBMS per ITBMS rate, for receipts and the cash close. */
  porTasa: { tasaItbms: keyof typeof TASA_ITBMS; base: string; itbms: string }[];
}

// Decision 0039: validating a sale spent most of its CPU in decimal.js. Amounts in the canonical form the schema
// accepts (at most 11 integer digits and 6 decimals) go through exact fixed-point integers (totals-micros.ts); at
// that size decimal.js (precision 60) never rounds either, so both give the same strings. Anything else keeps the
// decimal.js path, unchanged.
export function computeItemAmounts(item: Item): ItemAmounts {
  return microsItemAmounts(item) ?? decimalItemAmounts(item);
}

export function computeTotals(doc: FiscalDocument): DocumentTotals {
  return microsTotals(doc) ?? decimalTotals(doc);
}
