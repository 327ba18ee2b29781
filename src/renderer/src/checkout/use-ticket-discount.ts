// The discount on the whole sale, cleared with the core like every discount (till:authorize, loss prevention): asked
// when the cashier gives it — the gerente's PIN over the store's limit — and asked again just before "Cobrar" when the
// basket changed since (a percentage grows with the basket; the same money off a smaller basket is a larger share),
// because sales:complete refuses a discount no grant covers. The core's refusal is the one that counts.
import { useCallback, useRef } from 'react';
import type { Item } from '../../../shared/fiscal/item';
import { money, sum, toAmount2 } from '../../../shared/fiscal/money';
import type { SaleDraft } from '../../../shared/ipc/schemas';
import { ticketDiscountAmount, type TicketDiscount } from '../../../shared/till/ticket-discount';
import { itemsTotal } from './sale-draft';
import type { TillVerdict } from './use-till-guard';
import type { TillAction } from '../../../shared/ipc/areas/loss-prevention/contract';

type Cleared = { itemsTotal: string; descuento: string };

export interface TicketDiscountGuard {
  /** Clears a new discount on these items with the core (null: removing it asks nothing). */
  give: (discount: TicketDiscount | null, items: readonly Item[]) => Promise<TillVerdict>;
  /** Before the sale goes: the discount as the draft carries it, cleared again if it is not what was cleared. */
  confirm: (draft: SaleDraft) => Promise<TillVerdict>;
  /** The sale was saved: its grant is spent, so the next sale's discount is cleared anew even at the same figures. */
  spent: () => void;
}

export function useTicketDiscount(
  guard: (actions: readonly TillAction[]) => Promise<TillVerdict>,
): TicketDiscountGuard {
  const cleared = useRef<Cleared | null>(null);
  const ask = useCallback(
    async (wanted: Cleared): Promise<TillVerdict> => {
      const verdict = await guard([
        { kind: 'ticketDiscount', itemsTotal: wanted.itemsTotal, descuento: wanted.descuento },
      ]);
      if (verdict.ok) cleared.current = wanted;
      return verdict;
    },
    [guard],
  );

  const give = useCallback(
    async (discount: TicketDiscount | null, items: readonly Item[]): Promise<TillVerdict> => {
      if (discount === null) return { ok: true };
      const total = itemsTotal(items);
      return ask({ itemsTotal: total, descuento: ticketDiscountAmount(discount, total) });
    },
    [ask],
  );

  const confirm = useCallback(
    async (draft: SaleDraft): Promise<TillVerdict> => {
      const given = draft.descuentosGlobales ?? [];
      if (given.length === 0) return { ok: true };
      const wanted = {
        itemsTotal: itemsTotal(draft.items),
        descuento: toAmount2(sum(given.map((d) => money(d.montoDescuento)))),
      };
      const before = cleared.current;
      if (before && money(before.itemsTotal).eq(wanted.itemsTotal) && money(before.descuento).eq(wanted.descuento))
        return { ok: true };
      return ask(wanted);
    },
    [ask],
  );

  const spent = useCallback(() => {
    cleared.current = null;
  }, []);
  return { give, confirm, spent };
}
