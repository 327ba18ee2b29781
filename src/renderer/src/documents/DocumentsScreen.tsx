// The documents list (every document, filtered and searchable) and the "necesita atención" view (rejected and
// failed documents, with retry). Statuses update live; rows load page by page as the list scrolls.
import { useEffect, useState, type JSX, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentStatus } from '../../../shared/fiscal/lifecycle';
import { formatBalboas } from '../../../shared/fiscal/money';
import type { DocumentSummary } from '../../../shared/ipc/schemas';
import { attempt, sago } from '../api/sago';
import { useManagerAction } from '../auth/manager-action';
import { fechaLocal } from '../../../shared/receipt/receipt-model';
import { GenericCreditNoteDialog } from './actions/GenericCreditNoteDialog';
import { StatusBadge } from './StatusBadge';
import { documentKindText } from './document-kind';
import { VirtualList } from './VirtualList';
import { moveSelection } from './virtual-range';
import { PAGE_SIZE, useDocumentList } from './use-document-list';

const FILTERS = {
  all: undefined,
  pending: ['QUEUED', 'PROCESSING'],
  authorized: ['AUTHORIZED'],
  rejected: ['REJECTED'],
  failed: ['FAILED'],
  collision: ['NUMBER_COLLISION'],
  annulled: ['ANNULLED'],
  cancelled: ['CANCELLED'],
} as const satisfies Record<string, readonly DocumentStatus[] | undefined>;
type Filter = keyof typeof FILTERS;
export const ATTENTION_STATUSES: readonly DocumentStatus[] = ['REJECTED', 'FAILED', 'NUMBER_COLLISION'];
const ROW_HEIGHT = 52;

