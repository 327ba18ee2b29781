// What the customer display shows, and how it gets there: the till posts each state on a BroadcastChannel of the
// app's own origin, and the display page (another window of the same app on the second monitor, or another tab of
// the web host) listens. Nothing crosses the IPC boundary and the display holds no session: it can only show what
// the till sends. A display opened late asks ('hello') and the till answers with what it shows now.
import { CUSTOMER_DISPLAY_HASH } from '../../../shared/customer-display';
import { money } from '../../../shared/fiscal/money';
import type { DocumentTotals } from '../../../shared/fiscal/totals';
import type { CartLine } from '../checkout/cart';

export type DisplayState =
  | { kind: 'idle' }
  | { kind: 'sale'; lines: { descripcion: string; cantidad: string; importe: string }[]; total: string }
  | { kind: 'done'; total: string; received: string; change: string };

export type DisplayMessage = { type: 'state'; state: DisplayState } | { type: 'hello' };

export const DISPLAY_CHANNEL = 'sago-customer-display';
/** The display's route (hash), in the web host and in the desktop app's second window. */
export const DISPLAY_HASH = CUSTOMER_DISPLAY_HASH;

/** The basket as the customer sees it: each line with its tax included ("2", not "2.00"), and the total to pay. */
export function saleState(lines: readonly CartLine[], totals: DocumentTotals): DisplayState {
  if (lines.length === 0) return { kind: 'idle' };
  return {
    kind: 'sale',
    lines: lines.map((line, i) => ({
      descripcion: line.descripcion,
      cantidad: money(line.cantidad).toFixed(),
      importe: totals.items[i]?.valorTotal ?? '0.00',
    })),
    total: totals.totalFactura,
  };
}

export function isDisplayMessage(data: unknown): data is DisplayMessage {
  if (typeof data !== 'object' || data === null) return false;
  const m = data as { type?: unknown; state?: { kind?: unknown } };
  return m.type === 'hello' || (m.type === 'state' && ['idle', 'sale', 'done'].includes(String(m.state?.kind)));
}

/** What the feed needs of a BroadcastChannel (tests give it a fake). */
export interface DisplayPort {
  postMessage(message: DisplayMessage): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  close(): void;
}

/** The till's side: post a state, and answer a display that says hello with the latest one. */
export function createDisplayFeed(channel: DisplayPort) {
  let current: DisplayState = { kind: 'idle' };
  const onMessage = (event: MessageEvent): void => {
    if (isDisplayMessage(event.data) && event.data.type === 'hello')
      channel.postMessage({ type: 'state', state: current } satisfies DisplayMessage);
  };
  channel.addEventListener('message', onMessage);
  return {
    show(state: DisplayState): void {
      if (JSON.stringify(state) === JSON.stringify(current)) return;
      current = state;
      channel.postMessage({ type: 'state', state } satisfies DisplayMessage);
    },
    close(): void {
      channel.removeEventListener('message', onMessage);
      channel.close();
    },
  };
}
