// The CAFE PDF and the authorised XML of a document: what is kept next to the database (documents:files), fetched
// from HKA on request (documents:downloadFiles), and opened: the desktop app hands the file to the OS; in a browser
// the bytes come back and are saved as a download.
import { useCallback, useEffect, useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { Response } from '../../../../shared/ipc/contract';
import { attempt, sago } from '../../api/sago';
import { base64ToBlob, saveBlob } from '../../ui/save-file';

type Files = Response<'documents:files'>;
type Kind = 'pdf' | 'xml';

const kb = (bytes: number): string => `${Math.max(1, Math.round(bytes / 1024))} KB`;

export function DocumentFiles(props: { id: string }): JSX.Element {
  const { t } = useTranslation();
  const { id } = props;
  const [files, setFiles] = useState<Files | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);

  const load = useCallback(() => {
    void attempt(() => sago().documents.files({ id })).then((r) => {
      if (r.ok) setFiles(r.value);
      else setMessage({ kind: 'error', text: r.error.message });
    });
  }, [id]);
  useEffect(load, [load]);

  async function download(): Promise<void> {
    setBusy(true);
    setMessage(null);
    const r = await attempt(() => sago().documents.downloadFiles({ id }));
    setBusy(false);
    if (r.ok) {
      setFiles(r.value);
      setMessage({ kind: 'info', text: t('documentActions.files.downloaded') });
    } else setMessage({ kind: 'error', text: r.error.message });
  }

  async function open(kind: Kind): Promise<void> {
    setMessage(null);
    const r = await attempt(() => sago().documents.openFile({ id, kind }));
    if (!r.ok) {
      setMessage({ kind: 'error', text: r.error.message });
      return;
    }
    if (r.value.via === 'browser') saveBlob(r.value.fileName, base64ToBlob(r.value.base64, r.value.mimeType));
  }

  const missing = files === null || files.pdf === null || files.xml === null;
  const row = (kind: Kind): JSX.Element => {
    const file = files?.[kind] ?? null;
    return (
      <li key={kind} data-testid={`file-${kind}`} data-kept={file ? 'yes' : 'no'}>
        <strong>{t(`documentActions.files.${kind}`)}</strong>
        <span className="muted">
          {file ? `${file.fileName} · ${kb(file.bytes)}` : t('documentActions.files.notKept')}
        </span>
        {file ? (
          <button
            type="button"
            className="button secondary"
            data-testid={`open-${kind}`}
            onClick={() => void open(kind)}
          >
            {t('documentActions.files.open')}
          </button>
        ) : null}
      </li>
    );
  };
  return (
    <section className="doc-action-block" aria-labelledby="doc-files-title">
      <h2 id="doc-files-title">{t('documentActions.files.title')}</h2>
      <ul className="file-list">
        {row('pdf')}
        {row('xml')}
      </ul>
      {missing ? (
        <button
          type="button"
          className="button primary"
          data-testid="download-files"
          disabled={busy}
          onClick={() => void download()}
        >
          {busy ? t('documentActions.sending') : t('documentActions.files.download')}
        </button>
      ) : null}
      {message ? (
        <p
          className={`notice ${message.kind}`}
          role={message.kind === 'error' ? 'alert' : 'status'}
          data-testid="files-message"
        >
          {message.text}
        </p>
      ) : null}
    </section>
  );
}
