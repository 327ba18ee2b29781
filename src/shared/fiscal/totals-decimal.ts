// The totals of REFERENCE.md §2.13 computed with decimal.js, exactly as before decision 0039. totals.ts uses this
// only for input outside the canonical decimal strings that totals-micros.ts handles (numbers, exponents, text a
// renderer preview has not checked yet), so such input keeps its old results and its old errors. Also the baseline
// that bench/validate-cpu.ts measures the fixed-point path against.
import { CODIGO_OTI, TASA_ITBMS, codesOf, type CodigoOti } from './codes';
import type { FiscalDocument } from './document';
import type { Item } from './item';
import { ZERO, money, round2, sum, toAmount2, type Money } from './money';
import type { DocumentTotals, ItemAmounts } from './totals';

interface LineItem {
  precioItem: Money;
  valorITBMS: Money;
  valorISC: Money | undefined;
  otis: Money;
  cargos: Money;
  valorTotal: Money;
  descuento: Money;
}

/** Each amount of the line rounded half-up to 2 decimals; valorTotal is the exact sum of those (REFERENCE §2.13). */
function lineItem(item: Item): LineItem {
  const cantidad = money(item.cantidad);
  const unitDiscount = money(item.precioUnitarioDescuento ?? 0);
  const precioItem = round2(cantidad.times(money(item.precioUnitario).minus(unitDiscount)));
  const valorITBMS = round2(precioItem.times(TASA_ITBMS[item.tasaItbms].rate));
  const valorISC = item.isc
    ? round2(item.isc.monto !== undefined ? money(item.isc.monto) : precioItem.times(item.isc.tasa ?? 0))
    : undefined;
  const otis = sum((item.otis ?? []).map((o) => round2(money(o.valor))));
  const cargos = round2(money(item.precioAcarreo ?? 0)).plus(round2(money(item.precioSeguro ?? 0)));
  return {
    precioItem,
    valorITBMS,
    valorISC,
    otis,
    cargos,
    valorTotal: sum([precioItem, valorITBMS, valorISC ?? ZERO, otis, cargos]),
    descuento: round2(cantidad.times(unitDiscount)),
  };
}

export function decimalItemAmounts(item: Item): ItemAmounts {
  const line = lineItem(item);
  return {
    precioItem: toAmount2(line.precioItem),
    valorITBMS: toAmount2(line.valorITBMS),
    ...(line.valorISC !== undefined ? { valorISC: toAmount2(line.valorISC) } : {}),
    valorTotal: toAmount2(line.valorTotal),
    descuento: toAmount2(line.descuento),
    otis: toAmount2(line.otis),
    cargos: toAmount2(line.cargos),
  };
}

function otiTotals(items: readonly Item[]): { codigo: CodigoOti; valor: Money }[] {
  return codesOf(CODIGO_OTI).flatMap((codigo) => {
    const values = items.flatMap((i) =>
      (i.otis ?? []).filter((o) => o.codigo === codigo).map((o) => round2(money(o.valor))),
    );
    return values.length === 0 ? [] : [{ codigo, valor: sum(values) }];
  });
}

export function decimalTotals(doc: FiscalDocument): DocumentTotals {
  const lines = doc.items.map(lineItem);
  const totalPrecioNeto = sum(lines.map((l) => l.precioItem));
  const totalITBMS = sum(lines.map((l) => l.valorITBMS));
  const totalISC = sum(lines.map((l) => l.valorISC ?? ZERO));
  const totalesOti = otiTotals(doc.items);
  const totalMontoGravado = totalITBMS.plus(totalISC).plus(sum(totalesOti.map((o) => o.valor)));
  const totalTodosItems = sum(lines.map((l) => l.valorTotal));
  const totalDescuento = sum((doc.descuentosGlobales ?? []).map((d) => money(d.montoDescuento)));
  const acarreo = money(doc.totalAcarreoCobrado ?? 0);
  const seguro = money(doc.valorSeguroCobrado ?? 0);
  const totalFactura = totalTodosItems.plus(acarreo).plus(seguro).minus(totalDescuento);
  const totalValorRecibido = sum(doc.pagos.map((p) => money(p.valorCuotaPagada)));
  const vuelto = totalValorRecibido.gt(totalFactura) ? totalValorRecibido.minus(totalFactura) : ZERO;
  return {
    items: doc.items.map(decimalItemAmounts),
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
    porTasa: byRate(doc.items, lines),
  };
}

function byRate(items: readonly Item[], lines: readonly LineItem[]): DocumentTotals['porTasa'] {
  return codesOf(TASA_ITBMS).flatMap((tasaItbms) => {
    const rows = lines.filter((_, i) => items[i]?.tasaItbms === tasaItbms);
    if (rows.length === 0) return [];
    return [
      {
        tasaItbms,
        base: toAmount2(sum(rows.map((r) => r.precioItem))),
        itbms: toAmount2(sum(rows.map((r) => r.valorITBMS))),
      },
    ];
  });
}
