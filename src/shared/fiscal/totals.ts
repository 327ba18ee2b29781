// Document arithmetic exactly as REFERENCE.md §2.13 defines it.
// Rounding policy (see docs/decisions/0002-rounding.md): item-level values are exact, rounded half-up only to
// the 6 decimals HKA accepts; each document total is the exact sum of those values rounded half-up to 2
// decimals. This is what HKA's own samples do (86.3884 → 86.39; 0.3885 → 0.39) and keeps every total within
// HKA's 0.01 tolerance by construction.
import { CODIGO_OTI, TASA_ITBMS, codesOf, type CodigoOti } from './codes';
import type { FiscalDocument } from './document';
import type { Item } from './item';
import { ZERO, money, round2, round6, sum, toAmount2, toAmount6, type Money } from './money';

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

interface ExactItem {
  precioItem: Money;
  valorITBMS: Money;
  valorISC: Money | undefined;
  otis: Money;
  valorTotal: Money;
  descuento: Money;
}

function exactItem(item: Item): ExactItem {
  const cantidad = money(item.cantidad);
  const unitDiscount = money(item.precioUnitarioDescuento ?? 0);
  const precioItem = round6(cantidad.times(money(item.precioUnitario).minus(unitDiscount)));
  const valorITBMS = round6(precioItem.times(TASA_ITBMS[item.tasaItbms].rate));
  const valorISC = item.isc
    ? round6(item.isc.monto !== undefined ? money(item.isc.monto) : precioItem.times(item.isc.tasa ?? 0))
    : undefined;
  const otis = sum((item.otis ?? []).map((o) => money(o.valor)));
  const extras = sum([money(item.precioAcarreo ?? 0), money(item.precioSeguro ?? 0), valorISC ?? ZERO, otis]);
  return {
    precioItem,
    valorITBMS,
    valorISC,
    otis,
    valorTotal: precioItem.plus(valorITBMS).plus(extras),
    descuento: round6(cantidad.times(unitDiscount)),
  };
}

export function computeItemAmounts(item: Item): ItemAmounts {
  const e = exactItem(item);
  return {
    precioItem: toAmount6(e.precioItem),
    valorITBMS: toAmount6(e.valorITBMS),
    ...(e.valorISC !== undefined ? { valorISC: toAmount6(e.valorISC) } : {}),
    valorTotal: toAmount6(e.valorTotal),
    descuento: toAmount6(e.descuento),
  };
}

function otiTotals(items: readonly Item[]): { codigo: CodigoOti; valor: Money }[] {
  return codesOf(CODIGO_OTI).flatMap((codigo) => {
    const values = items.flatMap((i) => (i.otis ?? []).filter((o) => o.codigo === codigo).map((o) => money(o.valor)));
    return values.length === 0 ? [] : [{ codigo, valor: round2(sum(values)) }];
  });
}

export function computeTotals(doc: FiscalDocument): DocumentTotals {
  const exact = doc.items.map(exactItem);
  const totalPrecioNeto = round2(sum(exact.map((e) => e.precioItem)));
  const totalITBMS = round2(sum(exact.map((e) => e.valorITBMS)));
  const totalISC = round2(sum(exact.map((e) => e.valorISC ?? ZERO)));
  const totalesOti = otiTotals(doc.items);
  const totalMontoGravado = totalITBMS.plus(totalISC).plus(sum(totalesOti.map((o) => o.valor)));
  const totalTodosItems = round2(sum(exact.map((e) => e.valorTotal)));
  const totalDescuento = sum((doc.descuentosGlobales ?? []).map((d) => money(d.montoDescuento)));
  const acarreo = money(doc.totalAcarreoCobrado ?? 0);
  const seguro = money(doc.valorSeguroCobrado ?? 0);
  const totalFactura = totalTodosItems.plus(acarreo).plus(seguro).minus(totalDescuento);
  const totalValorRecibido = sum(doc.pagos.map((p) => money(p.valorCuotaPagada)));
  const vuelto = totalValorRecibido.gt(totalFactura) ? totalValorRecibido.minus(totalFactura) : ZERO;
  return {
    items: doc.items.map(computeItemAmounts),
    totalPrecioNeto: toAmount2(totalPrecioNeto),
    totalITBMS: toAmount2(totalITBMS),
    totalISC: toAmount2(totalISC),
    totalMontoGravado: toAmount2(totalMontoGravado),
    totalDescuento: toAmount2(totalDescuento),
    totalAcarreoCobrado: toAmount2(acarreo),
    valorSeguroCobrado: toAmount2(seguro),
    totalFactura: toAmount2(totalFactura),
    totalValorRecibido: toAmount2(totalValorRecibido),
    vuelto: toAmount2(vuelto),
    nroItems: doc.items.length,
    totalTodosItems: toAmount2(totalTodosItems),
    totalesOti: totalesOti.map((o) => ({ codigo: o.codigo, valor: toAmount2(o.valor) })),
    porTasa: byRate(doc.items, exact),
  };
}

function byRate(items: readonly Item[], exact: readonly ExactItem[]): DocumentTotals['porTasa'] {
  return codesOf(TASA_ITBMS).flatMap((tasaItbms) => {
    const rows = exact.filter((_, i) => items[i]?.tasaItbms === tasaItbms);
    if (rows.length === 0) return [];
    return [{
      tasaItbms,
      base: toAmount2(sum(rows.map((r) => r.precioItem))),
      itbms: toAmount2(sum(rows.map((r) => r.valorITBMS))),
    }];
  });
}
