// Cross-field rules of REFERENCE.md §2.3, §2.12 and §2.13 that need the whole document (and its totals).
// Each rule returns every problem it finds; none of them throws.
import { CASH_PAYMENT_FORMS, CODIGO_RETENCION, CONTINGENCY_EMISSION_TYPES, REFERENCING_DOCUMENT_TYPES } from './codes';
import { parseCufe } from './cufe';
import type { FiscalDocument } from './document';
import { money, round2, sum } from './money';
import { REASON_MAX, REASON_MIN } from './reason-bounds';
import type { DocumentTotals } from './totals';
import { exportCurrencyIssues, installmentIssues } from './document-rules-terms';
import { amountLimitIssues } from './document-rules-amounts';
import type { RuleIssue } from './rule-issue';

type Rule = (doc: FiscalDocument, totals: DocumentTotals) => RuleIssue[];

const HOUR_MS = 3_600_000;
/** A credit note may be issued up to 180 days after the original FE (REFERENCE.md §2.12 rule 2). */
export const CREDIT_NOTE_WINDOW_DAYS = 180;

const contingencyRule: Rule = (doc) => {
  const inContingency = CONTINGENCY_EMISSION_TYPES.includes(doc.tipoEmision);
  if (inContingency && !doc.contingencia) {
    return [
      {
        path: ['contingencia'],
        rule: 'contingency_required',
        message: `la emisión en contingencia necesita fecha de inicio y motivo (${REASON_MIN} a ${REASON_MAX} caracteres)`,
      },
    ];
  }
  if (!inContingency && doc.contingencia) {
    return [
      {
        path: ['contingencia'],
        rule: 'contingency_not_allowed',
        message: 'los datos de contingencia solo se informan con tipo de emisión 02 o 04',
      },
    ];
  }
  if (doc.contingencia && Date.parse(doc.contingencia.fechaInicio) > Date.parse(doc.fechaEmision)) {
    return [
      {
        path: ['contingencia', 'fechaInicio'],
        rule: 'contingency_starts_after_issue',
        message: 'la contingencia no puede empezar después de la fecha de emisión',
      },
    ];
  }
  return [];
};

const referenceRule: Rule = (doc) => {
  const issues: RuleIssue[] = [];
  const refs = doc.referencias ?? [];
  const needsCufe = REFERENCING_DOCUMENT_TYPES.includes(doc.tipoDocumento);
  if (needsCufe && refs.length === 0) {
    issues.push({
      path: ['referencias'],
      rule: 'reference_required',
      message: 'una nota referente a una FE debe indicar el CUFE de la factura original',
    });
  }
  refs.forEach((ref, i) => {
    if (needsCufe && ref.cufe === undefined) {
      issues.push({
        path: ['referencias', i, 'cufe'],
        rule: 'reference_cufe_required',
        message: 'una nota referente a una FE debe referenciar la factura por su CUFE',
      });
    }
    if (ref.cufe !== undefined) {
      const parsed = parseCufe(ref.cufe);
      if (!parsed.ok) issues.push({ path: ['referencias', i, 'cufe'], rule: 'cufe_invalid', message: parsed.reason });
      else if (!needsCufe) {
        issues.push({
          path: ['referencias', i, 'cufe'],
          rule: 'cufe_on_generic_note',
          message: 'una nota genérica no referencia un CUFE; use una nota referente a una FE',
        });
      }
    }
    const days = (Date.parse(doc.fechaEmision) - Date.parse(ref.fechaEmision)) / (24 * HOUR_MS);
    if (days < 0) {
      issues.push({
        path: ['referencias', i, 'fechaEmision'],
        rule: 'reference_in_future',
        message: 'el documento referenciado no puede ser posterior a este documento',
      });
    } else if (doc.tipoDocumento === '04' && days > CREDIT_NOTE_WINDOW_DAYS) {
      issues.push({
        path: ['referencias', i, 'fechaEmision'],
        rule: 'credit_note_too_late',
        message: `la nota de crédito debe emitirse dentro de ${CREDIT_NOTE_WINDOW_DAYS} días desde la factura original`,
      });
    }
  });
  if (['04', '05', '06', '07'].includes(doc.tipoDocumento) && doc.tipoVenta !== undefined) {
    issues.push({
      path: ['tipoVenta'],
      rule: 'tipo_venta_on_note',
      message: 'el tipo de venta no se informa en notas de crédito o débito',
    });
  }
  return issues;
};

const destinationRule: Rule = (doc, totals) => {
  const issues: RuleIssue[] = [];
  if (doc.destinoOperacion === '1' && doc.cliente.pais !== 'PA') {
    issues.push({
      path: ['cliente', 'pais'],
      rule: 'domestic_needs_pa',
      message: 'en una operación con destino Panamá el país del cliente debe ser PA',
    });
  }
  if (doc.destinoOperacion === '2') {
    if (doc.cliente.pais === 'PA') {
      issues.push({
        path: ['cliente', 'pais'],
        rule: 'export_not_pa',
        message: 'en una operación con destino al extranjero el país del cliente no puede ser PA',
      });
    }
    const exp = doc.datosFacturaExportacion;
    if (!exp) {
      issues.push({
        path: ['datosFacturaExportacion'],
        rule: 'export_data_required',
        message: 'una operación con destino al extranjero necesita los datos de exportación',
      });
    } else {
      issues.push(...exportCurrencyIssues(exp, money(totals.totalFactura)));
    }
  }
  const c = doc.cliente;
  if (c.tipoClienteFE === '04' && c.paisExtranjero !== undefined && c.tipoIdentificacion !== '01') {
    issues.push({
      path: ['cliente', 'paisExtranjero'],
      rule: 'foreign_country_only_passport',
      message: 'el país de la identificación solo se informa con pasaporte',
    });
  }
  return issues;
};

