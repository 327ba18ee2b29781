// Live status per register, refreshed every 15 s while the screen is open. "Stale" is a hint only (alerts are the
// server's job): a register not heard from for 15 minutes while not revoked.
import { useEffect, type JSX } from 'react';
import type { Items, RegisterStatus } from '../api/types';
import { useT } from '../i18n/i18n';
import { ErrorLine, failureText } from '../ui/errors';
import { duration, instant } from '../ui/format';
import { useLoad } from '../ui/session';

const REFRESH_MS = 15_000;
const STALE_MINUTES = 15;

export function Status(): JSX.Element {
  const { t, language } = useT();
  const status = useLoad((a) => a.get<Items<RegisterStatus>>('/v1/registers/status'), []);
  const { reload } = status;
  useEffect(() => {
    const timer = window.setInterval(reload, REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [reload]);

  const delay = (ms: number | null) =>
    ms === null ? '—' : ms < 0 ? t('status.delayAhead', { value: duration(ms, language) }) : duration(ms, language);
  const stale = (r: RegisterStatus) =>
    !r.revokedAt && r.lastSeenAt !== null && Date.now() - Date.parse(r.lastSeenAt) > STALE_MINUTES * 60_000;

  return (
    <section>
      <h2>{t('status.title')}</h2>
      <p className="muted">{t('status.hint')}</p>
      <ErrorLine text={status.failure ? failureText(t, status.failure) : null} />
      <button type="button" onClick={reload}>
        {t('app.refresh')}
      </button>
      {status.data && (
        <table className="data-table" data-testid="register-status">
          <thead>
            <tr>
              <th>{t('registers.store')}</th>
              <th>{t('registers.name')}</th>
              <th>{t('registers.state')}</th>
              <th>{t('registers.lastSeen')}</th>
              <th className="num">{t('status.documents')}</th>
              <th className="num">{t('status.pending')}</th>
              <th className="num">{t('status.contingency')}</th>
              <th className="num">{t('status.failed')}</th>
              <th className="num">{t('status.lastNumero')}</th>
              <th>{t('status.delay')}</th>
            </tr>
          </thead>
          <tbody>
            {status.data.items.map((r) => (
              <tr key={r.deviceId} data-testid={`status-${r.name}`} className={stale(r) ? 'warn' : undefined}>
                <td>{r.storeCode}</td>
                <td>{r.name}</td>
                <td>
                  {r.revokedAt
                    ? t('registers.revoked', { at: instant(r.revokedAt, language) })
                    : stale(r)
                      ? t('status.stale', { minutes: STALE_MINUTES })
                      : t('registers.active')}
                </td>
                <td>{instant(r.lastSeenAt, language, t('registers.never'))}</td>
                <td className="num" data-testid="status-documents">
                  {r.documents}
                </td>
                <td className="num">{r.pending}</td>
                <td className="num">{r.contingency}</td>
                <td className="num">{r.failed}</td>
                <td className="num">{r.lastNumero ?? '—'}</td>
                <td>{delay(r.lastEventDelayMs)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
