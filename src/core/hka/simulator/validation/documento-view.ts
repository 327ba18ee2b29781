// Shortcuts into the view of a `documento` (what HKA read, see read-table.ts) for the rule functions, and exact
// decimal reading of amounts. Amounts that do not parse are left out of the arithmetic: their format error is
// already reported, and a second message computed from garbage would only confuse.
import { child, textOf, type XNode } from '../../xml/xnode';
import { money, type Money } from '../../../../shared/fiscal/money';

export interface DocumentoView {
  documento: XNode;
  transaccion: XNode | undefined;
  cliente: XNode | undefined;
  items: XNode[];
  totales: XNode | undefined;
}

/** What a rule needs besides the document. */
export interface RuleContext {
  now: Date;
}

export type Rule = (doc: DocumentoView, ctx: RuleContext) => string[];

export function documentoView(documento: XNode): DocumentoView {
  const transaccion = child(documento, 'datosTransaccion');
  return {
    documento,
    transaccion,
    cliente: child(transaccion, 'cliente'),
    items: listItems(documento, 'listaItems'),
    totales: child(documento, 'totalesSubTotales'),
  };
}

/** The occurrences of a list (the view keeps only the list's items, under their canonical name). */
export function listItems(parent: XNode | undefined, listName: string): XNode[] {
  return child(parent, listName)?.children ?? [];
}

const DECIMAL = /^\d+(\.\d+)?$/;

/** An amount as an exact decimal, or undefined when absent or not a plain decimal number. */
export function amountOf(node: XNode | undefined, name: string): Money | undefined {
  const text = textOf(node, name);
  return text !== undefined && DECIMAL.test(text) ? money(text) : undefined;
}

/** An optional amount that counts as 0 when absent (freight, insurance, ISC, discounts…). */
export function amountOrZero(node: XNode | undefined, name: string): Money {
  return amountOf(node, name) ?? money(0);
}
