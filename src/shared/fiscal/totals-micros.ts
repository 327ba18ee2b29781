// The totals of REFERENCE.md §2.13 (rounding policy of decision 0008) in exact fixed-point micros (money-micros.ts),
// the fast path of decision 0039. Why the results equal totals-decimal.ts's: every input here has at most 11
// integer and 6 decimal digits, so no product or sum has more than ~40 significant digits and decimal.js at
// precision 60 computes them exactly too; the only roundings are the explicit half-up ones, reproduced bit for bit.
// Returns undefined when any amount is outside that canonical form, and the caller falls back to decimal.js.
import { CODIGO_OTI, TASA_ITBMS, codesOf } from './codes';
import type { FiscalDocument } from './document';
import type { Item } from './item';
import { microsToAmount2, optionalMicros, parseMicros, roundToCents, roundedProduct, sumMicros } from './money-micros';
import type { DocumentTotals, ItemAmounts } from './totals';

interface LineMicros {
  precioItem: bigint;
  valorITBMS: bigint;
  valorISC: bigint | undefined;
  otis: bigint;
  cargos: bigint;
  valorTotal: bigint;
  descuento: bigint;
}

const OTI_CODES = codesOf(CODIGO_OTI);
const RATE_CODES = codesOf(TASA_ITBMS);
const RATE_MICROS = new Map<string, bigint | undefined>(
  RATE_CODES.map((code) => [code, parseMicros(TASA_ITBMS[code].rate)]),
);

function iscMicros(isc: NonNullable<Item['isc']>, precioItem: bigint): bigint | undefined {
  if (isc.monto !== undefined) {
    const monto = parseMicros(isc.monto);
    return monto === undefined ? undefined : roundToCents(monto);
  }
  const tasa = optionalMicros(isc.tasa);
  return tasa === undefined ? undefined : roundedProduct(precioItem, tasa);
}

function otiMicros(item: Item): bigint[] | undefined {
  const values: bigint[] = [];
  for (const oti of item.otis ?? []) {
    const valor = parseMicros(oti.valor);
    if (valor === undefined) return undefined;
    values.push(roundToCents(valor));
  }
  return values;
}

function lineMicros(item: Item): LineMicros | undefined {
  const cantidad = parseMicros(item.cantidad);
  const precio = parseMicros(item.precioUnitario);
  const unitDiscount = optionalMicros(item.precioUnitarioDescuento);
  const rate = RATE_MICROS.get(item.tasaItbms);
  const acarreo = optionalMicros(item.precioAcarreo);
  const seguro = optionalMicros(item.precioSeguro);
  const otis = otiMicros(item);
  if (cantidad === undefined || precio === undefined || unitDiscount === undefined || rate === undefined)
    return undefined;
  if (acarreo === undefined || seguro === undefined || otis === undefined) return undefined;
  const precioItem = roundedProduct(cantidad, precio - unitDiscount);
  const valorITBMS = roundedProduct(precioItem, rate);
  const valorISC = item.isc ? iscMicros(item.isc, precioItem) : undefined;
  if (item.isc && valorISC === undefined) return undefined;
  const otisTotal = sumMicros(otis);
  const cargos = roundToCents(acarreo) + roundToCents(seguro);
  return {
    precioItem,
    valorITBMS,
    valorISC,
    otis: otisTotal,
    cargos,
    valorTotal: precioItem + valorITBMS + (valorISC ?? 0n) + otisTotal + cargos,
    descuento: roundedProduct(cantidad, unitDiscount),
  };
}

function amountsOf(line: LineMicros): ItemAmounts {
  return {
    precioItem: microsToAmount2(line.precioItem),
    valorITBMS: microsToAmount2(line.valorITBMS),
    ...(line.valorISC !== undefined ? { valorISC: microsToAmount2(line.valorISC) } : {}),
    valorTotal: microsToAmount2(line.valorTotal),
    descuento: microsToAmount2(line.descuento),
    otis: microsToAmount2(line.otis),
    cargos: microsToAmount2(line.cargos),
  };
}

