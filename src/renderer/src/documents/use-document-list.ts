// Loads the documents list page by page (documents:list with its cursor) for a filter and a search text, and keeps
// loaded rows' statuses live from main's document:status events.
import { useCallback, useEffect, useReducer, useRef } from 'react';
import type { DocumentStatus } from '../../../shared/fiscal/lifecycle';
import { useDocumentStatusEvents } from '../api/app-status';
import { attempt, sago } from '../api/sago';
import { INITIAL_LIST, canLoadMore, listReducer, type ListState } from './document-list-state';

export const PAGE_SIZE = 100;

export function useDocumentList(
  statuses: readonly DocumentStatus[] | undefined,
  query: string,
): { state: ListState; loadMore: () => void; reload: () => void } {
  const [state, dispatch] = useReducer(listReducer, INITIAL_LIST);
  const latest = useRef(state);
  latest.current = state;
  const filterKey = `${(statuses ?? []).join(',')}|${query.trim()}`;

  const loadMore = useCallback(() => {
    const current = latest.current;
    if (!canLoadMore(current)) return;
    const { generation } = current;
    dispatch({ type: 'loading', generation });
    latest.current = { ...current, loading: true }; // no second request before React re-renders
    const trimmed = query.trim();
    void attempt(() =>
      sago().documents.list({
        limit: PAGE_SIZE,
        ...(statuses ? { status: [...statuses] } : {}),
        ...(trimmed === '' ? {} : { query: trimmed }),
        ...(current.nextCursor ? { cursor: current.nextCursor } : {}),
      }),
    ).then((result) => {
      if (result.ok) dispatch({ type: 'page', generation, ...result.value });
      else dispatch({ type: 'failed', generation, message: result.error.message });
    });
    // filterKey stands for statuses and query (a statuses array changes identity on every render).
  }, [filterKey]);

  const reload = useCallback(() => dispatch({ type: 'reset' }), []);
  const shownKey = useRef(filterKey);
  useEffect(() => {
    if (shownKey.current === filterKey) return;
    shownKey.current = filterKey;
    reload();
  }, [filterKey, reload]);
  // First page of every generation (after a reset the state is empty and loadable).
  useEffect(() => {
    if (!state.loaded && !state.loading && state.error === null) loadMore();
  }, [state.generation, state.loaded, state.loading, state.error, loadMore]);

  useDocumentStatusEvents(
    useCallback((event) => dispatch({ type: 'status', documentId: event.documentId, to: event.to }), []),
  );
  return { state, loadMore, reload };
}
