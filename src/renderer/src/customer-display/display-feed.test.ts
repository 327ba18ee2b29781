import { describe, expect, it } from 'vitest';
import type { DocumentTotals } from '../../../shared/fiscal/totals';
import type { CartLine } from '../checkout/cart';
import { createDisplayFeed, isDisplayMessage, saleState, type DisplayMessage } from './display-feed';

function fakeChannel() {
  const posted: unknown[] = [];
  let listener: ((event: MessageEvent) => void) | null = null;
  return {
    posted,
    receive: (data: unknown) => listener?.({ data } as MessageEvent),
    postMessage: (message: unknown) => {
      posted.push(message);
    },
    addEventListener: (_type: string, l: (event: MessageEvent) => void) => {
      listener = l;
    },
    removeEventListener: () => {
      listener = null;
    },
    close: () => undefined,
  };
}

const line = (descripcion: string, cantidad: string) => ({ descripcion, cantidad }) as CartLine;
const totals = { items: [{ valorTotal: '8.56' }, { valorTotal: '1.10' }], totalFactura: '9.66' } as DocumentTotals;

describe('customer display feed', () => {
  it('shows each line with its tax included and the total; an empty basket is the welcome screen', () => {
    expect(saleState([line('Arroz 5 lb', '2.00'), line('Leche 1 L', '1')], totals)).toEqual({
      kind: 'sale',
      total: '9.66',
      lines: [
        { descripcion: 'Arroz 5 lb', cantidad: '2', importe: '8.56' },
        { descripcion: 'Leche 1 L', cantidad: '1', importe: '1.10' },
      ],
    });
    expect(saleState([], totals)).toEqual({ kind: 'idle' });
  });

  it('posts a state once, and answers a display opened late with the current one', () => {
    const channel = fakeChannel();
    const feed = createDisplayFeed(channel);
    const done = { kind: 'done' as const, total: '9.66', received: '10.00', change: '0.34' };
    feed.show(done);
    feed.show({ ...done });
    expect(channel.posted).toEqual([{ type: 'state', state: done }]);
    channel.receive({ type: 'hello' } satisfies DisplayMessage);
    expect(channel.posted).toEqual([
      { type: 'state', state: done },
      { type: 'state', state: done },
    ]);
    channel.receive({ type: 'state', state: { kind: 'idle' } });
    expect(channel.posted).toHaveLength(2);
  });

  it("ignores messages that are not the display's", () => {
    expect(isDisplayMessage({ type: 'state', state: { kind: 'sale' } })).toBe(true);
    expect(isDisplayMessage({ type: 'state', state: { kind: 'evil' } })).toBe(false);
    expect(isDisplayMessage('hello')).toBe(false);
    expect(isDisplayMessage(null)).toBe(false);
  });
});
