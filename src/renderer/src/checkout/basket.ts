// The till's basket as the core keeps it (src/shared/ipc/areas/till/contract.ts Basket: parked sales and the draft that
// survives a restart), to and from what the checkout holds. The consumidor final is stored as null (the default
// customer).
import type { ReceptorInput } from '../../../shared/fiscal/receptor';
import type { Basket } from '../../../shared/ipc/areas/till/contract';
import type { TicketDiscount } from '../../../shared/till/ticket-discount';
import type { CartLine } from './cart';
import { CONSUMIDOR_FINAL } from './sale-draft';

export function toBasket(
  lines: readonly CartLine[],
  customer: ReceptorInput,
  ticketDiscount: TicketDiscount | null = null,
): Basket {
  const isDefault =
    customer.tipoClienteFE === '02' && Object.keys(customer).length === Object.keys(CONSUMIDOR_FINAL).length;
  return {
    lines: lines.map((l) => ({ ...l })),
    customer: isDefault ? null : customer,
    ...(ticketDiscount ? { ticketDiscount } : {}),
  };
}

export function fromBasket(basket: Basket): {
  lines: CartLine[];
  customer: ReceptorInput;
  ticketDiscount: TicketDiscount | null;
} {
  return {
    lines: basket.lines.map((l) => ({ ...l })),
    customer: basket.customer ?? CONSUMIDOR_FINAL,
    ticketDiscount: basket.ticketDiscount ?? null,
  };
}
