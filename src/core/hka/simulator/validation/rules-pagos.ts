// Payment rules (REFERENCE.md §2.9, §2.12 rules 6–7) and the withholding amount (§2.13).
import { CODIGO_RETENCION } from '../../../../shared/fiscal/codes';
import { money, sum } from '../../../../shared/fiscal/money';
import { child, textOf } from '../../xml/xnode';
import { checkAmount, withinTolerance } from './amount-check';
import { amountOf, amountOrZero, listItems, type Rule } from './documento-view';
import { inOccurrence, invalido, requerido, TOP } from './messages';

/**
 * Rule 6: tiempoPago 2 (plazo) or 3 (mixto) → listaPagoPlazo.
 *
 * Enforced, although two of HKA's published samples (factura-cliente-extranjero.xml, nota-debito-generica.xml) send
 * tiempoPago 3 with a single cash payment and no instalments. Reasons: (1) the rule is stated by HKA's wiki and the
 * DGI (iPzPag 2/3 describe a payment over time, whose schedule is gPagPlazo), and those two samples are copy-paste
 * examples about other subjects (foreign customer, generic debit note) whose tiempoPago contradicts their own single
 * cash payment; (2) the simulator exists to catch client mistakes before production: being stricter than HKA costs a
 * developer one fix, being looser can cost a rejected sale at the till; (3) our client enforces the same rule
 * (map-documento.golden.test.ts lists both samples as breaking it), so client and simulator agree. The samples test
 * lists these two documents as rejected for exactly this reason.
 */
export const termNeedsInstallments: Rule = ({ totales }) => {
  const tiempoPago = textOf(totales, 'tiempoPago');
  return (tiempoPago === '2' || tiempoPago === '3') && listItems(totales, 'listaPagoPlazo').length === 0
    ? [requerido(TOP, 'listaPagoPlazo')]
    : [];
};

/**
 * Rule 6, continued: the instalments add up (within 0.01) to what is owed later — the whole totalFactura on term (2),
 * the credit payments (formaPagoFact 01) of a mixed sale (3) — and none falls due before the document's date.
 */
export const installmentsCoverCredit: Rule = ({ transaccion, totales }) => {
  const tiempoPago = textOf(totales, 'tiempoPago');
  const cuotas = listItems(totales, 'listaPagoPlazo');
  if ((tiempoPago !== '2' && tiempoPago !== '3') || cuotas.length === 0) return [];
  const messages: string[] = [];
  const credit =
    tiempoPago === '2'
      ? amountOf(totales, 'totalFactura')
      : sum(
          listItems(totales, 'listaFormaPago')
            .filter((p) => textOf(p, 'formaPagoFact') === '01')
            .map((p) => amountOrZero(p, 'valorCuotaPagada')),
        );
  const scheduled = sum(cuotas.map((c) => amountOrZero(c, 'valorCuota')));
  if (credit !== undefined && !withinTolerance(scheduled, credit)) {
    messages.push(
      invalido(
        TOP,
        'listaPagoPlazo',
        `las cuotas suman ${scheduled.toFixed(2)}, el monto a crédito es ${credit.toFixed(2)}`,
      ),
    );
  }
  const emision = textOf(transaccion, 'fechaEmision')?.slice(0, 10);
  cuotas.forEach((cuota, i) => {
    const vence = textOf(cuota, 'fechaVenceCuota');
    if (emision !== undefined && vence !== undefined && vence.slice(0, 10) < emision) {
      messages.push(invalido(inOccurrence(TOP, 'PagoPlazo', i + 1), 'fechaVenceCuota', 'anterior a fechaEmision'));
    }
  });
  return messages;
};

/** Rule 7: payment form 99 ("otro") says what it is (10–100 characters, checked by the table). */
export const otherPaymentDescribed: Rule = ({ totales }) =>
  listItems(totales, 'listaFormaPago').flatMap((pago, i) =>
    textOf(pago, 'formaPagoFact') === '99' && textOf(pago, 'descFormaPago') === undefined
      ? [requerido(inOccurrence(TOP, 'FormaPago', i + 1), 'descFormaPago')]
      : [],
  );

/**
 * montoRetencion = share of the code × totalITBMS (codes 1, 3: 100 %; 2, 4, 7: 50 %). Code 8 ("other, reduced") has
 * no fixed share, so any amount is accepted. The wiki's "tasaITBMS × totalITBMS" is a misprint (§2.13).
 */
export const withholdingAmount: Rule = ({ totales }) => {
  const retencion = child(totales, 'retencion');
  const codigo = textOf(retencion, 'codigoRetencion');
  const totalItbms = amountOf(totales, 'totalITBMS');
  if (codigo === undefined || !(codigo in CODIGO_RETENCION) || totalItbms === undefined) return [];
  const share = CODIGO_RETENCION[codigo as keyof typeof CODIGO_RETENCION].share;
  return share === null ? [] : checkAmount(TOP, retencion, 'montoRetencion', money(share).times(totalItbms));
};
