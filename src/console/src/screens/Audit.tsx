// The registers' audit trails: first each register's chain as verified on arrival (intact, or where it breaks),
// then a search over every entry (text, action, dates).
import { useState, type FormEvent, type JSX } from 'react';
import type { AuditRow, ChainStatus, Device, Items, Page } from '../api/types';
import { useT, type Translate } from '../i18n/i18n';
import { ErrorLine, failureText } from '../ui/errors';
import { formText } from '../ui/form-text';
import { instant } from '../ui/format';
import { useLoad } from '../ui/session';

type Filters = Record<'q' | 'action' | 'from' | 'to', string>;

function reasonText(t: Translate, reason: string): string {
  return reason === 'hash_mismatch' || reason === 'link_mismatch' ? t(`audit.reasons.${reason}`) : reason;
}

export function Audit(): JSX.Element {
  const { t, language } = useT();
  const chains = useLoad((a) => a.get<Items<ChainStatus>>('/v1/audit/chain'), []);
  const devices = useLoad((a) => a.get<Items<Device>>('/v1/admin/devices'), []);
  const [filters, setFilters] = useState<Filters>({ q: '', action: '', from: '', to: '' });
  const entries = useLoad((a) => a.get<Page<AuditRow>>('/v1/audit', { ...filters, limit: '100' }), [filters]);
  const nameOf = (deviceId: string) => devices.data?.items.find((d) => d.id === deviceId)?.name ?? deviceId.slice(0, 8);

  function search(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (name: keyof Filters) => formText(form, name);
    setFilters({ q: value('q'), action: value('action'), from: value('from'), to: value('to') });
  }

  const failure = chains.failure ?? entries.failure;
  return (
    <section>
      <h2>{t('audit.chainTitle')}</h2>
      <ErrorLine text={failure ? failureText(t, failure) : null} />
      <ul className="chains" data-testid="audit-chains">
        {chains.data?.items.map((c) => (
          <li
            key={c.deviceId}
            className={c.breaks.length > 0 ? 'error' : 'ok'}
            data-testid={`chain-${nameOf(c.deviceId)}`}
          >
            <strong>{nameOf(c.deviceId)}</strong>
            {' — '}
            {c.breaks.length > 0
              ? t('audit.chainBroken', { count: c.breaks.length })
              : c.lastChainSeq === null
                ? t('audit.chainEmpty')
                : t('audit.chainOk', { entries: c.entries, last: c.lastChainSeq })}
            {c.breaks.length > 0 && (
              <ul>
                {c.breaks.map((b) => (
                  <li key={`${b.chainSeq}-${b.reason}`}>
                    {t('audit.breakLine', {
                      seq: b.chainSeq,
                      reason: reasonText(t, b.reason),
                      at: instant(b.detectedAt, language),
                    })}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
      <h2>{t('audit.title')}</h2>
      <form className="inline" onSubmit={search}>
        <label>
          {t('audit.search')}
          <input name="q" maxLength={100} />
        </label>
        <label>
          {t('audit.action')}
          <input name="action" maxLength={100} placeholder="sale.*" />
        </label>
        <label>
          {t('documents.from')}
          <input name="from" type="date" />
        </label>
        <label>
          {t('documents.to')}
          <input name="to" type="date" />
        </label>
        <button type="submit">{t('documents.search')}</button>
      </form>
      {entries.data?.items.length === 0 && <p className="muted">{t('audit.none')}</p>}
      {entries.data && entries.data.items.length > 0 && (
        <table className="data-table" data-testid="audit-entries">
          <thead>
            <tr>
              <th>{t('audit.at')}</th>
              <th>{t('registers.name')}</th>
              <th>{t('audit.actor')}</th>
              <th>{t('audit.action')}</th>
              <th>{t('audit.document')}</th>
              <th>{t('audit.details')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.data.items.map((e) => (
              <tr key={e.eventId}>
                <td>{instant(e.at, language)}</td>
                <td>{nameOf(e.deviceId)}</td>
                <td>{e.actorName ?? e.actor}</td>
                <td>{e.action}</td>
                <td>{e.documentId ?? '—'}</td>
                <td>
                  <code>{JSON.stringify(e.details)}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
