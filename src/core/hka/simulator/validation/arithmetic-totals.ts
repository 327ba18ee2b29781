// Document totals of REFERENCE.md §2.13, each within 0.01 of what the declared item values and declared sub-totals
// give (a total is checked against the values it is built from, so one wrong item value is not reported twice):
//   totalPrecioNeto = Σ precioItem        totalITBMS = Σ valorITBMS        totalISC = Σ valorISC
//   totalTodosItems = Σ valorTotal        totalDescuento = Σ montoDescuento
//   totalMontoGravado = totalITBMS + totalISC + Σ valorTotalOTI
//   totalFactura = totalTodosItems + totalAcarreoCobrado + valorSeguroCobrado (+ totalOtrosGastos) − totalDescuento
//   totalValorRecibido = Σ valorCuotaPagada    vuelto = totalValorRecibido − totalFactura    nroItems = count(item)
import { sum, type Money } from '../../../../shared/fiscal/money';
import { textOf, type XNode } from '../../xml/xnode';
import { checkAmount } from './amount-check';
import { amountOf, amountOrZero, listItems, type DocumentoView, type Rule } from './documento-view';
import { invalido, requerido, TOP } from './messages';

/** Σ of a field over nodes, or undefined when one of them lacks a usable value (its own error is reported). */
function total(nodes: readonly XNode[], field: string, optional = false): Money | undefined {
  const values = nodes.map((n) => (optional ? amountOrZero(n, field) : amountOf(n, field)));
  return values.every((v): v is Money => v !== undefined) ? sum(values) : undefined;
}

/** Several amounts added up, or undefined when a required one is unusable. */
function added(...values: (Money | undefined)[]): Money | undefined {
  return values.every((v): v is Money => v !== undefined) ? sum(values) : undefined;
}

function itemSums({ items, totales }: DocumentoView): string[] {
  return [
    ...checkAmount(TOP, totales, 'totalPrecioNeto', total(items, 'precioItem')),
    ...checkAmount(TOP, totales, 'totalITBMS', total(items, 'valorITBMS')),
    ...checkAmount(TOP, totales, 'totalISC', total(items, 'valorISC', true)),
    ...checkAmount(TOP, totales, 'totalTodosItems', total(items, 'valorTotal')),
  ];
}

/** The wiki marks totalISC SI, but HKA's samples omit it without ISC; with ISC on an item it cannot be left out. */
function iscTotalRequired({ items, totales }: DocumentoView): string[] {
  const withIsc = items.some((item) => amountOrZero(item, 'valorISC').gt(0));
  return withIsc && textOf(totales, 'totalISC') === undefined ? [requerido(TOP, 'totalISC')] : [];
}

function discounts({ totales }: DocumentoView): string[] {
  const list = listItems(totales, 'listaDescBonificacion');
  if (list.length > 0 && textOf(totales, 'totalDescuento') === undefined) return [requerido(TOP, 'totalDescuento')];
  return checkAmount(TOP, totales, 'totalDescuento', total(list, 'montoDescuento'));
}

function documentTotals({ totales }: DocumentoView): string[] {
  const otiTotals = total(listItems(totales, 'listaTotalOTI'), 'valorTotalOTI');
  const totalFactura = added(
    amountOf(totales, 'totalTodosItems'),
    amountOrZero(totales, 'totalAcarreoCobrado'),
    amountOrZero(totales, 'valorSeguroCobrado'),
    // Not in §2.13's formula, but the wiki defines it as "other charges included in the total".
    amountOrZero(totales, 'totalOtrosGastos'),
  )?.minus(amountOrZero(totales, 'totalDescuento'));
  return [
    ...checkAmount(
      TOP,
      totales,
      'totalMontoGravado',
      added(amountOf(totales, 'totalITBMS'), amountOrZero(totales, 'totalISC'), otiTotals),
    ),
    ...checkAmount(TOP, totales, 'totalFactura', totalFactura),
  ];
}

function payments({ totales }: DocumentoView): string[] {
  const recibido = amountOf(totales, 'totalValorRecibido');
  const factura = amountOf(totales, 'totalFactura');
  const messages = [
    ...checkAmount(TOP, totales, 'totalValorRecibido', total(listItems(totales, 'listaFormaPago'), 'valorCuotaPagada')),
    ...checkAmount(TOP, totales, 'vuelto', recibido && factura && recibido.minus(factura)),
  ];
  if (recibido && factura && recibido.lt(factura)) {
    messages.push(
      invalido(
        TOP,
        'totalValorRecibido',
        `${textOf(totales, 'totalValorRecibido')} es menor que totalFactura ${textOf(totales, 'totalFactura')}`,
      ),
    );
  }
  return messages;
}

function itemCount({ items, totales }: DocumentoView): string[] {
  const declared = textOf(totales, 'nroItems');
  if (declared === undefined || !/^\d+$/.test(declared) || Number(declared) === items.length) return [];
  return [invalido(TOP, 'nroItems', `declarado ${declared}, calculado ${items.length}`)];
}

export const totalsArithmetic: Rule = (doc) =>
  doc.totales === undefined
    ? []
    : [
        ...itemSums(doc),
        ...iscTotalRequired(doc),
        ...discounts(doc),
        ...documentTotals(doc),
        ...payments(doc),
        ...itemCount(doc),
      ];
