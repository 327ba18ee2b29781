// listaTotalOTI (REFERENCE.md §2.9 #18): one totalOti per OTI code used in the items, whose valorTotalOTI is the Σ of
// that code's valorTasa (within 0.01); no code twice, no code that no item uses.
import { CODIGO_OTI } from '../../../../shared/fiscal/codes';
import { sum, type Money } from '../../../../shared/fiscal/money';
import { textOf } from '../../xml/xnode';
import { checkAmount } from './amount-check';
import { amountOrZero, listItems, type Rule } from './documento-view';
import { inOccurrence, invalido, requerido, TOP } from './messages';

export const otiTotals: Rule = ({ items, totales }) => {
  const perCode = new Map<string, Money[]>();
  for (const oti of items.flatMap((item) => listItems(item, 'listaItemOTI'))) {
    const codigo = textOf(oti, 'tasaOTI');
    // An unknown code is the table's error; it cannot be totalled under any code.
    if (codigo !== undefined && codigo in CODIGO_OTI)
      perCode.set(codigo, [...(perCode.get(codigo) ?? []), amountOrZero(oti, 'valorTasa')]);
  }
  const declared = listItems(totales, 'listaTotalOTI');
  if (perCode.size > 0 && declared.length === 0) return totales ? [requerido(TOP, 'listaTotalOTI')] : [];

  const messages: string[] = [];
  const seen = new Set<string>();
  declared.forEach((totalOti, i) => {
    const at = inOccurrence(TOP, 'TotalOti', i + 1);
    const codigo = textOf(totalOti, 'codigoTotalOTI');
    if (codigo === undefined) return; // reported as required by the table
    if (seen.has(codigo)) {
      messages.push(invalido(at, 'codigoTotalOTI', `el código ${codigo} está repetido`));
      return;
    }
    seen.add(codigo);
    const values = perCode.get(codigo);
    if (!values) {
      messages.push(invalido(at, 'codigoTotalOTI', `ningún ítem tiene el código ${codigo}`));
      return;
    }
    messages.push(...checkAmount(at, totalOti, 'valorTotalOTI', sum(values)));
  });
  for (const codigo of perCode.keys()) {
    if (!seen.has(codigo)) messages.push(invalido(TOP, 'listaTotalOTI', `falta el código ${codigo}`));
  }
  return messages;
};
