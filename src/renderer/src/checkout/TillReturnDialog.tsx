// Shift+F9 "Devolución": scan the receipt's QR or CUFE, or type the invoice number (Enter finds it); type the units
// that came back per line (at most what is left to credit: the core's credit ledger, which refuses the rest anyway),
// choose how the money goes back and why; a gerente approves and the credit note (04) goes through the queue.
import { useMemo, useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { fiscalDocumentSchema } from '../../../shared/fiscal/document';
import { formatBalboas, money } from '../../../shared/fiscal/money';
import type { DocumentDetail } from '../../../shared/ipc/schemas';
import { attempt, errorLines, sago } from '../api/sago';
import { useManagerAction } from '../auth/manager-action';
import { fechaLocal } from '../../../shared/receipt/receipt-model';
import { Dialog } from '../ui/Dialog';
import {
  REFUND_TENDERS,
  invoiceDiscount,
  returnChoices,
  returnRequest,
  withQuantity,
  type RefundTender,
} from './till-return';

export function TillReturnDialog(props: {
  onDone: (note: DocumentDetail, invoice: DocumentDetail, tender: RefundTender) => void;
  onClose: () => void;
}): JSX.Element {
  const { t } = useTranslation();
  const runAsManager = useManagerAction();
  const [reference, setReference] = useState('');
  const [invoice, setInvoice] = useState<DocumentDetail | null>(null);
  const document = useMemo(() => {
    const parsed = invoice ? fiscalDocumentSchema.safeParse(invoice.document) : null;
    return parsed?.success ? parsed.data : null;
  }, [invoice]);
  const [choices, setChoices] = useState<ReturnType<typeof returnChoices>>([]);
  const [tender, setTender] = useState<RefundTender>('02');
  const [motivo, setMotivo] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const request = document ? returnRequest(document, choices, motivo) : null;

  async function find(): Promise<void> {
    if (reference.trim() === '') return setErrors([t('tillReturn.problems.emptyReference')]);
    setBusy(true);
    const result = await attempt(() => sago().till.findInvoice({ reference }));
    setBusy(false);
    if (!result.ok) return setErrors(errorLines(result.error));
    const parsed = fiscalDocumentSchema.safeParse(result.value.document);
    setErrors(parsed.success ? [] : [t('receipt.unreadable')]);
    setInvoice(result.value);
    setChoices(parsed.success ? returnChoices(parsed.data, result.value.creditable) : []);
  }

  async function submit(): Promise<void> {
    if (!invoice || !request) return;
    if (!request.ok) return setErrors([problemText(request.problem, request.line)]);
    setBusy(true);
    const result = await runAsManager('documents:creditNote', (approval) =>
      attempt(() =>
        sago().documents.creditNote({
          id: invoice.id,
          lines: request.lines,
          refund: tender,
          motivo: motivo.trim(),
          approval,
        }),
      ),
    );
    setBusy(false);
    if (result === null) return;
    if (result.ok) props.onDone(result.value, invoice, tender);
    else setErrors(errorLines(result.error));
  }

  function problemText(problem: string, line?: number): string {
    return problem === 'reasonShort' || problem === 'reasonLong'
      ? t(`tillReturn.problems.${problem}`)
      : t(`documentActions.credit.${problem as 'nothingSelected' | 'badQuantity' | 'overMax'}`, { line: line ?? 0 });
  }

  const footer = invoice ? (
    <>
      <span className="credit-total" data-testid="return-total">
        {t('tillReturn.total', { total: request?.ok ? formatBalboas(request.total) : '—' })}
      </span>
      <span className="spacer" />
      <button type="button" className="button secondary" onClick={props.onClose}>
        {t('common.cancel')}
      </button>
      <button
        type="button"
        className="button primary"
        data-testid="return-submit"
        disabled={busy}
        onClick={() => void submit()}
      >
        {t('tillReturn.submit')}
      </button>
    </>
  ) : (
    <>
      <button type="button" className="button secondary" onClick={props.onClose}>
        {t('common.cancel')} <kbd>Esc</kbd>
      </button>
      <button
        type="button"
        className="button primary"
        data-testid="return-find"
        disabled={busy}
        onClick={() => void find()}
      >
        {t('tillReturn.find')} <kbd>Enter</kbd>
      </button>
    </>
  );
  return (
    <Dialog title={t('tillReturn.title')} onClose={props.onClose} footer={footer} testId="till-return-dialog" wide>
      <label className="field">
        <span>{t('tillReturn.reference')}</span>
        <input
          data-testid="return-reference"
          autoFocus
          value={reference}
          disabled={invoice !== null}
          onChange={(e) => setReference(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void find();
            }
          }}
        />
        {invoice ? null : <em className="field-hint">{t('tillReturn.referenceHint')}</em>}
      </label>
      {invoice && document ? (
        <>
          <p className="hint" data-testid="return-invoice">
            {t('tillReturn.invoice', {
              numero: String(invoice.numero).padStart(10, '0'),
              fecha: fechaLocal(invoice.fechaEmision),
              total: formatBalboas(invoice.totalFactura),
            })}
          </p>
          {money(invoiceDiscount(document)).gt(0) ? (
            <p className="notice info">{t('tillReturn.discountWarning')}</p>
          ) : null}
          <p className="hint">{t('tillReturn.pick')}</p>
          <table className="data-table">
            <thead>
              <tr>
                <th>{t('documentActions.credit.description')}</th>
                <th className="num">{t('documentActions.credit.invoiced')}</th>
                <th className="num">{t('documentActions.credit.remaining')}</th>
                <th className="num">{t('documentActions.credit.quantity')}</th>
              </tr>
            </thead>
            <tbody>
              {choices.map((c) => (
                <tr key={c.line} data-testid="return-line">
                  <td>{c.descripcion}</td>
                  <td className="num">{c.invoiced}</td>
                  <td className="num" data-testid="return-line-remaining">
                    {c.max}
                  </td>
                  <td className="num">
                    <input
                      className="qty-input"
                      data-testid="return-line-qty"
                      inputMode="decimal"
                      value={c.cantidad}
                      disabled={!money(c.max).gt(0)}
                      aria-label={t('documentActions.credit.quantityLine', { line: c.line })}
                      onChange={(e) => setChoices((list) => withQuantity(list, c.line, e.target.value))}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="form-grid">
            <label className="field">
              <span>{t('tillReturn.refund')}</span>
              <select
                data-testid="return-tender"
                value={tender}
                onChange={(e) => setTender(e.target.value as RefundTender)}
              >
                {REFUND_TENDERS.map((code) => (
                  <option key={code} value={code}>
                    {t(`tillReturn.refunds.${code}`)}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span>{t('tillReturn.reason')}</span>
              <input
                data-testid="return-reason"
                value={motivo}
                maxLength={250}
                onChange={(e) => setMotivo(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') {
                    e.preventDefault();
                    void submit();
                  }
                }}
              />
              <em className="field-hint">{t('tillReturn.reasonHint')}</em>
            </label>
          </div>
        </>
      ) : null}
      {errors.map((line) => (
        <p key={line} className="notice error" role="alert" data-testid="return-error">
          {line}
        </p>
      ))}
    </Dialog>
  );
}
