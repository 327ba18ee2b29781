// Saved HKA environment/endpoint changes apply when the app starts again (the running queue keeps its connection
// until then): the notice offers to restart now. The desktop app drains its HKA calls and relaunches; the web host
// restarts its core in place, and the page reloads itself onto it. A shell that can do neither says how.
import { useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { errorLines, sago } from '../api/sago';
import { useManagerAction } from '../auth/manager-action';

/** Long enough for the shell to start its restart; the reloaded page's calls wait for the new core. */
const RELOAD_AFTER_MS = 1_500;

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
    else if (result.value.via === 'manual') setMessage(t('settings.hka.restartManual'));
    else {
      setMessage(t('settings.hka.restarting'));
      // The desktop app replaces this window; in the browser the same page must load again to meet the new core.
      setTimeout(() => window.location.reload(), RELOAD_AFTER_MS);
    }
  }

  return (
    <div className="notice info" data-testid="hka-restart-needed">
      <p>{t('settings.hka.restartNeeded')}</p>
      <button
        type="button"
        className="button secondary"
        data-testid="hka-restart"
        disabled={busy}
        onClick={() => void restart()}
      >
        {t('settings.hka.restartNow')}
      </button>
      {message ? (
        <p role="status" data-testid="hka-restart-message">
          {message}
        </p>
      ) : null}
    </div>
  );
}
