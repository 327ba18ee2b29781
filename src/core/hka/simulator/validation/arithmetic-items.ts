// Item arithmetic of REFERENCE.md §2.13, each value checked against the item's own declared inputs (so one wrong
// value is reported once, where it is wrong, instead of cascading through everything computed from it):
//   precioItem = cantidad × (precioUnitario − precioUnitarioDescuento)
//   valorITBMS = rate(tasaITBMS) × precioItem
//   valorISC   = tasaISC × precioItem, when a rate is sent (otherwise it is a fixed amount)
//   valorTotal = precioItem + precioAcarreo + precioSeguro + valorITBMS + valorISC + Σ valorTasa of the item's OTI
import { TASA_ITBMS } from '../../../../shared/fiscal/codes';
import { money, sum, type Money } from '../../../../shared/fiscal/money';
import { textOf, type XNode } from '../../xml/xnode';
import { checkAmount, withinTolerance } from './amount-check';
import { amountOf, amountOrZero, listItems, type Rule } from './documento-view';
import { descuadre, inOccurrence, TOP, type Location } from './messages';

function itbmsRate(item: XNode): Money | undefined {
  const tasa = textOf(item, 'tasaITBMS');
  return tasa !== undefined && tasa in TASA_ITBMS ? money(TASA_ITBMS[tasa as keyof typeof TASA_ITBMS].rate) : undefined;
}

function precioItem(item: XNode): Money | undefined {
  const cantidad = amountOf(item, 'cantidad');
  const precioUnitario = amountOf(item, 'precioUnitario');
  if (cantidad === undefined || precioUnitario === undefined) return undefined;
  return cantidad.times(precioUnitario.minus(amountOrZero(item, 'precioUnitarioDescuento')));
}

/**
 * Whether HKA wants tasaISC as a fraction (0.05) or a percentage (5.00) is unconfirmed (REFERENCE.md §7.11), so a
 * valorISC that matches either reading is accepted; the message shows the fraction reading.
 */
function iscMessages(at: Location, item: XNode, base: Money): string[] {
  const tasa = amountOf(item, 'tasaISC');
  const declared = amountOf(item, 'valorISC');
  if (tasa === undefined || declared === undefined) return [];
  const asFraction = tasa.times(base);
  if (withinTolerance(declared, asFraction) || withinTolerance(declared, tasa.div(100).times(base))) return [];
  return [descuadre(at, 'valorISC', textOf(item, 'valorISC') ?? '', asFraction)];
}

function valorTotal(item: XNode): Money | undefined {
  const parts = [amountOf(item, 'precioItem'), amountOf(item, 'valorITBMS')];
  if (parts.some((p) => p === undefined)) return undefined;
  const otis = listItems(item, 'listaItemOTI').map((oti) => amountOrZero(oti, 'valorTasa'));
  const extras = ['precioAcarreo', 'precioSeguro', 'valorISC'].map((f) => amountOrZero(item, f));
  return sum([...(parts as Money[]), ...extras, ...otis]);
}

function itemMessages(item: XNode, occurrence: number): string[] {
  const at = inOccurrence(TOP, 'Item', occurrence);
  const declaredPrecioItem = amountOf(item, 'precioItem');
  const rate = itbmsRate(item);
  return [
    ...checkAmount(at, item, 'precioItem', precioItem(item)),
    ...checkAmount(at, item, 'valorITBMS', rate && declaredPrecioItem && rate.times(declaredPrecioItem)),
    ...(declaredPrecioItem ? iscMessages(at, item, declaredPrecioItem) : []),
    ...checkAmount(at, item, 'valorTotal', valorTotal(item)),
  ];
}

export const itemArithmetic: Rule = ({ items }) => items.flatMap((item, i) => itemMessages(item, i + 1));
