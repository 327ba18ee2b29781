// What can be done with a document, by its state: an authorised one shows until when it can be annulled and offers
// "Anular" within that window and a credit note after it (or for a partial return); its PDF, XML and e-mail.
// A rejected or failed one shows HKA's message with a hint of what to fix, "Reintentar" and "Descartar".
// Annulling, crediting, retrying and discarding are manager actions (useManagerAction asks for a PIN if needed).
import { useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentDetail } from '../../../../shared/ipc/schemas';
import { attempt, errorLines, sago } from '../../api/sago';
import { useManagerAction } from '../../auth/manager-action';
import { annulWindow } from './annul-window';
import { CreditNoteDialog } from './CreditNoteDialog';
import { DocumentFiles } from './DocumentFiles';
import { EmailPanel } from './EmailPanel';
import { MotivoDialog } from './MotivoDialog';
import './actions.css';

type Open = 'annul' | 'credit' | 'discard' | null;
type Message = { kind: 'ok' | 'info' | 'error'; lines: string[] } | null;

export function DocumentActions(props: {
  detail: DocumentDetail;
  reload: () => void;
  onOpen: (id: string) => void;
}): JSX.Element | null {
  const { t } = useTranslation();
  const runAsManager = useManagerAction();
  const [open, setOpen] = useState<Open>(null);
  const [message, setMessage] = useState<Message>(null);
  const { detail } = props;
  const { id } = detail;
  const annulState = annulWindow(detail, new Date());
  const isInvoice = detail.tipoDocumento === '01';
  const attention = detail.status === 'REJECTED' || detail.status === 'FAILED';
  const canAnnul = annulState.kind === 'open' || annulState.kind === 'unknown';
  const canCredit = isInvoice && detail.cufe !== null && annulState.kind !== 'none';

  async function annul(motivo: string): Promise<string[] | null> {
    const r = await runAsManager('documents:annul', (approval) =>
      attempt(() => sago().documents.annul({ id, motivo, approval })),
    );
    if (r === null) return [];
    if (!r.ok) return errorLines(r.error);
    setOpen(null);
    setMessage({ kind: 'ok', lines: [t('documentActions.annul.done')] });
    props.reload();
    return null;
  }

  async function discard(motivo: string): Promise<string[] | null> {
    const r = await runAsManager('documents:cancel', (approval) =>
      attempt(() => sago().documents.cancel({ id, motivo, approval })),
    );
    if (r === null) return [];
    if (!r.ok) return errorLines(r.error);
    setOpen(null);
    setMessage({ kind: 'ok', lines: [t('documentActions.discard.done')] });
    props.reload();
    return null;
  }

  async function retry(): Promise<void> {
    const r = await runAsManager('documents:retry', (approval) =>
      attempt(() => sago().documents.retry({ id, approval })),
    );
    if (r === null) return;
    setMessage(
      r.ok ? { kind: 'info', lines: [t('documents.retried')] } : { kind: 'error', lines: errorLines(r.error) },
    );
    if (r.ok) props.reload();
  }

  return (
    <section className="doc-actions" data-testid="document-actions">
      {annulState.kind === 'open' ? (
        <p className="annul-window" data-testid="annulable-until">
          {t('documentActions.annulableUntil', { until: annulState.until })}
        </p>
      ) : null}
      {annulState.kind === 'closed' ? (
        <p className="annul-window closed" data-testid="annulable-until">
          {t('documentActions.annulClosed', { until: annulState.until })}
        </p>
      ) : null}
      {attention ? (
        <div className="notice error attention-box" data-testid="attention-hint">
          <p>
            <strong>{t('documentActions.attention.title')}</strong>
          </p>
          {detail.hkaMensajes.length > 0 ? <p>{detail.hkaMensajes.join(' · ')}</p> : null}
          <p>{detail.hint ?? t('documentActions.attention.noHint')}</p>
        </div>
      ) : null}
      <div className="doc-action-buttons">
        {canAnnul ? (
          <button type="button" className="button danger" data-testid="detail-annul" onClick={() => setOpen('annul')}>
            {t('documentActions.annul.button')}
          </button>
        ) : null}
        {canCredit ? (
          <button
            type="button"
            className={annulState.kind === 'closed' ? 'button primary' : 'button secondary'}
            data-testid="detail-credit-note"
            onClick={() => setOpen('credit')}
          >
            {t('documentActions.credit.button')}
          </button>
        ) : null}
        {attention ? (
          <button type="button" className="button primary" data-testid="detail-retry" onClick={() => void retry()}>
            {t('documents.retry')}
          </button>
        ) : null}
        {attention ? (
          <button
            type="button"
            className="button secondary"
            data-testid="detail-discard"
            onClick={() => setOpen('discard')}
          >
            {t('documentActions.discard.button')}
          </button>
        ) : null}
      </div>
      {message ? (
        <div
          className={`notice ${message.kind}`}
          role={message.kind === 'error' ? 'alert' : 'status'}
          data-testid="actions-message"
        >
          {message.lines.map((l, i) => (
            <p key={i}>{l}</p>
          ))}
        </div>
      ) : null}
      {detail.cufe !== null ? (
        <div className="doc-action-blocks">
          <DocumentFiles id={id} />
          <EmailPanel detail={detail} />
        </div>
      ) : null}
      {open === 'annul' ? (
        <MotivoDialog
          title={t('documentActions.annul.title')}
          intro={t('documentActions.annul.intro')}
          confirmLabel={t('documentActions.annul.submit')}
          testId="annul-dialog"
          onSubmit={annul}
          onClose={() => setOpen(null)}
        />
      ) : null}
      {open === 'discard' ? (
        <MotivoDialog
          title={t('documentActions.discard.title')}
          intro={t('documentActions.discard.intro')}
          confirmLabel={t('documentActions.discard.submit')}
          testId="discard-dialog"
          onSubmit={discard}
          onClose={() => setOpen(null)}
        />
      ) : null}
      {open === 'credit' ? (
        <CreditNoteDialog
          detail={detail}
          onClose={() => setOpen(null)}
          onCreated={(noteId) => {
            setOpen(null);
            props.onOpen(noteId);
          }}
        />
      ) : null}
    </section>
  );
}
