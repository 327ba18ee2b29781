// Saved HKA environment/endpoint changes apply when the app starts again (the running queue keeps its connection
// until then): the notice offers to restart now. The desktop app drains its HKA calls and relaunches; the web host
// cannot restart itself, and the manager is told how.
import { useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { errorLines, sago } from '../api/sago';
import { useManagerAction } from '../auth/manager-action';

export function RestartNotice(): JSX.Element {
  const { t } = useTranslation();
  const runAsManager = useManagerAction();
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function restart(): Promise<void> {
    setBusy(true);
    const result = await runAsManager('app:restart', (approval) => sago().app.restart(approval ? { approval } : {}));
    setBusy(false);
    if (result === null) return;
    if (!result.ok) setMessage(errorLines(result.error).join(' '));
    else setMessage(result.value.via === 'relaunch' ? t('settings.hka.restarting') : t('settings.hka.restartManual'));
  }

  return (
    <div className="notice info" data-testid="hka-restart-needed">
      <p>{t('settings.hka.restartNeeded')}</p>
      <button type="button" className="button secondary" data-testid="hka-restart" disabled={busy} onClick={() => void restart()}>
        {t('settings.hka.restartNow')}
      </button>
      {message ? <p role="status" data-testid="hka-restart-message">{message}</p> : null}
    </div>
  );
}
