// Item rules beyond formats and arithmetic (REFERENCE.md §2.7, §2.12 rule 5).
import { textOf } from '../../xml/xnode';
import { amountOf, amountOrZero, type Rule } from './documento-view';
import { inOccurrence, invalido, noDebeSerInformado, requerido, TOP } from './messages';

const at = (occurrence: number) => inOccurrence(TOP, 'Item', occurrence);

/**
 * Sales to the government (tipoClienteFE 03) classify every item by CPBS: abbreviated code, full code and the unit in
 * the CPBS (§2.7 #7–9, "required when 03"). HKA's own government sample (factura-con-retencion.xml) omits the unit;
 * the rule is enforced anyway (issue 12: the DGI field cUnidadCPBS belongs to the classification), and the samples
 * test lists that sample as breaking it.
 */
export const governmentCpbs: Rule = ({ cliente, items }) => {
  if (textOf(cliente, 'tipoClienteFE') !== '03') return [];
  return items.flatMap((item, i) =>
    ['codigoCPBSAbrev', 'codigoCPBS', 'unidadMedidaCPBS']
      .filter((f) => textOf(item, f) === undefined)
      .map((f) => requerido(at(i + 1), f)),
  );
};

/** The abbreviated CPBS code is the segment + family of the full code, i.e. its first two digits (DGI catBienes). */
export const cpbsFamily: Rule = ({ items }) =>
  items.flatMap((item, i) => {
    const abrev = textOf(item, 'codigoCPBSAbrev');
    const full = textOf(item, 'codigoCPBS');
    return abrev !== undefined && full !== undefined && full.slice(0, 2) !== abrev
      ? [invalido(at(i + 1), 'codigoCPBSAbrev', `no es la familia de codigoCPBS ${full}`)]
      : [];
  });

/** §2.7 #12: the unit discount is money off each unit and must stay below the unit price. */
export const unitDiscountBelowPrice: Rule = ({ items }) =>
  items.flatMap((item, i) => {
    const discount = amountOf(item, 'precioUnitarioDescuento');
    const price = amountOf(item, 'precioUnitario');
    return discount && price && discount.gt(0) && discount.gte(price)
      ? [invalido(at(i + 1), 'precioUnitarioDescuento', 'debe ser menor que precioUnitario')]
      : [];
  });

/** §2.7 #23–24: a rate without the amount it produces is incomplete. */
export const iscRateNeedsValue: Rule = ({ items }) =>
  items.flatMap((item, i) =>
    textOf(item, 'tasaISC') !== undefined && textOf(item, 'valorISC') === undefined
      ? [requerido(at(i + 1), 'valorISC')]
      : [],
  );

/**
 * Rule 5: freight and insurance go either on the items or on the invoice, never both. Samples send 0.00 invoice-level
 * placeholders (01-enviar-request.xml), so only non-zero amounts count as "used".
 */
export const freightAndInsuranceOnce: Rule = ({ items, totales }) => {
  const pairs = [
    ['precioAcarreo', 'totalAcarreoCobrado'],
    ['precioSeguro', 'valorSeguroCobrado'],
  ] as const;
  return pairs.flatMap(([perItem, perInvoice]) =>
    items.some((item) => amountOrZero(item, perItem).gt(0)) && amountOrZero(totales, perInvoice).gt(0)
      ? [noDebeSerInformado(TOP, perInvoice)]
      : [],
  );
};
