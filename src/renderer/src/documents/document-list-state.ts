// The documents list as loaded so far: pages fetched with an opaque cursor (documents:list), live status changes
// applied in place, and a generation number so a page that arrives after the filter changed is dropped.
import type { DocumentStatus } from '../../../shared/fiscal/lifecycle';
import type { DocumentSummary } from '../../../shared/ipc/schemas';

export interface ListState {
  generation: number;
  items: DocumentSummary[];
  /** Cursor of the next page; null when everything matching is loaded. */
  nextCursor: string | null;
  /** Documents matching the filter in the database (not only the loaded ones). */
  total: number;
  /** The count stopped at documents:list's cap (a broad search): `total` is a floor, shown as "1,000+". */
  totalCapped: boolean;
  loading: boolean;
  /** Set when the last page request failed (Spanish message from main); cleared by the next success. */
  error: string | null;
  /** False until the first page of this generation arrived. */
  loaded: boolean;
}

export type ListAction =
  | { type: 'reset' }
  | { type: 'loading'; generation: number }
  | {
      type: 'page';
      generation: number;
      items: DocumentSummary[];
      nextCursor: string | null;
      total: number;
      totalCapped?: true | undefined;
    }
  | { type: 'failed'; generation: number; message: string }
  | { type: 'status'; documentId: string; to: DocumentStatus };

export const INITIAL_LIST: ListState = {
  generation: 0,
  items: [],
  nextCursor: null,
  total: 0,
  totalCapped: false,
  loading: false,
  error: null,
  loaded: false,
};

export function listReducer(state: ListState, action: ListAction): ListState {
  switch (action.type) {
    case 'reset':
      return { ...INITIAL_LIST, generation: state.generation + 1 };
    case 'loading':
      return action.generation === state.generation ? { ...state, loading: true } : state;
    case 'page': {
      if (action.generation !== state.generation) return state;
      // A document already on screen (e.g. shifted by a new sale between pages) is not listed twice.
      const seen = new Set(state.items.map((d) => d.id));
      const fresh = action.items.filter((d) => !seen.has(d.id));
      return {
        ...state,
        items: [...state.items, ...fresh],
        nextCursor: action.nextCursor,
        total: action.total,
        totalCapped: action.totalCapped === true,
        loading: false,
        error: null,
        loaded: true,
      };
    }
    case 'failed':
      return action.generation === state.generation ? { ...state, loading: false, error: action.message } : state;
    case 'status': {
      const index = state.items.findIndex((d) => d.id === action.documentId);
      const current = state.items[index];
      if (!current || current.status === action.to) return state;
      const items = state.items.slice();
      items[index] = { ...current, status: action.to };
      return { ...state, items };
    }
  }
}

/** Whether another page should be requested now. */
export function canLoadMore(state: ListState): boolean {
  return !state.loading && state.error === null && (!state.loaded || state.nextCursor !== null);
}
