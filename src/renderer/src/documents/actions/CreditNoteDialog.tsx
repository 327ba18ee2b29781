// Credit note (04) for an authorised invoice: every line in full by default; untick lines or lower quantities for a
// partial return. The total shown is the note's. The note goes through the queue like a sale; when it is saved the
// page opens it, so the manager watches it turn authorised.
import { useMemo, useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { fiscalDocumentSchema } from '../../../../shared/fiscal/document';
import { formatBalboas, money } from '../../../../shared/fiscal/money';
import type { DocumentDetail } from '../../../../shared/ipc/schemas';
import { attempt, errorLines, sago } from '../../api/sago';
import { useManagerAction } from '../../auth/manager-action';
import { Dialog } from '../../ui/Dialog';
import { creditRequest, initialChoices, noteTotal, type CreditChoice } from './credit-lines';

export function CreditNoteDialog(props: {
  detail: DocumentDetail;
  onCreated: (noteId: string) => void;
  onClose: () => void;
}): JSX.Element {
  const { t } = useTranslation();
  const runAsManager = useManagerAction();
  const invoice = useMemo(() => {
    const parsed = fiscalDocumentSchema.safeParse(props.detail.document);
    return parsed.success ? parsed.data : null;
  }, [props.detail.document]);
  const items = useMemo(() => invoice?.items ?? [], [invoice]);
  const [choices, setChoices] = useState<CreditChoice[]>(() => initialChoices(items, props.detail.creditable));
  const nothingLeft = choices.every((c) => !money(c.max).gt(0));
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  const request = creditRequest(items, choices);

  const update = (line: number, change: Partial<CreditChoice>): void => {
    setChoices((list) => list.map((c) => (c.line === line ? { ...c, ...change } : c)));
  };

  async function submit(): Promise<void> {
    if (!request.ok) {
      setErrors([t(`documentActions.credit.${request.problem}`, { line: request.line ?? 0 })]);
      return;
    }
    setBusy(true);
    const { id } = props.detail;
    const result = await runAsManager('documents:creditNote', (approval) =>
      attempt(() => sago().documents.creditNote({ id, lines: request.lines, approval })),
    );
    setBusy(false);
    if (result === null) return;
    if (result.ok) props.onCreated(result.value.id);
    else setErrors(errorLines(result.error));
  }

  const footer = (
    <>
      <span className="credit-total" data-testid="credit-total">
        {t('documentActions.credit.total', {
          total: request.ok && invoice ? formatBalboas(noteTotal(invoice, request.total)) : '—',
        })}
      </span>
      <span className="spacer" />
      <button type="button" className="button secondary" onClick={props.onClose}>
        {t('common.cancel')}
      </button>
      <button
        type="button"
        className="button primary"
        data-testid="credit-submit"
        disabled={busy || !request.ok}
        onClick={() => void submit()}
      >
        {busy ? t('documentActions.sending') : t('documentActions.credit.submit')}
      </button>
    </>
  );
  return (
    <Dialog
      title={t('documentActions.credit.title')}
      onClose={props.onClose}
      footer={footer}
      testId="credit-note-dialog"
      wide
    >
      <p className="hint">{t('documentActions.credit.intro', { cufe: props.detail.cufe ?? '' })}</p>
      {nothingLeft ? (
        <p className="notice info" role="status" data-testid="credit-nothing-left">
          {t('documentActions.credit.nothingLeft')}
        </p>
      ) : null}
      {items.length === 0 ? (
        <p className="notice error" role="alert">
          {t('receipt.unreadable')}
        </p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th>{t('documentActions.credit.include')}</th>
              <th>{t('documentActions.credit.description')}</th>
              <th className="num">{t('documentActions.credit.invoiced')}</th>
              <th className="num">{t('documentActions.credit.remaining')}</th>
              <th className="num">{t('documentActions.credit.quantity')}</th>
            </tr>
          </thead>
          <tbody>
            {choices.map((c) => (
              <tr key={c.line} data-testid="credit-line">
                <td>
                  <input
                    type="checkbox"
                    data-testid="credit-line-select"
                    aria-label={t('documentActions.credit.includeLine', { line: c.line })}
                    checked={c.selected}
                    disabled={!money(c.max).gt(0)}
                    onChange={(e) => update(c.line, { selected: e.target.checked })}
                  />
                </td>
                <td>{c.descripcion}</td>
                <td className="num">{c.invoiced}</td>
                <td className="num" data-testid="credit-line-remaining">
                  {c.max}
                </td>
                <td className="num">
                  <input
                    className="qty-input"
                    data-testid="credit-line-qty"
                    inputMode="decimal"
                    aria-label={t('documentActions.credit.quantityLine', { line: c.line })}
                    value={c.cantidad}
                    disabled={!c.selected}
                    onChange={(e) => update(c.line, { cantidad: e.target.value })}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {!request.ok && request.problem !== 'nothingSelected' ? (
        <p className="field-error">{t(`documentActions.credit.${request.problem}`, { line: request.line ?? 0 })}</p>
      ) : null}
      {errors.length > 0 ? (
        <div className="notice error" role="alert" data-testid="credit-error">
          {errors.map((e, i) => (
            <p key={i}>{e}</p>
          ))}
        </div>
      ) : null}
    </Dialog>
  );
}
