// Rules about money owed or converted (REFERENCE.md §2.4, §2.12 rule 6): the foreign-currency data of an export and
// the instalment schedule of a sale on term. Used by document-rules.ts.
import type { FiscalDocument } from './document';
import type { RuleIssue } from './rule-issue';
import { money, sum, type Money } from './money';

/** formaPagoFact 01: crédito (§2.11). */
const CREDIT_PAYMENT_FORM = '01';

/** Amounts in a foreign currency are compared within 0.01, the tolerance HKA applies to every amount (§2.13). */
const FOREIGN_AMOUNT_TOLERANCE = money('0.01');

/**
 * §2.4: a currency not in the DGI's list is ZZZ plus its name (5–50 characters), and only then is the name sent; any
 * currency other than USD needs the exchange rate and the amount in that currency, which is tipoDeCambio × totalFactura.
 */
export function exportCurrencyIssues(
  exp: NonNullable<FiscalDocument['datosFacturaExportacion']>,
  totalFactura: Money,
): RuleIssue[] {
  const at = (field: string) => ['datosFacturaExportacion', field];
  const issues: RuleIssue[] = [];
  if (exp.monedaOperExportacion === 'ZZZ' && exp.monedaOperExportacionNonDef === undefined) {
    issues.push({
      path: at('monedaOperExportacionNonDef'),
      rule: 'export_currency_name_required',
      message: 'con la moneda ZZZ (no listada) indique el nombre de la moneda',
    });
  }
  if (exp.monedaOperExportacion !== 'ZZZ' && exp.monedaOperExportacionNonDef !== undefined) {
    issues.push({
      path: at('monedaOperExportacionNonDef'),
      rule: 'export_currency_name_not_allowed',
      message: 'el nombre de la moneda solo se indica con el código ZZZ',
    });
  }
  if (
    exp.monedaOperExportacion !== 'USD' &&
    (exp.tipoDeCambio === undefined || exp.montoMonedaExtranjera === undefined)
  ) {
    issues.push({
      path: at('tipoDeCambio'),
      rule: 'export_rate_required',
      message: 'en otra moneda que USD indique el tipo de cambio y el monto en esa moneda',
    });
  }
  if (exp.montoMonedaExtranjera !== undefined && exp.tipoDeCambio === undefined) {
    issues.push({
      path: at('tipoDeCambio'),
      rule: 'export_rate_required',
      message: 'el monto en moneda extranjera necesita el tipo de cambio con que se calculó',
    });
  }
  if (exp.tipoDeCambio !== undefined && exp.montoMonedaExtranjera !== undefined) {
    const expected = totalFactura.times(exp.tipoDeCambio).toDecimalPlaces(4);
    if (money(exp.montoMonedaExtranjera).minus(expected).abs().gt(FOREIGN_AMOUNT_TOLERANCE)) {
      issues.push({
        path: at('montoMonedaExtranjera'),
        rule: 'export_amount_mismatch',
        message: `el monto en moneda extranjera debe ser el tipo de cambio por el total (${expected.toFixed()})`,
      });
    }
  }
  return issues;
}

/** The amount the customer owes later: the whole total on term (2), the credit payments of a mixed sale (3). */
export function creditedAmount(doc: FiscalDocument, totalFactura: Money): Money {
  if (doc.tiempoPago === '2') return totalFactura;
  return sum(doc.pagos.filter((p) => p.formaPagoFact === CREDIT_PAYMENT_FORM).map((p) => money(p.valorCuotaPagada)));
}

/** §2.12 rule 6: the instalments add up to the credited amount and none falls due before the invoice's date. */
export function installmentIssues(doc: FiscalDocument, totalFactura: Money): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const plazos = doc.pagosPlazo ?? [];
  const credited = creditedAmount(doc, totalFactura);
  const scheduled = sum(plazos.map((p) => money(p.valorCuota)));
  if (!scheduled.eq(credited)) {
    issues.push({
      path: ['pagosPlazo'],
      rule: 'installments_total',
      message: `las cuotas (${scheduled.toFixed(2)}) deben sumar el monto a crédito (${credited.toFixed(2)})`,
    });
  }
  const issueDay = doc.fechaEmision.slice(0, 10);
  plazos.forEach((p, i) => {
    if (p.fechaVenceCuota.slice(0, 10) < issueDay) {
      issues.push({
        path: ['pagosPlazo', i, 'fechaVenceCuota'],
        rule: 'installment_before_issue',
        message: 'la cuota no puede vencer antes de la fecha de emisión del documento',
      });
    }
  });
  return issues;
}