const itemRules: Rule = (doc) => {
  const issues: RuleIssue[] = [];
  const invoiceLevelFreight = doc.totalAcarreoCobrado !== undefined || doc.valorSeguroCobrado !== undefined;
  doc.items.forEach((item, i) => {
    if (doc.cliente.tipoClienteFE === '03') {
      if (item.codigoCPBSAbrev === undefined)
        issues.push({
          path: ['items', i, 'codigoCPBSAbrev'],
          rule: 'cpbs_required',
          message: 'las ventas al Estado necesitan el código CPBS abreviado',
        });
      if (item.codigoCPBS === undefined)
        issues.push({
          path: ['items', i, 'codigoCPBS'],
          rule: 'cpbs_required',
          message: 'las ventas al Estado necesitan el código CPBS',
        });
      // §2.7 #9: the unit in the CPBS is required on a sale to the State.
      if (item.unidadMedidaCPBS === undefined)
        issues.push({
          path: ['items', i, 'unidadMedidaCPBS'],
          rule: 'cpbs_unit_required',
          message: 'las ventas al Estado necesitan la unidad de medida CPBS',
        });
    }
    // The abbreviated code is the segment + family of the full code: its first two digits (cpbs.ts).
    if (
      item.codigoCPBSAbrev !== undefined &&
      item.codigoCPBS !== undefined &&
      !item.codigoCPBS.startsWith(item.codigoCPBSAbrev)
    ) {
      issues.push({
        path: ['items', i, 'codigoCPBSAbrev'],
        rule: 'cpbs_family_mismatch',
        message: `el código CPBS abreviado debe ser la familia del código CPBS (${item.codigoCPBS.slice(0, 2)})`,
      });
    }
    if (invoiceLevelFreight && (item.precioAcarreo !== undefined || item.precioSeguro !== undefined)) {
      issues.push({
        path: ['items', i],
        rule: 'freight_twice',
        message: 'el acarreo o seguro por ítem no se combina con el acarreo o seguro de la factura',
      });
    }
  });
  return issues;
};

const paymentRules: Rule = (doc, totals) => {
  const issues: RuleIssue[] = [];
  const total = money(totals.totalFactura);
  if (total.lt(0)) {
    issues.push({
      path: ['descuentosGlobales'],
      rule: 'discount_exceeds_total',
      message: 'los descuentos no pueden superar el total del documento',
    });
    return issues;
  }
  const received = money(totals.totalValorRecibido);
  if (received.lt(total)) {
    issues.push({
      path: ['pagos'],
      rule: 'payments_short',
      message: `los pagos (${totals.totalValorRecibido}) no cubren el total (${totals.totalFactura})`,
    });
  }
  const cash = sum(
    doc.pagos.filter((p) => CASH_PAYMENT_FORMS.includes(p.formaPagoFact)).map((p) => money(p.valorCuotaPagada)),
  );
  if (money(totals.vuelto).gt(cash)) {
    issues.push({
      path: ['pagos'],
      rule: 'change_without_cash',
      message: 'solo se da vuelto sobre pagos en efectivo; los demás pagos no pueden exceder el total',
    });
  }
  const onTerm = doc.tiempoPago === '2' || doc.tiempoPago === '3';
  if (onTerm && (doc.pagosPlazo ?? []).length === 0) {
    issues.push({
      path: ['pagosPlazo'],
      rule: 'term_needs_installments',
      message: 'un pago a plazo o mixto necesita las cuotas con su fecha de vencimiento',
    });
  }
  if (!onTerm && doc.pagosPlazo !== undefined) {
    issues.push({
      path: ['pagosPlazo'],
      rule: 'installments_on_immediate',
      message: 'las cuotas solo se informan con tiempo de pago a plazo o mixto',
    });
  }
  if (onTerm && (doc.pagosPlazo ?? []).length > 0) issues.push(...installmentIssues(doc, total));
  return issues;
};

const withholdingRule: Rule = (doc, totals) => {
  if (!doc.retencion) return [];
  const { share } = CODIGO_RETENCION[doc.retencion.codigoRetencion];
  const declared = money(doc.retencion.montoRetencion);
  const itbms = money(totals.totalITBMS);
  if (share !== null && !declared.eq(round2(itbms.times(share)))) {
    return [
      {
        path: ['retencion', 'montoRetencion'],
        rule: 'withholding_amount',
        message: `el monto de la retención debe ser ${round2(itbms.times(share)).toFixed(2)}`,
      },
    ];
  }
  if (declared.gt(itbms)) {
    return [
      {
        path: ['retencion', 'montoRetencion'],
        rule: 'withholding_amount',
        message: 'la retención no puede superar el ITBMS del documento',
      },
    ];
  }
  return [];
};

export const DOCUMENT_RULES: readonly Rule[] = [
  contingencyRule,
  referenceRule,
  destinationRule,
  itemRules,
  paymentRules,
  withholdingRule,
  (_doc, totals) => amountLimitIssues(totals),
];
