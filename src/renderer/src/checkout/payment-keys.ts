// What the payment dialog's keys mean, kept pure so the rule "payment never invents money" is unit-tested: the
// amount field starts with a suggestion (what is still owed), and a suggestion is never a tender by itself. Enter
// takes what the field shows (the cashier looked at it and confirmed); F4 completes with the tenders taken plus
// what the cashier typed, never with an untouched suggestion; "+" (the keypad's plus) takes the exact amount owed.
import type { FormaPago } from '../../../shared/fiscal/codes';
import { parseTender, type InputProblem } from './amount-input';
import { summarisePayment, type Tender } from './tenders';

/** The amount field: its text, and whether the cashier typed it (false while it holds the suggestion). */
export interface AmountField {
  text: string;
  typed: boolean;
}

export type F4Plan =
  | { kind: 'complete'; tenders: Tender[] }
  | { kind: 'refuse'; problem: 'short'; remaining: string }
  | { kind: 'refuse'; problem: 'changeWithoutCash' }
  | { kind: 'badAmount'; problem: InputProblem };

/** F4: the tenders already taken, plus the typed amount when there is one; refused unless they cover the total. */
export function planF4(
  total: string,
  tenders: readonly Tender[],
  field: AmountField,
  forma: FormaPago,
  key: number,
): F4Plan {
  let list = [...tenders];
  if (field.typed && field.text.trim() !== '') {
    const parsed = parseTender(field.text);
    if (!parsed.ok) return { kind: 'badAmount', problem: parsed.problem };
    list = [...list, { key, forma, amount: parsed.value }];
  }
  const check = summarisePayment(total, list);
  if (check.problem === 'short') return { kind: 'refuse', problem: 'short', remaining: check.remaining };
  if (check.problem === 'changeWithoutCash') return { kind: 'refuse', problem: 'changeWithoutCash' };
  return { kind: 'complete', tenders: list };
}

/** The change the customer would get if the typed amount were taken too (shown while typing). */
export function previewChange(total: string, tenders: readonly Tender[], field: AmountField, forma: FormaPago): string {
  const parsed = field.text.trim() === '' ? null : parseTender(field.text);
  const extra = parsed?.ok ? [{ key: -1, forma, amount: parsed.value }] : [];
  return summarisePayment(total, [...tenders, ...extra]).change;
}

/** The keypad's plus (or "+" typed): pay exactly what is still owed in the chosen form. */
export function isExactKey(key: string): boolean {
  return key === '+' || key === 'Add';
}
