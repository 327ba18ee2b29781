// The till's single hook into the customer display: the basket while it is rung up, then the total and the change
// once the sale is done (display-feed.ts). Browsers without BroadcastChannel simply have no display.
import { useEffect, useRef } from 'react';
import type { DocumentTotals } from '../../../shared/fiscal/totals';
import { money, toAmount2 } from '../../../shared/fiscal/money';
import type { CartLine } from '../checkout/cart';
import { createDisplayFeed, DISPLAY_CHANNEL, saleState, type DisplayState } from './display-feed';

export function useCustomerDisplay(
  lines: readonly CartLine[],
  totals: DocumentTotals,
  done: { total: string; change: string } | null,
): void {
  const feed = useRef<ReturnType<typeof createDisplayFeed> | null>(null);
  useEffect(() => {
    if (typeof BroadcastChannel === 'undefined') return;
    const created = createDisplayFeed(new BroadcastChannel(DISPLAY_CHANNEL));
    feed.current = created;
    return () => {
      created.close();
      feed.current = null;
    };
  }, []);
  const state: DisplayState = done
    ? { kind: 'done', total: done.total, received: toAmount2(money(done.total).plus(done.change)), change: done.change }
    : saleState(lines, totals);
  // After every render: the feed posts only when what the customer sees changed.
  useEffect(() => {
    feed.current?.show(state);
  });
}
