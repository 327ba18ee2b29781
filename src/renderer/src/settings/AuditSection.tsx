// Auditoría: the audit trail, newest first, filtered by action prefix ("settings." shows every settings change with
// its before/after; secrets appear only as "changed"). More pages on demand (audit:list).
import { useCallback, useEffect, useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { Response } from '../../../shared/ipc/contract';
import { attempt, sago } from '../api/sago';

type AuditEntry = Response<'audit:list'>['items'][number];

export function AuditSection(): JSX.Element {
  const { t } = useTranslation();
  const [filter, setFilter] = useState('settings.');
  const [items, setItems] = useState<AuditEntry[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async (prefix: string, after: string | null) => {
    const result = await attempt(() => sago().audit.list({ limit: 50, ...(prefix.trim() ? { action: prefix.trim() } : {}), ...(after ? { cursor: after } : {}) }));
    if (!result.ok) return setError(result.error.message);
    setError(null);
    setItems((previous) => (after ? [...previous, ...result.value.items] : result.value.items));
    setCursor(result.value.nextCursor);
  }, []);

  useEffect(() => {
    const timer = window.setTimeout(() => void load(filter, null), 200);
    return () => window.clearTimeout(timer);
  }, [filter, load]);

  return (
    <div className="settings-form">
      <div className="settings-toolbar">
        <label className="field">
          <span>{t('settings.audit.filter')}</span>
          <input data-testid="audit-filter" value={filter} onChange={(e) => setFilter(e.target.value)} />
        </label>
      </div>
      {error ? <p className="notice error" role="alert">{error}</p> : null}
      <div className="settings-table-wrap">
        <table className="history settings-table" data-testid="audit-table">
          <thead>
            <tr><th>{t('settings.audit.at')}</th><th>{t('settings.audit.actor')}</th><th>{t('settings.audit.action')}</th><th>{t('settings.audit.details')}</th></tr>
          </thead>
          <tbody>
            {items.map((entry) => (
              <tr key={entry.id} data-testid="audit-row">
                <td className="nowrap">{new Date(entry.at).toLocaleString('es-PA')}</td>
                <td>{entry.actor}</td>
                <td className="mono">{entry.action}</td>
                <td className="mono audit-details">{JSON.stringify(entry.details)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {items.length === 0 && !error ? <p className="muted">{t('settings.audit.empty')}</p> : null}
      </div>
      {cursor ? <button type="button" className="button secondary" data-testid="audit-more" onClick={() => void load(filter, cursor)}>{t('settings.audit.more')}</button> : null}
    </div>
  );
}