export function microsItemAmounts(item: Item): ItemAmounts | undefined {
  const line = lineMicros(item);
  return line === undefined ? undefined : amountsOf(line);
}

/** Σ per OTI code of each item's OTI rounded to 2 decimals, in code order (lineMicros checked them canonical). */
function otiTotals(
  items: readonly Item[],
): { codigo: DocumentTotals['totalesOti'][number]['codigo']; valor: bigint }[] {
  return OTI_CODES.flatMap((codigo) => {
    const values = items.flatMap((i) =>
      (i.otis ?? []).filter((o) => o.codigo === codigo).map((o) => roundToCents(parseMicros(o.valor) ?? 0n)),
    );
    return values.length === 0 ? [] : [{ codigo, valor: sumMicros(values) }];
  });
}

function byRate(items: readonly Item[], lines: readonly LineMicros[]): DocumentTotals['porTasa'] {
  return RATE_CODES.flatMap((tasaItbms) => {
    const rows = lines.filter((_, i) => items[i]?.tasaItbms === tasaItbms);
    if (rows.length === 0) return [];
    const base = microsToAmount2(sumMicros(rows.map((r) => r.precioItem)));
    return [{ tasaItbms, base, itbms: microsToAmount2(sumMicros(rows.map((r) => r.valorITBMS))) }];
  });
}

/** Micros of every entry, or undefined when one is not canonical. */
function allMicros<T>(entries: readonly T[], amountOf: (entry: T) => unknown): bigint[] | undefined {
  const values: bigint[] = [];
  for (const entry of entries) {
    const value = parseMicros(amountOf(entry));
    if (value === undefined) return undefined;
    values.push(value);
  }
  return values;
}

export function microsTotals(doc: FiscalDocument): DocumentTotals | undefined {
  const lines: LineMicros[] = [];
  for (const item of doc.items) {
    const line = lineMicros(item);
    if (line === undefined) return undefined;
    lines.push(line);
  }
  const descuentos = allMicros(doc.descuentosGlobales ?? [], (d) => d.montoDescuento);
  const pagos = allMicros(doc.pagos, (p) => p.valorCuotaPagada);
  const acarreo = optionalMicros(doc.totalAcarreoCobrado);
  const seguro = optionalMicros(doc.valorSeguroCobrado);
  if (descuentos === undefined || pagos === undefined || acarreo === undefined || seguro === undefined)
    return undefined;
  const totalITBMS = sumMicros(lines.map((l) => l.valorITBMS));
  const totalISC = sumMicros(lines.map((l) => l.valorISC ?? 0n));
  const totalesOti = otiTotals(doc.items);
  const totalTodosItems = sumMicros(lines.map((l) => l.valorTotal));
  const totalDescuento = sumMicros(descuentos);
  const totalFactura = totalTodosItems + acarreo + seguro - totalDescuento;
  const totalValorRecibido = sumMicros(pagos);
  return {
    items: lines.map(amountsOf),
    totalPrecioNeto: microsToAmount2(sumMicros(lines.map((l) => l.precioItem))),
    totalITBMS: microsToAmount2(totalITBMS),
    totalISC: microsToAmount2(totalISC),
    totalMontoGravado: microsToAmount2(totalITBMS + totalISC + sumMicros(totalesOti.map((o) => o.valor))),
    totalDescuento: microsToAmount2(totalDescuento),
    totalAcarreoCobrado: microsToAmount2(acarreo),
    valorSeguroCobrado: microsToAmount2(seguro),
    totalFactura: microsToAmount2(totalFactura),
    totalValorRecibido: microsToAmount2(totalValorRecibido),
    vuelto: microsToAmount2(totalValorRecibido > totalFactura ? totalValorRecibido - totalFactura : 0n),
    nroItems: doc.items.length,
    totalTodosItems: microsToAmount2(totalTodosItems),
    totalesOti: totalesOti.map((o) => ({ codigo: o.codigo, valor: microsToAmount2(o.valor) })),
    porTasa: byRate(doc.items, lines),
  };
}
