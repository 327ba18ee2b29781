// What the cashier types for a discount on the whole sale: "5" / "5.00" (balboas) or "10%" (of the items' total);
// empty removes it. The arithmetic lives in shared/till/ticket-discount.ts, with the core.
import { DECIMAL_2_PATTERN, money } from '../../../shared/fiscal/money';
import type { TicketDiscount } from '../../../shared/till/ticket-discount';
import { parsePercentOrAmount, type InputProblem } from './amount-input';

export type TicketDiscountProblem = InputProblem | 'percentTooHigh' | 'discountNotBelowTotal';

export type ParsedTicketDiscount =
  { ok: true; discount: TicketDiscount | null } | { ok: false; problem: TicketDiscountProblem };

export function parseTicketDiscount(text: string): ParsedTicketDiscount {
  const parsed = parsePercentOrAmount(text);
  if (!parsed.ok) return parsed;
  if (parsed.value === null) return { ok: true, discount: null };
  const { percent, value } = parsed.value;
  if (!money(value).gt(0)) return { ok: false, problem: 'mustBePositive' };
  if (!DECIMAL_2_PATTERN.test(value)) return { ok: false, problem: 'tooManyDecimals' };
  if (percent && !money(value).lt(100)) return { ok: false, problem: 'percentTooHigh' };
  return {
    ok: true,
    discount: percent
      ? { kind: 'percent', value: money(value).toFixed() }
      : { kind: 'amount', value: money(value).toFixed(2) },
  };
}

/** How the discount reads in the field when the dialog opens again ("10%", "5.00"). */
export function ticketDiscountText(discount: TicketDiscount | null): string {
  if (discount === null) return '';
  return discount.kind === 'percent' ? `${discount.value}%` : discount.value;
}
