// One document: its status (live), CUFE, QR, protocol, HKA's messages and history, the receipt for reprinting, and
// what can be done with it (actions/DocumentActions: annul or credit note, files, e-mail, retry or discard).
import { useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { TIPO_EMISION, labelOf } from '../../../shared/fiscal/codes';
import { documentTitle } from './document-kind';
import { formatBalboas } from '../../../shared/fiscal/money';
import { toPanamaDisplay } from '../../../shared/fiscal/panama-time';
import { useWithApproval } from '../auth/manager-action';
import { QrImage } from '../receipt/QrImage';
import { PrintErrorNotice } from '../receipt/PrintErrorNotice';
import { ReceiptView, printReceipt } from '../receipt/ReceiptView';
import { printSubject } from '../checkout/printer-problem';
import { fechaLocal } from '../../../shared/receipt/receipt-model';
import { useDocument } from '../receipt/use-document';
import { DocumentActions } from './actions/DocumentActions';
import { auditActionLabel, auditDetailLines } from '../settings/audit-view';
import { useAuditWords } from '../settings/audit-words';
import { StatusBadge } from './StatusBadge';

/** The CUFEs a note references (credit note 04 and the like), read from the document as issued. */
function referencedCufes(document: unknown): string[] {
  const refs = (document as { referencias?: unknown } | null)?.referencias;
  return Array.isArray(refs)
    ? refs.flatMap((r) => (typeof (r as { cufe?: unknown }).cufe === 'string' ? [(r as { cufe: string }).cufe] : []))
    : [];
}

function Field(props: { label: string; value: string | null; mono?: boolean; testId?: string }): JSX.Element {
  return (
    <div className="detail-field">
      <dt>{props.label}</dt>
      <dd className={props.mono ? 'mono break' : undefined} data-testid={props.testId}>
        {props.value ?? '—'}
      </dd>
    </div>
  );
}

export function DocumentDetailScreen(props: {
  id: string;
  onBack: () => void;
  onOpen?: (id: string) => void;
}): JSX.Element {
  const { t, i18n } = useTranslation();
  const { detail, error, reload } = useDocument(props.id);
  const words = useAuditWords();
  /** HKA's result code in words: the two HKA has confirmed, a rejection, or the code named as HKA's. */
  const hkaOutcome = (code: string, status: string): string => {
    if (code === '200' || code === '102') return t(`managerLabels.hkaOutcome.${code}`);
    return t(status === 'REJECTED' ? 'managerLabels.hkaOutcome.rejected' : 'managerLabels.hkaOutcome.other', { code });
  };
  const withApproval = useWithApproval();
  const [printError, setPrintError] = useState<string[] | null>(null);

  if (!detail) {
    return (
      <section className="detail">
        <button type="button" className="button secondary" onClick={props.onBack}>
          ← {t('common.back')}
        </button>
        {error ? (
          <p className="notice error" role="alert">
            {error}
          </p>
        ) : (
          <p className="muted">{t('common.loading')}</p>
        )}
      </section>
    );
  }

  const title = documentTitle(detail, t);
  return (
    <section className="detail" data-testid="document-detail">
      <header className="detail-header">
        <button type="button" className="button secondary" onClick={props.onBack}>
          ← {t('common.back')}
        </button>
        <h1 data-testid="detail-title">{title}</h1>
        <StatusBadge status={detail.status} />
        <span className="spacer" />
        <button
          type="button"
          className="button secondary"
          data-testid="detail-print"
          onClick={() =>
            void printReceipt(detail.id, withApproval, printSubject(detail.tipoDocumento)).then(setPrintError)
          }
        >
          {t('detail.reprint')}
        </button>
      </header>
      <PrintErrorNotice lines={printError} />
      <DocumentActions key={detail.id} detail={detail} reload={reload} onOpen={props.onOpen ?? (() => undefined)} />
      <div className="detail-body">
        <div className="detail-info">
          <dl className="detail-grid">
            <Field label={t('detail.date')} value={fechaLocal(detail.fechaEmision)} />
            <Field label={t('detail.customer')} value={detail.receptorNombre ?? t('customerKinds.02')} />
            <Field label={t('detail.total')} value={formatBalboas(detail.totalFactura)} />
            <Field
              label={t('detail.emission')}
              value={labelOf(TIPO_EMISION, detail.tipoEmision) ?? detail.tipoEmision}
            />
            <Field label={t('detail.cufe')} value={detail.cufe} mono testId="detail-cufe" />
            <Field label={t('detail.protocol')} value={detail.nroProtocolo} mono />
            <Field
              label={t('detail.receivedAt')}
              value={detail.fechaRecepcionDgi === null ? null : fechaLocal(detail.fechaRecepcionDgi)}
            />
            <Field
              label={t('detail.hkaCode')}
              value={detail.hkaCodigo === null ? null : hkaOutcome(detail.hkaCodigo, detail.status)}
            />
            {referencedCufes(detail.document).map((cufe) => (
              <Field
                key={cufe}
                label={t('documentActions.referencedCufe')}
                value={cufe}
                mono
                testId="detail-reference-cufe"
              />
            ))}
          </dl>
          {detail.qr ? (
            <div className="detail-qr">
              <QrImage text={detail.qr} size={160} label={t('detail.qr')} />
            </div>
          ) : null}
          <h2>{t('detail.hkaMessages')}</h2>
          {detail.hkaMensajes.length === 0 ? (
            <p className="muted">{t('detail.noMessages')}</p>
          ) : (
            <ul className="messages" data-testid="hka-messages">
              {detail.hkaMensajes.map((m, i) => (
                <li key={i}>{m}</li>
              ))}
            </ul>
          )}
          <h2>{t('detail.history')}</h2>
          <table className="history">
            <thead>
              <tr>
                <th>{t('detail.historyAt')}</th>
                <th>{t('detail.historyActor')}</th>
                <th>{t('detail.historyAction')}</th>
                <th>{t('detail.historyDetails')}</th>
              </tr>
            </thead>
            <tbody>
              {detail.history.map((h, i) => (
                <tr key={i}>
                  <td className="nowrap">{toPanamaDisplay(new Date(h.at))}</td>
                  <td>{h.actor}</td>
                  <td>{auditActionLabel(h.action, i18n.language)}</td>
                  <td className="small">
                    {auditDetailLines(h.details, words).map((line) => (
                      <div key={line}>{line}</div>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="receipt-frame">
          <ReceiptView detail={detail} printable />
        </div>
      </div>
    </section>
  );
}
