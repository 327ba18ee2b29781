// The basket's life outside the screen: the draft saved in SQLite as the cashier works (debounced; flushed at once
// before a lock) and restored when the till starts — a crash or restart loses nothing — and park/recall. The core
// decides whose draft it is (till:loadDraft parks another user's basket under their name and says so).
import { useCallback, useEffect, useRef } from 'react';
import type { ReceptorInput } from '../../../shared/fiscal/receptor';
import type { Basket, ParkedSale } from '../../../shared/ipc/areas/till/contract';
import type { TicketDiscount } from '../../../shared/till/ticket-discount';
import { attempt, errorLines, sago } from '../api/sago';
import { beforeLock } from '../auth/before-lock';
import { toBasket } from './basket';
import type { CartLine } from './cart';

/** How long the till waits after the last change before saving the draft (a scan burst is one save). */
export const DRAFT_SAVE_DELAY_MS = 300;

export type HeldResult<T> = { ok: true; value: T } | { ok: false; lines: string[] };

export interface HeldSales {
  park: (label: string) => Promise<HeldResult<ParkedSale>>;
  recall: (id: string) => Promise<HeldResult<{ basket: Basket; parked: ParkedSale }>>;
  list: () => Promise<HeldResult<ParkedSale[]>>;
}

export function useHeldSales(props: {
  lines: readonly CartLine[];
  customer: ReceptorInput;
  ticketDiscount: TicketDiscount | null;
  /** The draft found at start: the till puts it back. */
  onRestore: (basket: Basket) => void;
  /** Another user's basket found at start, parked under their name by the core. */
  onParkedForOther: (parked: ParkedSale) => void;
}): HeldSales {
  const loaded = useRef(false);
  const timer = useRef<number | null>(null);
  const latest = useRef<Basket>(toBasket(props.lines, props.customer, props.ticketDiscount));
  latest.current = toBasket(props.lines, props.customer, props.ticketDiscount);
  const { onRestore, onParkedForOther } = props;

  const save = useCallback(async (): Promise<void> => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
    if (!loaded.current) return;
    const basket = latest.current;
    await attempt(() => sago().till.saveDraft({ basket: basket.lines.length > 0 ? basket : null }));
  }, []);

  // Loaded once per till (a ref, not the effect's closure: React may run a mount effect twice, and a second
  // till:loadDraft would find nothing — the first one already parked another user's basket).
  const loadStarted = useRef(false);
  const mounted = useRef(false);
  useEffect(() => {
    mounted.current = true;
    if (!loadStarted.current) {
      loadStarted.current = true;
      void attempt(() => sago().till.loadDraft({})).then((result) => {
        if (!mounted.current) return;
        loaded.current = true;
        if (!result.ok) return;
        if (result.value.basket) onRestore(result.value.basket);
        if (result.value.parkedForOther) onParkedForOther(result.value.parkedForOther);
      });
    }
    const unregister = beforeLock(save);
    return () => {
      mounted.current = false;
      unregister();
      // Unmounting (another user signed in) must not write: the draft belongs to whoever owned it.
      if (timer.current !== null) window.clearTimeout(timer.current);
    };
  }, [onRestore, onParkedForOther, save]);

  const key = JSON.stringify(latest.current);
  useEffect(() => {
    if (!loaded.current) return;
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => void save(), DRAFT_SAVE_DELAY_MS);
  }, [key, save]);

  return {
    park: async (label) => {
      if (timer.current !== null) window.clearTimeout(timer.current); // the park empties the draft; no late save may refill it
      timer.current = null;
      const result = await attempt(() =>
        sago().till.park({ basket: latest.current, ...(label.trim() ? { label: label.trim() } : {}) }),
      );
      return result.ok ? result : { ok: false, lines: errorLines(result.error) };
    },
    recall: async (id) => {
      const result = await attempt(() => sago().till.recall({ id }));
      return result.ok ? result : { ok: false, lines: errorLines(result.error) };
    },
    list: async () => {
      const result = await attempt(() => sago().till.parked({}));
      return result.ok ? result : { ok: false, lines: errorLines(result.error) };
    },
  };
}