export function DocumentsScreen(props: { mode: 'all' | 'attention'; onOpen: (id: string) => void }): JSX.Element {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<Filter>('all');
  const [query, setQuery] = useState('');
  const [retrying, setRetrying] = useState<Record<string, string>>({});
  const [genericNote, setGenericNote] = useState(false);
  const runAsManager = useManagerAction();
  const statuses = props.mode === 'attention' ? ATTENTION_STATUSES : FILTERS[filter];
  const { state, loadMore } = useDocumentList(statuses, query);
  // Keyboard: ↑/↓ (PgUp/PgDn, Home/End) in the search field choose a row, Enter opens it — no mouse needed.
  const [active, setActive] = useState(0);
  useEffect(() => setActive(0), [filter, query]);
  const onSearchKey = (e: KeyboardEvent<HTMLInputElement>): void => {
    if (e.key === 'Enter') {
      const doc = state.items[active];
      if (doc) props.onOpen(doc.id);
      return;
    }
    const next = moveSelection(active, e.key, state.items.length);
    if (next === null) return;
    e.preventDefault(); // Home/End would otherwise move the caret instead
    setActive(next);
  };

  async function retry(doc: DocumentSummary): Promise<void> {
    setRetrying((r) => ({ ...r, [doc.id]: t('documents.retrying') }));
    // A manager action: a cashier is asked for a gerente's PIN first (cancelling leaves the row as it was).
    const result = await runAsManager('documents:retry', (approval) =>
      attempt(() => sago().documents.retry({ id: doc.id, approval })),
    );
    if (result === null) {
      setRetrying((r) => Object.fromEntries(Object.entries(r).filter(([id]) => id !== doc.id)));
      return;
    }
    setRetrying((r) => ({ ...r, [doc.id]: result.ok ? t('documents.retried') : result.error.message }));
  }

  const row = (doc: DocumentSummary): JSX.Element => (
    <div className="doc-row" data-testid="document-row" data-number={doc.numero} onClick={() => props.onOpen(doc.id)}>
      <span className="mono">{String(doc.numero).padStart(10, '0')}</span>
      <span>{fechaLocal(doc.fechaEmision)}</span>
      <span className="ellipsis">
        {doc.tipoDocumento === '01' ? null : (
          <span className="doc-kind" data-testid="document-kind">
            {documentKindText(doc, t)} ·{' '}
          </span>
        )}
        {doc.receptorNombre ?? t('customerKinds.02')}
      </span>
      <span>{doc.tipoEmision === '02' ? <span className="tag">{t('documents.contingency')}</span> : null}</span>
      <span className="num strong">{formatBalboas(doc.totalFactura)}</span>
      <span>
        <StatusBadge status={doc.status} />
      </span>
      {props.mode === 'attention' ? (
        <span>
          {retrying[doc.id] ? (
            <span className="muted">{retrying[doc.id]}</span>
          ) : (
            <button
              type="button"
              className="button small"
              data-testid="retry"
              onClick={(e) => {
                e.stopPropagation();
                void retry(doc);
              }}
            >
              {t('documents.retry')}
            </button>
          )}
        </span>
      ) : null}
    </div>
  );

  return (
    <section className="documents" data-testid={props.mode === 'attention' ? 'attention-screen' : 'documents-screen'}>
      <header className="documents-toolbar">
        <h1>{t(props.mode === 'attention' ? 'attention.title' : 'documents.title')}</h1>
        <input
          className="documents-search"
          data-testid="documents-search"
          placeholder={t('documents.searchPlaceholder')}
          value={query}
          autoFocus
          aria-describedby="documents-keys"
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={onSearchKey}
        />
        <span className="muted" data-testid="documents-total">
          {t(state.totalCapped ? 'documentsCountCapped' : 'documents.count', { count: state.total })}
        </span>
        {props.mode === 'all' ? (
          <button
            type="button"
            className="button secondary"
            data-testid="generic-credit-note"
            onClick={() => setGenericNote(true)}
          >
            {t('documentActions.generic.button')}
          </button>
        ) : null}
      </header>
      {genericNote ? (
        <GenericCreditNoteDialog
          onClose={() => setGenericNote(false)}
          onCreated={(id) => {
            setGenericNote(false);
            props.onOpen(id);
          }}
        />
      ) : null}
      <p className="hint" id="documents-keys">
        {t('documents.keys')}
      </p>
      {props.mode === 'attention' ? (
        <p className="hint">{t('attention.intro')}</p>
      ) : (
        <div className="filters" role="group" aria-label={t('documents.filter')}>
          {(Object.keys(FILTERS) as Filter[]).map((key) => (
            <button
              key={key}
              type="button"
              className={filter === key ? 'chip active' : 'chip'}
              aria-pressed={filter === key}
              data-testid={`filter-${key}`}
              onClick={() => setFilter(key)}
            >
              {t(`documents.filters.${key}`)}
            </button>
          ))}
        </div>
      )}
      <div className={props.mode === 'attention' ? 'doc-row doc-head with-action' : 'doc-row doc-head'} role="row">
        <span>{t('documents.columns.number')}</span>
        <span>{t('documents.columns.date')}</span>
        <span>{t('documents.columns.customer')}</span>
        <span>{t('documents.columns.emission')}</span>
        <span className="num">{t('documents.columns.total')}</span>
        <span>{t('documents.columns.status')}</span>
        {props.mode === 'attention' ? <span /> : null}
      </div>
      {state.error ? (
        <p className="notice error" role="alert">
          {state.error}
        </p>
      ) : null}
      {state.loaded && state.items.length === 0 ? (
        <p className="empty-state">{t(props.mode === 'attention' ? 'attention.empty' : 'documents.empty')}</p>
      ) : (
        <div className={props.mode === 'attention' ? 'with-action vlist-wrap' : 'vlist-wrap'}>
          <VirtualList
            items={state.items}
            rowHeight={ROW_HEIGHT}
            hasMore={!state.loaded || state.nextCursor !== null}
            pageSize={PAGE_SIZE}
            onNeedMore={loadMore}
            renderRow={row}
            loadingRow={<div className="doc-row loading">{t('common.loading')}</div>}
            label={t('documents.title')}
            activeIndex={state.items.length > 0 ? active : undefined}
          />
        </div>
      )}
    </section>
  );
}
