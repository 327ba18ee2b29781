// Always visible at the bottom: online/offline, contingency with its running clock, documents waiting, and while a
// backlog drains "n of N sent" with the time left, and warnings (the PC clock off, folios running out). Honest about
// what has not reached the DGI yet.
import { useEffect, useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveStatus } from '../api/app-status';
import { attempt, sago } from '../api/sago';
import { drainProgress, formatElapsed } from './status-model';

function useNow(intervalMs: number, enabled: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!enabled) return;
    const timer = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs, enabled]);
  return now;
}

export function StatusBar(props: { onAttention: () => void }): JSX.Element {
  const { t } = useTranslation();
  const { status, drain, error } = useLiveStatus();
  const now = useNow(1000, status?.contingency.active === true || drain.peak > 0);
  if (!status) {
    return (
      <footer className="status-bar" data-testid="status-bar">
        <span>{error ?? t('common.loading')}</span>
      </footer>
    );
  }
  const { queue, contingency } = status;
  const clockOffsetMs = status.warnings?.clockOffsetMs ?? null;
  const foliosLeft = status.warnings?.foliosLeft ?? null;
  const online = status.connectivity === 'online';
  const progress = online ? drainProgress(drain, now) : null;
  const attention = queue.parked + queue.failed;
  const since = contingency.since === undefined ? null : Date.parse(contingency.since);
  return (
    <footer className="status-bar" data-testid="status-bar">
      <span
        className={online ? 'status-item online' : 'status-item offline'}
        data-testid="connectivity"
        data-state={status.connectivity}
      >
        <span className="dot" aria-hidden="true" />
        {t(online ? 'statusBar.online' : 'statusBar.offline')}
      </span>
      {contingency.active ? (
        <span className="status-item contingency" data-testid="contingency" title={contingency.motivo}>
          {t('statusBar.contingency')}
          {since !== null && !Number.isNaN(since) ? (
            <strong className="mono"> {formatElapsed(now - since)}</strong>
          ) : null}
          {contingency.needsExtendedReason ? <em> · {t('statusBar.extendedReason')}</em> : null}
        </span>
      ) : null}
      <span className="status-item" data-testid="waiting-count" data-count={queue.waiting}>
        {t('statusBar.waiting', { count: queue.waiting })}
      </span>
      {queue.waiting > 0 && !online ? (
        <button
          type="button"
          className="status-item send-now"
          data-testid="send-now"
          onClick={() => void attempt(() => sago().queue.sendNow({}))}
        >
          {t('statusBar.sendNow')}
        </button>
      ) : null}
      {progress ? (
        <span className="status-item progress" data-testid="drain-progress">
          {t('statusBar.draining', { sent: progress.sent, total: progress.total })}
          <progress max={progress.total} value={progress.sent} />
          {progress.etaMs !== null ? (
            <span className="mono">{t('statusBar.eta', { time: formatElapsed(progress.etaMs) })}</span>
          ) : null}
        </span>
      ) : null}
      {attention > 0 ? (
        <button
          type="button"
          className="status-item attention"
          data-testid="attention-count"
          onClick={props.onAttention}
        >
          {t('statusBar.attention', { count: attention })}
        </button>
      ) : null}
      {clockOffsetMs !== null ? (
        <span className="status-item warning" data-testid="clock-warning">
          {t('statusBar.clockSkew', { minutes: Math.round(Math.abs(clockOffsetMs) / 60_000) })}
        </span>
      ) : null}
      {foliosLeft !== null ? (
        <span className="status-item warning" data-testid="folios-warning">
          {t('statusBar.foliosLow', { count: foliosLeft })}
        </span>
      ) : null}
      <span className="spacer" />
      <span className="status-item muted" data-testid="environment">
        {t(`environments.${status.environment}`)}
      </span>
    </footer>
  );
}
