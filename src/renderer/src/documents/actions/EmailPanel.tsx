// Sending the CAFE by e-mail through HKA (EnvioCorreo), to the customer's address when the document has one, and
// HKA's delivery trace of what was sent (RastreoCorreo), read on request since it asks HKA each time.
import { useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { Response } from '../../../../shared/ipc/contract';
import type { DocumentDetail } from '../../../../shared/ipc/schemas';
import { attempt, errorLines, sago } from '../../api/sago';

type Entregas = Response<'documents:emailTrace'>['entregas'];

/** The first e-mail of the document's receptor, if it has one. */
export function receptorEmail(document: unknown): string {
  const cliente = (document as { cliente?: { correos?: unknown } } | null)?.cliente;
  const correos = cliente?.correos;
  return Array.isArray(correos) && typeof correos[0] === 'string' ? correos[0] : '';
}

export function EmailPanel(props: { detail: DocumentDetail }): JSX.Element {
  const { t } = useTranslation();
  const { id } = props.detail;
  const [correo, setCorreo] = useState(() => receptorEmail(props.detail.document));
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'error' | 'ok'; lines: string[] } | null>(null);
  const [entregas, setEntregas] = useState<Entregas | null>(null);

  async function send(): Promise<void> {
    setBusy(true);
    setMessage(null);
    const r = await attempt(() => sago().documents.sendEmail({ id, correo: correo.trim() }));
    setBusy(false);
    setMessage(
      r.ok
        ? { kind: 'ok', lines: [t('documentActions.email.sent', { correo: correo.trim() })] }
        : { kind: 'error', lines: errorLines(r.error) },
    );
  }

  async function trace(): Promise<void> {
    setMessage(null);
    const r = await attempt(() => sago().documents.emailTrace({ id }));
    if (r.ok) setEntregas(r.value.entregas);
    else setMessage({ kind: 'error', lines: errorLines(r.error) });
  }

  return (
    <section className="doc-action-block" aria-labelledby="doc-email-title">
      <h2 id="doc-email-title">{t('documentActions.email.title')}</h2>
      <form
        className="inline-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void send();
        }}
      >
        <label className="field">
          <span>{t('documentActions.email.address')}</span>
          <input
            type="email"
            data-testid="email-address"
            value={correo}
            maxLength={100}
            onChange={(e) => setCorreo(e.target.value)}
          />
        </label>
        <button
          type="submit"
          className="button primary"
          data-testid="email-send"
          disabled={busy || correo.trim() === ''}
        >
          {busy ? t('documentActions.sending') : t('documentActions.email.send')}
        </button>
        <button type="button" className="button secondary" data-testid="email-trace" onClick={() => void trace()}>
          {t('documentActions.email.trace')}
        </button>
      </form>
      {message ? (
        <div
          className={`notice ${message.kind}`}
          role={message.kind === 'error' ? 'alert' : 'status'}
          data-testid="email-message"
        >
          {message.lines.map((l, i) => (
            <p key={i}>{l}</p>
          ))}
        </div>
      ) : null}
      {entregas === null ? null : entregas.length === 0 ? (
        <p className="muted" data-testid="email-trace-empty">
          {t('documentActions.email.noDeliveries')}
        </p>
      ) : (
        <table className="data-table" data-testid="email-trace-list">
          <thead>
            <tr>
              <th>{t('documentActions.email.to')}</th>
              <th>{t('documentActions.email.at')}</th>
              <th>{t('documentActions.email.state')}</th>
            </tr>
          </thead>
          <tbody>
            {entregas.map((e) => (
              <tr key={e.messageId}>
                <td>{e.correo}</td>
                <td>{e.creadoEn}</td>
                <td>{e.estado}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
