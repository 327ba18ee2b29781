// Documents of every store, newest first, filtered by the server (store, status, number, dates), a page at a time;
// the rows shown can be exported as CSV.
import { useState, type FormEvent, type JSX } from 'react';
import { DOCUMENT_STATUSES } from '../../../shared/fiscal/lifecycle';
import type { DocumentRow, Items, Page, Store } from '../api/types';
import { useT } from '../i18n/i18n';
import { downloadCsv } from '../ui/csv-download';
import { ErrorLine, failureText } from '../ui/errors';
import { formText } from '../ui/form-text';
import { balboas, instant } from '../ui/format';
import { useLoad, useSession } from '../ui/session';

type Filters = Record<'storeId' | 'status' | 'numero' | 'from' | 'to', string>;
const NO_FILTERS: Filters = { storeId: '', status: '', numero: '', from: '', to: '' };

export function Documents(): JSX.Element {
  const { t, language } = useT();
  const { api } = useSession();
  const stores = useLoad((a) => a.get<Items<Store>>('/v1/admin/stores'), []);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const page = useLoad((a) => a.get<Page<DocumentRow>>('/v1/documents', { ...filters, limit: '100' }), [filters]);
  /** Pages loaded after the first; `loaded` once any was (its cursor then replaces the first page's). */
  const [more, setMore] = useState<{
    rows: DocumentRow[];
    cursor: string | null;
    loaded: boolean;
    error: string | null;
  }>({ rows: [], cursor: null, loaded: false, error: null });
  const rows = [...(page.data?.items ?? []), ...more.rows];
  const cursor = more.loaded ? more.cursor : (page.data?.nextCursor ?? null);

  function search(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (name: keyof Filters) => formText(form, name);
    setMore({ rows: [], cursor: null, loaded: false, error: null });
    setFilters({
      storeId: value('storeId'),
      status: value('status'),
      numero: value('numero'),
      from: value('from'),
      to: value('to'),
    });
  }

  async function loadMore(): Promise<void> {
    if (!cursor) return;
    const next = await api.get<Page<DocumentRow>>('/v1/documents', { ...filters, limit: '100', cursor });
    setMore((m) =>
      next.ok
        ? { rows: [...m.rows, ...next.value.items], cursor: next.value.nextCursor, loaded: true, error: null }
        : { ...m, error: failureText(t, next.failure) },
    );
  }

  const statusLabel = (status: string) =>
    (DOCUMENT_STATUSES as readonly string[]).includes(status)
      ? t(`status_labels.${status as (typeof DOCUMENT_STATUSES)[number]}`)
      : status;
  const exportCsv = () =>
    downloadCsv(
      'documentos.csv',
      [
        t('documents.store'),
        t('documents.numero'),
        t('documents.type'),
        t('documents.emission'),
        t('documents.status'),
        t('documents.total'),
        t('documents.issued'),
        'documentId',
        'deviceId',
      ],
      rows.map((d) => [
        d.storeCode,
        d.numero,
        d.tipoDocumento,
        d.tipoEmision,
        statusLabel(d.status),
        d.total,
        d.issuedAt,
        d.documentId,
        d.deviceId,
      ]),
    );

  return (
    <section>
      <h2>{t('documents.title')}</h2>
      <form className="inline" onSubmit={search} data-testid="document-filters">
        <label>
          {t('documents.store')}
          <select name="storeId" defaultValue="">
            <option value="">{t('documents.any')}</option>
            {stores.data?.items.map((s) => (
              <option key={s.id} value={s.id}>
                {s.code} · {s.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('documents.status')}
          <select name="status" defaultValue="">
            <option value="">{t('documents.anyStatus')}</option>
            {DOCUMENT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {statusLabel(s)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('documents.numero')}
          <input name="numero" inputMode="numeric" size={8} />
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
        <button type="button" onClick={exportCsv} disabled={rows.length === 0}>
          {t('documents.exportCsv')}
        </button>
      </form>
      <ErrorLine text={page.failure ? failureText(t, page.failure) : more.error} />
      {page.data && rows.length === 0 && <p className="muted">{t('documents.none')}</p>}
      {rows.length > 0 && (
        <table className="data-table" data-testid="documents">
          <thead>
            <tr>
              <th>{t('documents.issued')}</th>
              <th>{t('documents.store')}</th>
              <th className="num">{t('documents.numero')}</th>
              <th>{t('documents.type')}</th>
              <th>{t('documents.emission')}</th>
              <th>{t('documents.status')}</th>
              <th className="num">{t('documents.total')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((d) => (
              <tr key={d.documentId}>
                <td>{instant(d.issuedAt, language)}</td>
                <td>{d.storeCode}</td>
                <td className="num">{d.numero ?? '—'}</td>
                <td>{d.tipoDocumento ?? '—'}</td>
                <td>{d.tipoEmision ?? '—'}</td>
                <td>{statusLabel(d.status)}</td>
                <td className="num">{balboas(d.total)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {cursor && (
        <button type="button" onClick={() => void loadMore()}>
          {t('documents.more')}
        </button>
      )}
    </section>
  );
}
