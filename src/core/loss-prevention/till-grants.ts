// Approvals a cashier got at the till for a price override or a discount, kept until the sale that uses them: the
// gerente approves the change when it is made (till:authorize), and sales:complete checks that every exception of
// the sale (shared/loss-prevention/sale-exceptions.ts) has its grant. Bound to the cashier who asked (they survive a
// "Bloquear" with the sale in progress, never another user), in memory only (a restart voids them), spent by the sale
// that uses them.
import type { SaleException } from '../../shared/loss-prevention/sale-exceptions';
import { money } from '../../shared/fiscal/money';

interface Grant {
  exception: SaleException;
  approverId: string | undefined;
  expiresAt: number;
}

/** How long a grant waits for its sale: a long basket, not the next shift. */
export const GRANT_TTL_MS = 60 * 60_000;

function covers(grant: SaleException, needed: SaleException): boolean {
  switch (needed.kind) {
    case 'priceOverride':
      return grant.kind === 'priceOverride' && grant.codigo === needed.codigo && money(grant.after).eq(needed.after);
    case 'lineDiscount':
      return (
        grant.kind === 'lineDiscount' &&
        grant.codigo === needed.codigo &&
        money(grant.precioUnitario).eq(needed.precioUnitario) &&
        money(needed.descuentoUnitario).lte(grant.descuentoUnitario)
      );
    case 'ticketDiscount':
      // The same money off a smaller basket is a larger discount than was approved.
      return (
        grant.kind === 'ticketDiscount' &&
        money(needed.descuento).lte(grant.descuento) &&
        money(needed.descuento).times(grant.itemsTotal).lte(money(grant.descuento).times(needed.itemsTotal))
      );
  }
}

export class TillGrants {
  private readonly byUser = new Map<string, Grant[]>();

  add(userId: string, exception: SaleException, approverId: string | undefined, now: Date): void {
    const live = this.live(userId, now);
    live.push({ exception, approverId, expiresAt: now.getTime() + GRANT_TTL_MS });
    this.byUser.set(userId, live);
  }

  /**
   * The grant covering each exception (one grant per exception), or the exceptions nobody approved. Nothing is spent
   * here: `spend` does that once the sale is saved.
   */
  match(
    userId: string,
    needed: readonly SaleException[],
    now: Date,
  ): { ok: true; grants: Grant[] } | { ok: false; missing: SaleException[] } {
    const pool = [...this.live(userId, now)];
    const grants: Grant[] = [];
    const missing: SaleException[] = [];
    for (const exception of needed) {
      const index = pool.findIndex((g) => covers(g.exception, exception));
      if (index < 0) missing.push(exception);
      else grants.push(...pool.splice(index, 1));
    }
    return missing.length > 0 ? { ok: false, missing } : { ok: true, grants };
  }

  spend(userId: string, grants: readonly Grant[]): void {
    this.byUser.set(
      userId,
      (this.byUser.get(userId) ?? []).filter((g) => !grants.includes(g)),
    );
  }

  private live(userId: string, now: Date): Grant[] {
    return (this.byUser.get(userId) ?? []).filter((g) => g.expiresAt > now.getTime());
  }
}
