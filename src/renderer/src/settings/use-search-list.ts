// A searchable list for the catalogue and customer sections: the query as typed, the rows of the last search (150 ms
// after the last keystroke, so a fast typist sends one request), and the Spanish error when a search fails.
import { useCallback, useEffect, useState } from 'react';
import type { IpcResult } from '../../../shared/ipc/api';
import { attempt } from '../api/sago';

export interface SearchList<T> {
  query: string;
  setQuery: (query: string) => void;
  items: T[];
  error: string | null;
  /** Runs the current query again (after a save or an import). */
  refresh: () => void;
}

export function useSearchList<T>(searchFor: (query: string) => Promise<IpcResult<T[]>>): SearchList<T> {
  const [query, setQuery] = useState('');
  const [items, setItems] = useState<T[]>([]);
  const [error, setError] = useState<string | null>(null);
  const search = useCallback(
    async (text: string) => {
      const result = await attempt(() => searchFor(text.trim()));
      if (result.ok) {
        setItems(result.value);
        setError(null);
      } else setError(result.error.message);
    },
    [searchFor],
  );
  useEffect(() => {
    const timer = window.setTimeout(() => void search(query), 150);
    return () => window.clearTimeout(timer);
  }, [query, search]);
  return { query, setQuery, items, error, refresh: () => void search(query) };
}
