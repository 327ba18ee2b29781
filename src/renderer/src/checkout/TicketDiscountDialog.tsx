// Shift+F4: a discount on the whole sale, "5.00" or "10%" of the items' total (ITBMS included); empty removes it.
// The figure is checked here (ticket-discount.ts) and cleared with the core by the caller (a gerente's PIN over the
// store's limit); a refusal is shown in the dialog and nothing changes.
import { useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBalboas } from '../../../shared/fiscal/money';
import { ticketDiscountProblem, type TicketDiscount } from '../../../shared/till/ticket-discount';
import { Dialog } from '../ui/Dialog';
import { parseTicketDiscount, ticketDiscountText } from './ticket-discount';

export function TicketDiscountDialog(props: {
  current: TicketDiscount | null;
  itemsTotal: string;
  /** Resolves with the lines of a refusal to show, or null once applied (or cancelled at the PIN prompt: []). */
  onApply: (discount: TicketDiscount | null) => Promise<string[] | null>;
  onClose: () => void;
}): JSX.Element {
  const { t } = useTranslation();
  const [text, setText] = useState(ticketDiscountText(props.current));
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  async function apply(): Promise<void> {
    const parsed = parseTicketDiscount(text);
    if (!parsed.ok) return setErrors([t(`ticketDiscount.problems.${parsed.problem}`)]);
    const problem = parsed.discount ? ticketDiscountProblem(parsed.discount, props.itemsTotal) : null;
    if (problem) return setErrors([t(`ticketDiscount.problems.${problem}`)]);
    setBusy(true);
    const refused = await props.onApply(parsed.discount);
    setBusy(false);
    if (refused) setErrors(refused);
  }

  return (
    <Dialog
      title={t('ticketDiscount.title')}
      onClose={props.onClose}
      testId="ticket-discount-dialog"
      footer={
        <>
          <button type="button" className="button secondary" onClick={props.onClose}>
            {t('common.cancel')} <kbd>Esc</kbd>
          </button>
          <button
            type="button"
            className="button primary"
            data-testid="ticket-discount-apply"
            disabled={busy}
            onClick={() => void apply()}
          >
            {t('ticketDiscount.apply')} <kbd>Enter</kbd>
          </button>
        </>
      }
    >
      <p className="hint">{t('ticketDiscount.itemsTotal', { total: formatBalboas(props.itemsTotal) })}</p>
      <label className="field">
        <span>{t('ticketDiscount.field')}</span>
        <input
          data-testid="ticket-discount-input"
          inputMode="decimal"
          autoFocus
          value={text}
          aria-invalid={errors.length > 0}
          onFocus={(e) => e.currentTarget.select()}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void apply();
            }
          }}
        />
        {errors.length > 0 ? (
          errors.map((line) => (
            <em key={line} className="field-error" role="alert">
              {line}
            </em>
          ))
        ) : (
          <em className="field-hint">{t('ticketDiscount.hint')}</em>
        )}
      </label>
    </Dialog>
  );
}
