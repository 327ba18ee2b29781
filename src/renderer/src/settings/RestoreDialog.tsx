// Restoring a backup: what will happen, and the confirmation word the core also checks (backups:restore). After a
// restore the session is read again: the restored data may not know the user who restored it.
import { useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { RESTORE_CONFIRMATION, type BackupItem } from '../../../shared/ipc/areas/backups/contract';
import { attempt, sago } from '../api/sago';
import { useSession } from '../auth/session';
import { Dialog } from '../ui/Dialog';
import { OutcomeNotice, failed, type Outcome } from './Outcome';

export function RestoreDialog(props: { backup: BackupItem; onClose: () => void; onRestored: () => void }): JSX.Element {
  const { t } = useTranslation();
  const { refresh } = useSession();
  const [word, setWord] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const at = props.backup.createdAt ? new Date(props.backup.createdAt).toLocaleString('es-PA') : props.backup.file;

  async function restore(): Promise<void> {
    setBusy(true);
    const result = await attempt(() =>
      sago().backups.restore({
        location: props.backup.location,
        file: props.backup.file,
        confirmation: word.trim() as typeof RESTORE_CONFIRMATION,
      }),
    );
    setBusy(false);
    if (!result.ok) return setOutcome(failed(result.error));
    const { documentsBefore, documentsAfter, keptAs, credentialsNeeded, warning } = result.value;
    const lines: string[] = [t('backups.restored', { before: documentsBefore, after: documentsAfter, keptAs })];
    if (credentialsNeeded) lines.push(t('backups.credentialsNeeded'));
    if (warning) lines.push(warning);
    setOutcome(warning || credentialsNeeded ? { kind: 'error', lines } : { kind: 'ok', text: lines.join(' ') });
    props.onRestored();
    await refresh(); // signs the screen out when the restored data does not know this user
  }

  return (
    <Dialog
      title={t('backups.restoreTitle', { at })}
      onClose={props.onClose}
      testId="restore-dialog"
      footer={
        <>
          <button type="button" className="button secondary" onClick={props.onClose}>
            {t('common.close')}
          </button>
          <button
            type="button"
            className="button primary"
            data-testid="restore-confirm"
            disabled={busy || outcome?.kind === 'ok' || word.trim() !== RESTORE_CONFIRMATION}
            onClick={() => void restore()}
          >
            {t('backups.restoreConfirm')}
          </button>
        </>
      }
    >
      <p className="notice info">{t('backups.restoreWarning', { documents: props.backup.documents ?? '—' })}</p>
      <label className="field">
        <span>{t('backups.restoreConfirmLabel', { word: RESTORE_CONFIRMATION })}</span>
        <input
          autoFocus
          data-testid="restore-word"
          value={word}
          onChange={(e) => setWord(e.target.value)}
          autoComplete="off"
        />
      </label>
      <OutcomeNotice outcome={outcome} testId="restore-outcome" />
    </Dialog>
  );
}
