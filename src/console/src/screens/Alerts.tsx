// Head office's alerts (the server raises and resolves them, docs/decisions/0016): open ones first by default,
// newest raised first, refreshed every 15 s while the screen is open; the settings below (silence threshold and
// webhook) are the owner's to change.
import { useEffect, useState, type JSX } from 'react';
import type { Items, Page, RegisterStatus } from '../api/types';
import { useT } from '../i18n/i18n';
import { ErrorLine, failureText } from '../ui/errors';
import { instant } from '../ui/format';
import { useLoad, useSession } from '../ui/session';
import { AlertSettingsForm } from './AlertSettingsForm';
import { isAlertRule } from '../../../shared/alerts/alert-rules';
import { alertFigure, type Alert } from './alerts-model';

const REFRESH_MS = 15_000;
const STATES = ['open', 'resolved', 'all'] as const;
type State = (typeof STATES)[number];

export function Alerts(): JSX.Element {
  const { t, language } = useT();
  const { api } = useSession();
  const [state, setState] = useState<State>('open');
  const registers = useLoad((a) => a.get<Items<RegisterStatus>>('/v1/registers/status'), []);
  const page = useLoad((a) => a.get<Page<Alert>>('/v1/alerts', { state, limit: '100' }), [state]);
  const [more, setMore] = useState<{ rows: Alert[]; cursor: string | null; loaded: boolean; error: string | null }>({
    rows: [],
    cursor: null,
    loaded: false,
    error: null,
  });
  const { reload } = page;
  useEffect(() => {
    const timer = window.setInterval(() => {
      setMore({ rows: [], cursor: null, loaded: false, error: null });
      reload();
    }, REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [reload]);

  const rows = [...(page.data?.items ?? []), ...more.rows];
  const cursor = more.loaded ? more.cursor : (page.data?.nextCursor ?? null);
  const register = new Map((registers.data?.items ?? []).map((r) => [r.deviceId, r]));

  function choose(next: State): void {
    setMore({ rows: [], cursor: null, loaded: false, error: null });
    setState(next);
  }

  async function loadMore(): Promise<void> {
    if (!cursor) return;
    const next = await api.get<Page<Alert>>('/v1/alerts', { state, limit: '100', cursor });
    setMore((m) =>
      next.ok
        ? { rows: [...m.rows, ...next.value.items], cursor: next.value.nextCursor, loaded: true, error: null }
        : { ...m, error: failureText(t, next.failure) },
    );
  }

  const ruleText = (rule: string) => (isAlertRule(rule) ? t(`alerts.rules.${rule}`) : rule);
  return (
    <section data-testid="alerts">
      <h2>{t('alerts.title')}</h2>
      <p className="muted">{t('alerts.hint')}</p>
      <ErrorLine text={page.failure ? failureText(t, page.failure) : more.error} />
      <div className="inline">
        <label>
          {t('alerts.show')}
          <select value={state} onChange={(e) => choose(e.target.value as State)} data-testid="alert-state">
            {STATES.map((s) => (
              <option key={s} value={s}>
                {t(`alerts.states.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => choose(state)}>
          {t('app.refresh')}
        </button>
      </div>
      {page.data && rows.length === 0 && (
        <p className="muted" data-testid="alerts-none">
          {t(state === 'open' ? 'alerts.noneOpen' : 'alerts.none')}
        </p>
      )}
      {rows.length > 0 && (
        <table className="data-table" data-testid="alert-list">
          <thead>
            <tr>
              <th>{t('alerts.rule')}</th>
              <th>{t('registers.store')}</th>
              <th>{t('registers.name')}</th>
              <th className="num">{t('alerts.value')}</th>
              <th className="num">{t('alerts.threshold')}</th>
              <th>{t('alerts.raised')}</th>
              <th>{t('alerts.resolved')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((a) => (
              <tr key={a.id} data-testid={`alert-${a.rule}`} className={a.resolvedAt ? undefined : 'warn'}>
                <td>{ruleText(a.rule)}</td>
                <td>{register.get(a.deviceId)?.storeCode ?? '—'}</td>
                <td>{register.get(a.deviceId)?.name ?? a.deviceId}</td>
                <td className="num">{alertFigure(a.rule, a.details.value, language)}</td>
                <td className="num">{alertFigure(a.rule, a.details.threshold, language)}</td>
                <td>{instant(a.raisedAt, language)}</td>
                <td>{a.resolvedAt ? instant(a.resolvedAt, language) : t('alerts.stillOpen')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {cursor && (
        <button type="button" onClick={() => void loadMore()}>
          {t('alerts.more')}
        </button>
      )}
      <AlertSettingsForm />
    </section>
  );
}
