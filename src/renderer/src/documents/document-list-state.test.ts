import { describe, expect, it } from 'vitest';
import type { DocumentSummary } from '../../../shared/ipc/schemas';
import { INITIAL_LIST, canLoadMore, listReducer, type ListAction } from './document-list-state';

const doc = (n: number, status: DocumentSummary['status'] = 'QUEUED'): DocumentSummary => ({
  id: `d${n}`,
  tipoDocumento: '01',
  numero: n,
  puntoFacturacion: '001',
  tipoEmision: '01',
  fechaEmision: '2026-11-28T10:15:00-05:00',
  status,
  totalFactura: '4.55',
  receptorNombre: null,
  cufe: null,
});

describe('documents list state', () => {
  it('appends pages of the current generation and knows when everything is loaded', () => {
    let state = listReducer(INITIAL_LIST, { type: 'reset' });
    expect(canLoadMore(state)).toBe(true);
    state = listReducer(state, { type: 'loading', generation: state.generation });
    expect(canLoadMore(state)).toBe(false);
    state = listReducer(state, {
      type: 'page',
      generation: state.generation,
      items: [doc(3), doc(2)],
      nextCursor: 'c1',
      total: 3,
    });
    expect(canLoadMore(state)).toBe(true);
    state = listReducer(state, {
      type: 'page',
      generation: state.generation,
      items: [doc(2), doc(1)],
      nextCursor: null,
      total: 3,
    });
    expect(state.items.map((d) => d.numero)).toEqual([3, 2, 1]);
    expect(canLoadMore(state)).toBe(false);
  });

  it('keeps whether the count stopped at the cap, page by page', () => {
    const page = (totalCapped?: true) =>
      ({
        type: 'page',
        generation: 0,
        items: [doc(1)],
        nextCursor: null,
        total: 1000,
        ...(totalCapped ? { totalCapped } : {}),
      }) satisfies ListAction;
    const capped = listReducer(INITIAL_LIST, page(true));
    expect(capped).toMatchObject({ total: 1000, totalCapped: true });
    expect(listReducer({ ...INITIAL_LIST }, page()).totalCapped).toBe(false);
    expect(listReducer(capped, { type: 'reset' }).totalCapped).toBe(false);
  });

  it('drops a page that arrives after the filter changed', () => {
    const old = listReducer(INITIAL_LIST, { type: 'reset' });
    const next = listReducer(old, { type: 'reset' });
    expect(
      listReducer(next, { type: 'page', generation: old.generation, items: [doc(1)], nextCursor: null, total: 1 }),
    ).toBe(next);
  });

  it('applies a live status change to a loaded document only', () => {
    const state = listReducer(INITIAL_LIST, {
      type: 'page',
      generation: 0,
      items: [doc(1), doc(2)],
      nextCursor: null,
      total: 2,
    });
    const updated = listReducer(state, { type: 'status', documentId: 'd2', to: 'AUTHORIZED' });
    expect(updated.items.map((d) => d.status)).toEqual(['QUEUED', 'AUTHORIZED']);
    expect(listReducer(state, { type: 'status', documentId: 'other', to: 'AUTHORIZED' })).toBe(state);
  });

  it('stops asking after a failure until reset', () => {
    const failed = listReducer(INITIAL_LIST, { type: 'failed', generation: 0, message: 'Error interno' });
    expect(failed.error).toBe('Error interno');
    expect(canLoadMore(failed)).toBe(false);
  });
});
