// Payment with one or more tenders: what is still owed, the change, and whether the sale may be completed. The
// rules mirror the fiscal core's (document-rules.ts paymentRules): payments must cover the total and only cash
// gives change. Checking here lets the cashier fix it before anything is sent; the core checks again.
import { CASH_PAYMENT_FORMS, type FormaPago } from '../../../shared/fiscal/codes';
import { ZERO, money, sum, toAmount2 } from '../../../shared/fiscal/money';

export interface Tender {
  key: number;
  forma: FormaPago;
  /** What was handed over, 2 decimals. */
  amount: string;
}

/**
 * Payment forms offered at the till, in the order shown. Crédito (01) needs instalments (tiempoPago 2) and
 * "Otro" (99) a written description: both belong to the manager's invoicing, not to the quick checkout.
 */
export const TILL_PAYMENT_FORMS: readonly FormaPago[] = ['02', '03', '04', '08', '09', '06', '07', '05'];

export type PaymentProblem = 'short' | 'changeWithoutCash';

export interface PaymentSummary {
  total: string;
  paid: string;
  /** Still owed; '0.00' once covered. */
  remaining: string;
  change: string;
  problem: PaymentProblem | null;
}

export function summarisePayment(total: string, tenders: readonly Tender[]): PaymentSummary {
  const due = money(total);
  const paid = sum(tenders.map((t) => money(t.amount)));
  const cash = sum(tenders.filter((t) => CASH_PAYMENT_FORMS.includes(t.forma)).map((t) => money(t.amount)));
  const change = paid.gt(due) ? paid.minus(due) : ZERO;
  const problem: PaymentProblem | null = paid.lt(due) ? 'short' : change.gt(cash) ? 'changeWithoutCash' : null;
  return {
    total: toAmount2(due),
    paid: toAmount2(paid),
    remaining: toAmount2(paid.lt(due) ? due.minus(paid) : ZERO),
    change: toAmount2(change),
    problem,
  };
}

/**
 * Quick-cash buttons: the next bills above what is owed (rounded up to B/. 1, 5, 10, 20, 50 and 100), each once. The
 * exact amount has its own key (payment-keys.ts), so a bill equal to what is owed is not repeated here.
 */
export function quickCashAmounts(remaining: string): string[] {
  const due = money(remaining);
  if (!due.gt(0)) return [];
  const rounded = [1, 5, 10, 20, 50, 100].map((n) => due.dividedBy(n).floor().plus(1).times(n));
  return [...new Set(rounded.map((a) => toAmount2(a)))];
}

/** The tenders as HKA `pagos`: one entry per tender, in the order taken. */
export function tendersToPagos(tenders: readonly Tender[]): { formaPagoFact: FormaPago; valorCuotaPagada: string }[] {
  return tenders.map((t) => ({ formaPagoFact: t.forma, valorCuotaPagada: t.amount }));
}
