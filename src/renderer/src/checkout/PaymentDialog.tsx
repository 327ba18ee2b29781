// Taking payment: one or more tenders (cash with change, cards, transfer…), then complete. Keyboard flow: the amount
// field starts with what is owed, selected; type what the customer hands over and Enter. A tender that covers the
// total completes the sale at once; a smaller one is kept as part of a split payment. ↑↓ change the payment form;
// "+" pays the exact amount owed; F4 completes with what has been entered (never with the untouched suggestion:
// payment-keys.ts); Esc goes back to the sale.
import { useRef, useState, type JSX, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormaPago } from '../../../shared/fiscal/codes';
import { formatBalboas } from '../../../shared/fiscal/money';
import { Dialog } from '../ui/Dialog';
import { parseTender } from './amount-input';
import { isExactKey, planF4, previewChange } from './payment-keys';
import { TILL_PAYMENT_FORMS, quickCashAmounts, summarisePayment, type Tender } from './tenders';

type Message = { kind: 'error' | 'info'; text: string } | null;

export function PaymentDialog(props: {
  total: string;
  busy: boolean;
  /** Spanish lines from main when sales:complete refused the sale. */
  serverError: string[] | null;
  onComplete: (tenders: Tender[]) => void;
  onClose: () => void;
}): JSX.Element {
  const { t } = useTranslation();
  const [tenders, setTenders] = useState<Tender[]>([]);
  const [formIndex, setFormIndex] = useState(0);
  const [amount, setAmount] = useState(props.total);
  /** False while the field holds the suggestion (what is owed): F4 never takes a suggestion as money received. */
  const [typed, setTyped] = useState(false);
  const [message, setMessage] = useState<Message>(null);
  const nextKey = useRef(1);
  const input = useRef<HTMLInputElement>(null);
  const forma: FormaPago = TILL_PAYMENT_FORMS[formIndex] ?? '02';
  const summary = summarisePayment(props.total, tenders);

  function focusAmount(value: string): void {
    setAmount(value);
    setTyped(false);
    window.setTimeout(() => input.current?.select(), 0);
  }

  /** Completes with these tenders, or says why not (nothing is sent). */
  function complete(list: Tender[]): void {
    const check = summarisePayment(props.total, list);
    if (check.problem === 'short') {
      setMessage({
        kind: 'error',
        text: t('payment.short', { remaining: formatBalboas(check.remaining), total: formatBalboas(props.total) }),
      });
      return;
    }
    if (check.problem === 'changeWithoutCash') {
      setMessage({ kind: 'error', text: t('payment.changeWithoutCash') });
      return;
    }
    setMessage(null);
    props.onComplete(list);
  }

  /** The typed amount as a tender of the chosen form, or null (with a message) when it cannot be taken. */
  function typedTender(text: string, form: FormaPago): Tender | null {
    const parsed = parseTender(text);
    if (!parsed.ok) {
      setMessage({ kind: 'error', text: t(`input.${parsed.problem}`) });
      return null;
    }
    return { key: nextKey.current++, forma: form, amount: parsed.value };
  }

  function take(text: string, form: FormaPago): void {
    if (props.busy) return;
    if (text.trim() === '') return complete(tenders);
    const tender = typedTender(text, form);
    if (!tender) return;
    const list = [...tenders, tender];
    const check = summarisePayment(props.total, list);
    if (check.problem === 'changeWithoutCash') {
      setMessage({ kind: 'error', text: t('payment.changeWithoutCash') });
      return;
    }
    setTenders(list);
    if (check.problem === null) return complete(list);
    setMessage({ kind: 'info', text: t('payment.partial', { remaining: formatBalboas(check.remaining) }) });
    focusAmount(check.remaining);
  }

  /** F4 and the button: the tenders taken plus what the cashier typed; refused (nothing sent) when short. */
  function finish(): void {
    const plan = planF4(props.total, tenders, { text: amount, typed }, forma, nextKey.current);
    if (plan.kind === 'badAmount') return setMessage({ kind: 'error', text: t(`input.${plan.problem}`) });
    if (plan.kind === 'refuse') {
      setMessage({
        kind: 'error',
        text:
          plan.problem === 'short'
            ? t('payment.short', { remaining: formatBalboas(plan.remaining), total: formatBalboas(props.total) })
            : t('payment.changeWithoutCash'),
      });
      return;
    }
    nextKey.current += 1;
    setTenders(plan.tenders);
    complete(plan.tenders);
  }

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>): void {
    if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      e.preventDefault();
      const delta = e.key === 'ArrowDown' ? 1 : -1;
      setFormIndex((i) => (i + delta + TILL_PAYMENT_FORMS.length) % TILL_PAYMENT_FORMS.length);
    } else if (isExactKey(e.key)) {
      e.preventDefault();
      take(summary.remaining, forma);
    } else if (e.key === 'F4') {
      e.preventDefault();
      if (props.busy) return;
      finish();
    }
  }

  const errors = message?.kind === 'error' ? [message.text] : (props.serverError ?? []);
  return (
    <Dialog
      title={t('payment.title')}
      onClose={props.onClose}
      wide
      testId="payment-dialog"
      onKeyDown={onKeyDown}
      footer={
        <>
          <button type="button" className="button secondary" onClick={props.onClose}>
            {t('common.cancel')} <kbd>Esc</kbd>
          </button>
          <button
            type="button"
            className="button pay"
            data-testid="complete-sale"
            disabled={props.busy}
            onClick={finish}
          >
            {t('payment.complete')} <kbd>F4</kbd>
          </button>
        </>
      }
    >
      <div className="payment">
        <div className="payment-due">
          <span>{t('payment.total')}</span>
          <strong data-testid="payment-total">{formatBalboas(props.total)}</strong>
        </div>
        <div className="payment-forms" role="radiogroup" aria-label={t('payment.form')}>
          {TILL_PAYMENT_FORMS.map((code, i) => (
            <button
              key={code}
              type="button"
              role="radio"
              aria-checked={i === formIndex}
              className={i === formIndex ? 'chip active' : 'chip'}
              onClick={() => {
                setFormIndex(i);
                input.current?.focus();
              }}
            >
              {t(`paymentForms.${code}`)}
            </button>
          ))}
        </div>
        <label className="field payment-amount">
          <span>{t('payment.amount', { form: t(`paymentForms.${forma}`) })}</span>
          <input
            ref={input}
            autoFocus
            inputMode="decimal"
            data-testid="tender-amount"
            value={amount}
            onFocus={(e) => e.currentTarget.select()}
            onChange={(e) => {
              setAmount(e.target.value);
              setTyped(true);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                take(amount, forma);
              }
            }}
          />
        </label>
        <div className="quick-cash" data-testid="quick-cash">
          <button
            type="button"
            className="button secondary"
            data-testid="pay-exact"
            disabled={summary.problem !== 'short'}
            onClick={() => take(summary.remaining, forma)}
          >
            {t('payment.exact')} <kbd>+</kbd>
          </button>
          {quickCashAmounts(summary.remaining).map((value) => (
            <button
              key={value}
              type="button"
              className="button secondary"
              data-testid="quick-cash-bill"
              onClick={() => take(value, '02')}
            >
              {formatBalboas(value)}
            </button>
          ))}
        </div>
        <p className="hint">{t('payment.hint')}</p>
        {tenders.length > 0 ? (
          <ul className="tenders" data-testid="tenders">
            {tenders.map((tender) => (
              <li key={tender.key}>
                <span>{t(`paymentForms.${tender.forma}`)}</span>
                <span>{formatBalboas(tender.amount)}</span>
                <button
                  type="button"
                  className="icon-button danger"
                  aria-label={t('payment.removeTender')}
                  onClick={() => setTenders(tenders.filter((x) => x.key !== tender.key))}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        <div className="payment-summary">
          <div>
            <span>{t('payment.paid')}</span>
            <strong>{formatBalboas(summary.paid)}</strong>
          </div>
          <div>
            <span>{t('payment.remaining')}</span>
            <strong data-testid="payment-remaining">{formatBalboas(summary.remaining)}</strong>
          </div>
          <div>
            <span>{t('payment.change')}</span>
            <strong data-testid="payment-change">
              {formatBalboas(previewChange(props.total, tenders, { text: amount, typed }, forma))}
            </strong>
          </div>
        </div>
        {message?.kind === 'info' ? (
          <p className="notice info" role="status">
            {message.text}
          </p>
        ) : null}
        {errors.length > 0 ? (
          <div className="notice error" role="alert" data-testid="payment-error">
            {errors.map((line) => (
              <p key={line}>{line}</p>
            ))}
          </div>
        ) : null}
      </div>
    </Dialog>
  );
}
