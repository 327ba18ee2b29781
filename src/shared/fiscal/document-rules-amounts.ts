// The DGI's digit limits on the amounts the register computes (REFERENCE §4.6, §4.7). Used by document-rules.ts.
import type { RuleIssue } from './rule-issue';
import { MAX_LINE_INTEGER_DIGITS, MAX_TOTAL_INTEGER_DIGITS, integerDigitsOfAmount } from './money';
import type { DocumentTotals } from './totals';

const LINE_AMOUNT_NAMES = {
  precioItem: 'el precio del ítem',
  valorITBMS: 'el ITBMS del ítem',
  valorISC: 'el ISC del ítem',
  valorTotal: 'el valor total del ítem',
} as const;
const TOTAL_NAMES = {
  totalTodosItems: 'el total de los ítems',
  totalFactura: 'el total del documento',
  totalValorRecibido: 'el total recibido',
} as const;

/**
 * The DGI's digit limits on what the register computes (REFERENCE §4.6, §4.7): 9 integer digits on a line amount
 * (montoTipo06), 11 on a total (montoTipo01). HKA's service refuses longer values; the till refuses them first.
 */
export function amountLimitIssues(totals: DocumentTotals): RuleIssue[] {
  const issues: RuleIssue[] = [];
  totals.items.forEach((amounts, i) => {
    for (const [field, noun] of Object.entries(LINE_AMOUNT_NAMES)) {
      const value = amounts[field as keyof typeof LINE_AMOUNT_NAMES];
      if (value !== undefined && integerDigitsOfAmount(value) > MAX_LINE_INTEGER_DIGITS) {
        issues.push({
          path: ['items', i],
          rule: 'line_amount_too_large',
          message: `${noun} (${value}) supera el máximo de la DGI (999999999.99); divida la línea`,
        });
      }
    }
  });
  for (const [field, noun] of Object.entries(TOTAL_NAMES)) {
    const value = totals[field as keyof typeof TOTAL_NAMES];
    if (integerDigitsOfAmount(value) > MAX_TOTAL_INTEGER_DIGITS) {
      issues.push({
        path: [],
        rule: 'total_too_large',
        message: `${noun} (${value}) supera el máximo de la DGI (99999999999.99)`,
      });
    }
  }
  return issues;
}
