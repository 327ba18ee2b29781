// Auditoría: the whole trail, newest first, unfiltered when it opens; filters by kind of action, person and dates;
// people by name with the gerente who approved; actions in words and details as readable lines (audit-view.ts); CSV
// export of what the filters show (audit:csv); and the hash chain's state (audit:verify) with "Verificar ahora".
import { useCallback, useEffect, useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { Response } from '../../../shared/ipc/contract';
import { toPanamaDisplay } from '../../../shared/fiscal/panama-time';
import { attempt, sago } from '../api/sago';
import { useUsers } from '../auth/use-users';
import { saveBlob } from '../ui/save-file';
import { AuditChainStatus } from './AuditChainStatus';
import { AUDIT_GROUPS, auditActionLabel, auditDetailLines } from './audit-view';
import { useAuditWords } from './audit-words';

type AuditEntry = Response<'audit:list'>['items'][number];
interface Filters {
  group: string;
  actor: string;
  from: string;
  to: string;
}
const NO_FILTERS: Filters = { group: '', actor: '', from: '', to: '' };

const requestOf = (f: Filters) => ({
  ...(f.group ? { action: `${f.group}.` } : {}),
  ...(f.actor ? { actor: f.actor } : {}),
  ...(f.from ? { from: f.from } : {}),
  ...(f.to ? { to: f.to } : {}),
});

export function AuditSection(): JSX.Element {
  const { t, i18n } = useTranslation();
  const { users } = useUsers();
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [items, setItems] = useState<AuditEntry[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [exported, setExported] = useState<string | null>(null);

  const load = useCallback(async (f: Filters, after: string | null) => {
    const result = await attempt(() =>
      sago().audit.list({ limit: 50, ...requestOf(f), ...(after ? { cursor: after } : {}) }),
    );
    if (!result.ok) return setError(result.error.message);
    setError(null);
    setItems((previous) => (after ? [...previous, ...result.value.items] : result.value.items));
    setCursor(result.value.nextCursor);
  }, []);

  useEffect(() => void load(filters, null), [filters, load]);

  async function exportCsv(): Promise<void> {
    const result = await attempt(() => sago().audit.csv(requestOf(filters)));
    if (!result.ok) return setError(result.error.message);
    saveBlob('auditoria.csv', new Blob([result.value.csv], { type: 'text/csv;charset=utf-8' }));
    setExported(t('controls.audit.exported', { count: result.value.rows }));
  }

  const set = (patch: Partial<Filters>) => {
    setExported(null);
    setFilters({ ...filters, ...patch });
  };
  const words = useAuditWords();
  return (
    <div className="settings-form">
      <AuditChainStatus />
      <div className="settings-toolbar">
        <label className="field">
          <span>{t('controls.audit.group')}</span>
          <select data-testid="audit-group" value={filters.group} onChange={(e) => set({ group: e.target.value })}>
            <option value="">{t('controls.audit.all')}</option>
            {AUDIT_GROUPS.map((g) => (
              <option key={g} value={g}>
                {t(`controls.audit.groups.${g}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('controls.audit.person')}</span>
          <select data-testid="audit-person" value={filters.actor} onChange={(e) => set({ actor: e.target.value })}>
            <option value="">{t('controls.audit.all')}</option>
            {(users ?? []).map((u) => (
              <option key={u.id} value={u.id}>
                {u.displayName}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('controls.audit.from')}</span>
          <input
            type="date"
            data-testid="audit-from"
            value={filters.from}
            onChange={(e) => set({ from: e.target.value })}
          />
        </label>
        <label className="field">
          <span>{t('controls.audit.to')}</span>
          <input type="date" data-testid="audit-to" value={filters.to} onChange={(e) => set({ to: e.target.value })} />
        </label>
        <button type="button" className="button secondary" data-testid="audit-export" onClick={() => void exportCsv()}>
          {t('controls.audit.exportCsv')}
        </button>
      </div>
      {exported ? (
        <p className="notice ok" role="status" data-testid="audit-exported">
          {exported}
        </p>
      ) : null}
      {error ? (
        <p className="notice error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="settings-table-wrap">
        <table className="history settings-table" data-testid="audit-table">
          <thead>
            <tr>
              <th>{t('controls.audit.at')}</th>
              <th>{t('controls.audit.actor')}</th>
              <th>{t('controls.audit.approvedBy')}</th>
              <th>{t('controls.audit.action')}</th>
              <th>{t('controls.audit.details')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((entry) => (
              <tr key={entry.id} data-testid="audit-row" data-action={entry.action}>
                <td className="nowrap">{toPanamaDisplay(new Date(entry.at))}</td>
                <td data-testid="audit-actor">{entry.actorName}</td>
                <td data-testid="audit-approver">{entry.approvedByName ?? ''}</td>
                <td data-testid="audit-action">{auditActionLabel(entry.action, i18n.language)}</td>
                <td className="audit-details">
                  {auditDetailLines(entry.details, words).map((line, i) => (
                    <div key={i}>{line}</div>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {items.length === 0 && !error ? <p className="muted">{t('controls.audit.empty')}</p> : null}
      </div>
      {cursor ? (
        <button
          type="button"
          className="button secondary"
          data-testid="audit-more"
          onClick={() => void load(filters, cursor)}
        >
          {t('controls.audit.more')}
        </button>
      ) : null}
    </div>
  );
}
