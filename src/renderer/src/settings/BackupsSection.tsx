// Configuración › Copias de seguridad: the manager's folder and how many copies to keep (settings:saveBackups, the core
// checks the folder is writable), "Crear copia ahora" (backups:create), the copies in both folders with their
// verification (backups:list) and the last failures, which the core also audited. Restore opens RestoreDialog.
import { useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupItem, BackupsView } from '../../../shared/ipc/areas/backups/contract';
import { attempt, sago } from '../api/sago';
import { OutcomeNotice, failed, type Outcome } from './Outcome';
import { RestoreDialog } from './RestoreDialog';
import { backupSettingsFrom, formatSize } from './backups-view';
import { useLoaded } from './use-loaded';

const loadBackups = () => sago().backups.list({});
const when = (iso: string | null): string => (iso ? new Date(iso).toLocaleString('es-PA') : '—');

function BackupRows(props: { view: BackupsView; onRestore: (backup: BackupItem) => void }): JSX.Element {
  const { t, i18n } = useTranslation();
  if (props.view.backups.length === 0)
    return (
      <p className="muted" data-testid="backups-empty">
        {t('backups.empty')}
      </p>
    );
  return (
    <div className="settings-table-wrap">
      <table className="history settings-table" data-testid="backups-table">
        <thead>
          <tr>
            {(['at', 'reason', 'size', 'documents', 'verified', 'location', 'actions'] as const).map((c) => (
              <th key={c}>{t(`backups.columns.${c}`)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.view.backups.map((b) => (
            <tr key={`${b.location}/${b.file}`} data-testid="backup-row" title={b.problem ?? b.file}>
              <td>{when(b.createdAt)}</td>
              <td>{b.reason ? t(`backups.reasons.${b.reason as 'z'}`, { defaultValue: b.reason }) : '—'}</td>
              <td>{formatSize(b.sizeBytes, i18n.language)}</td>
              <td>{b.documents ?? '—'}</td>
              <td data-testid="backup-verified">{b.verified ? t('backups.verifiedYes') : t('backups.verifiedNo')}</td>
              <td>{t(`backups.locations.${b.location}`)}</td>
              <td>
                <button
                  type="button"
                  className="button secondary"
                  data-testid="backup-restore"
                  disabled={!b.verified}
                  onClick={() => props.onRestore(b)}
                >
                  {t('backups.restore')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function BackupsEditor(props: {
  view: BackupsView;
  onView: (view: BackupsView) => void;
  reload: () => Promise<void>;
}): JSX.Element {
  const { t } = useTranslation();
  const { view } = props;
  const [folder, setFolder] = useState(view.settings.folder ?? '');
  const [keep, setKeep] = useState(String(view.settings.keep));
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);
  const [restoring, setRestoring] = useState<BackupItem | null>(null);

  async function save(): Promise<void> {
    const settings = backupSettingsFrom(folder, keep);
    if (settings === null)
      return setOutcome({
        kind: 'error',
        lines: [t('controls.lossPrevention.notANumber', { field: t('backups.keep') })],
      });
    setBusy(true);
    const result = await attempt(() => sago().settings.saveBackups(settings));
    setBusy(false);
    if (!result.ok) return setOutcome(failed(result.error));
    props.onView(result.value);
    setOutcome({ kind: 'ok', text: t('settings.saved') });
  }

  async function createNow(): Promise<void> {
    setBusy(true);
    setOutcome({ kind: 'ok', text: t('backups.creating') });
    const result = await attempt(() => sago().backups.create({}));
    setBusy(false);
    if (!result.ok) return setOutcome(failed(result.error));
    const { outcomes, ...next } = result.value;
    props.onView(next);
    const problems = outcomes.filter((o) => !o.ok).map((o) => o.message ?? '');
    const done = outcomes
      .filter((o) => o.ok)
      .map((o) => t(`backups.locations.${o.location}`))
      .join(', ');
    setOutcome(
      problems.length > 0
        ? { kind: 'error', lines: problems }
        : { kind: 'ok', text: t('backups.created', { location: done }) },
    );
  }

  return (
    <div className="settings-form" data-testid="backups">
      <p className="muted">{t('backups.intro')}</p>
      {view.failures.map((f) => (
        <p key={f.location} className="notice error" role="alert" data-testid="backup-failure">
          {t('backups.failure', { location: t(`backups.locations.${f.location}`), at: when(f.at), message: f.message })}
        </p>
      ))}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <div className="form-grid">
          <label className="field">
            <span>{t('backups.folder')}</span>
            <input
              data-testid="backups-folder"
              value={folder}
              onChange={(e) => {
                setFolder(e.target.value);
                setOutcome(null);
              }}
            />
            <em className="field-hint">{t('backups.folderHint')}</em>
          </label>
          <label className="field">
            <span>{t('backups.keep')}</span>
            <input
              inputMode="numeric"
              data-testid="backups-keep"
              value={keep}
              onChange={(e) => {
                setKeep(e.target.value);
                setOutcome(null);
              }}
            />
          </label>
        </div>
        <p className="muted">{t('backups.localFolder', { folder: view.localFolder })}</p>
        <div className="settings-actions">
          <button type="submit" className="button secondary" data-testid="backups-save" disabled={busy}>
            {t('settings.save')}
          </button>
          <button
            type="button"
            className="button primary"
            data-testid="backups-create"
            disabled={busy}
            onClick={() => void createNow()}
          >
            {t('backups.createNow')}
          </button>
        </div>
      </form>
      <OutcomeNotice outcome={outcome} testId="backups-outcome" />
      <h3>{t('backups.list')}</h3>
      <BackupRows view={view} onRestore={setRestoring} />
      {restoring ? (
        <RestoreDialog backup={restoring} onClose={() => setRestoring(null)} onRestored={() => void props.reload()} />
      ) : null}
    </div>
  );
}

export function BackupsSection(): JSX.Element {
  const { value, error, setValue, reload } = useLoaded(loadBackups);
  if (error)
    return (
      <p className="notice error" role="alert">
        {error}
      </p>
    );
  return value ? <BackupsEditor view={value} onView={setValue} reload={reload} /> : <p className="muted">…</p>;
}
