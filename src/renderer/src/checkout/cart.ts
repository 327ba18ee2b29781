// The sale being rung up: lines, the selected line, and every edit the cashier can make. A pure reducer, so the
// checkout component stays thin and the rules (a second scan adds one more, a discount stays below the price) are
// unit-tested. Amounts are decimal strings; arithmetic goes through the fiscal core.
import type { TasaItbms } from '../../../shared/fiscal/codes';
import type { Item } from '../../../shared/fiscal/item';
import { money, toAmount6 } from '../../../shared/fiscal/money';
import { computeItemAmounts } from '../../../shared/fiscal/totals';
import type { Product } from '../../../shared/ipc/schemas';
import type { TicketDiscount } from '../../../shared/till/ticket-discount';

export interface CartLine {
  /** Stable React key and edit target; never reused within a sale. */
  key: number;
  productId: string;
  codigo: string;
  descripcion: string;
  unidad: string;
  cantidad: string;
  precioUnitario: string;
  /** The catalogue's price when the line was scanned: a different precioUnitario is a price override (loss prevention). */
  catalogPrice: string;
  /** Discount per unit in money (HKA precioUnitarioDescuento); '0' when none. */
  descuentoUnitario: string;
  tasaItbms: TasaItbms;
  /** The product's CPBS code and unit (null when it has none); sale-draft.ts sends them on sales to the State. */
  codigoCPBS: string | null;
  unidadMedidaCPBS: string | null;
  /** A medicine (product.requiereLote): the line must carry its lot (DGI gMedicina) before the sale can be sent. */
  requiereLote: boolean;
  medicina: Medicina | null;
}

/** A medicine's lot as the DGI's gMedicina carries it: number (5–35 characters) and quantity of the lot. */
export interface Medicina {
  nroLote: string;
  cantProductosLote: string;
}

export interface CartState {
  lines: CartLine[];
  /** Key of the selected line (the target of F8 and of line edits), or null. */
  selected: number | null;
  nextKey: number;
  /** The discount on the whole sale (ticket-discount.ts), or null. */
  ticketDiscount: TicketDiscount | null;
}

export type CartAction =
  | { type: 'add'; product: Product; cantidad?: string; medicina?: Medicina }
  | { type: 'edit'; key: number; cantidad: string; precioUnitario: string; descuentoUnitario: string }
  | { type: 'step'; key: number; delta: 1 | -1 }
  | { type: 'remove'; key: number }
  | { type: 'select'; key: number }
  | { type: 'move'; delta: 1 | -1 }
  | { type: 'clear' }
  /** Sets (or, with null, removes) the discount on the whole sale. */
  | { type: 'ticketDiscount'; discount: TicketDiscount | null }
  /** A basket recalled or restored (park and recall, the draft kept across a restart): its lines replace the cart's. */
  | { type: 'restore'; lines: CartLine[]; ticketDiscount?: TicketDiscount | null | undefined };

export const EMPTY_CART: CartState = { lines: [], selected: null, nextKey: 1, ticketDiscount: null };

function addProduct(state: CartState, product: Product, cantidad: string, medicina: Medicina | null): CartState {
  // A second scan of the same product at its catalogue price adds to the existing line, as cashiers expect; a
  // medicine only when it is from the same lot.
  const same = state.lines.find(
    (l) =>
      l.productId === product.id &&
      l.precioUnitario === toAmount6(money(product.precio)) &&
      l.descuentoUnitario === '0' &&
      l.medicina?.nroLote === medicina?.nroLote,
  );
  if (same?.medicina && medicina) {
    const total = toAmount6(money(same.cantidad).plus(cantidad));
    const lot = {
      ...same.medicina,
      cantProductosLote: String(Number(same.medicina.cantProductosLote) + Number(medicina.cantProductosLote)),
    };
    return {
      ...state,
      lines: state.lines.map((l) => (l === same ? { ...l, cantidad: total, medicina: lot } : l)),
      selected: same.key,
    };
  }
  if (same) {
    const lines = state.lines.map((l) =>
      l === same ? { ...l, cantidad: toAmount6(money(l.cantidad).plus(cantidad)) } : l,
    );
    return { ...state, lines, selected: same.key };
  }
  const line: CartLine = {
    key: state.nextKey,
    productId: product.id,
    codigo: product.codigo,
    descripcion: product.descripcion,
    unidad: product.unidad,
    cantidad: toAmount6(money(cantidad)),
    precioUnitario: toAmount6(money(product.precio)),
    catalogPrice: toAmount6(money(product.precio)),
    descuentoUnitario: '0',
    tasaItbms: product.tasaItbms,
    codigoCPBS: product.codigoCPBS ?? null,
    unidadMedidaCPBS: product.unidadMedidaCPBS ?? null,
    requiereLote: product.requiereLote ?? false,
    medicina,
  };
  return { ...state, lines: [...state.lines, line], selected: line.key, nextKey: state.nextKey + 1 };
}

/** The lot quantity follows the line's quantity while it was the same (the usual case: every unit from one lot). */
function withQuantity(line: CartLine, cantidad: string): CartLine {
  const followed =
    line.medicina !== null && money(line.medicina.cantProductosLote).eq(line.cantidad) && money(cantidad).isInteger();
  return {
    ...line,
    cantidad,
    ...(followed && line.medicina
      ? { medicina: { ...line.medicina, cantProductosLote: money(cantidad).toFixed(0) } }
      : {}),
  };
}

function removeLine(state: CartState, key: number): CartState {
  const index = state.lines.findIndex((l) => l.key === key);
  if (index < 0) return state;
  const lines = state.lines.filter((l) => l.key !== key);
  // Keep a selection so F8 can be pressed repeatedly: the line that took its place, else the new last line.
  const next = lines[Math.min(index, lines.length - 1)];
  return { ...state, lines, selected: next?.key ?? null };
}

export function cartReducer(state: CartState, action: CartAction): CartState {
  switch (action.type) {
    case 'add':
      return addProduct(state, action.product, action.cantidad ?? '1', action.medicina ?? null);
    case 'edit': {
      const { key, cantidad, precioUnitario, descuentoUnitario } = action;
      // Edits arrive already parsed (amount-input.ts); a discount not below the price is refused here too.
      if (money(descuentoUnitario).gt(0) && !money(descuentoUnitario).lt(precioUnitario)) return state;
      if (!money(cantidad).gt(0)) return state;
      return {
        ...state,
        lines: state.lines.map((l) =>
          l.key === key ? { ...withQuantity(l, cantidad), precioUnitario, descuentoUnitario } : l,
        ),
      };
    }
    case 'step': {
      const line = state.lines.find((l) => l.key === action.key);
      if (!line) return state;
      const cantidad = money(line.cantidad).plus(action.delta);
      if (!cantidad.gt(0)) return state; // F8 removes a line; "−" never silently does
      return { ...state, lines: state.lines.map((l) => (l === line ? withQuantity(l, toAmount6(cantidad)) : l)) };
    }
    case 'remove':
      return removeLine(state, action.key);
    case 'select':
      return state.lines.some((l) => l.key === action.key) ? { ...state, selected: action.key } : state;
    case 'move': {
      if (state.lines.length === 0) return state;
      const index = state.lines.findIndex((l) => l.key === state.selected);
      const from = index < 0 ? state.lines.length : index;
      const to = Math.max(0, Math.min(state.lines.length - 1, from + action.delta));
      return { ...state, selected: state.lines[to]?.key ?? null };
    }
    case 'clear':
      return { ...EMPTY_CART, nextKey: state.nextKey };
    case 'ticketDiscount':
      return { ...state, ticketDiscount: action.discount };
    case 'restore': {
      // New keys, so a key is never reused within this till's session whatever the basket's history.
      const lines = action.lines.map((l, i) => ({ ...l, key: state.nextKey + i }));
      return {
        lines,
        selected: lines.at(-1)?.key ?? null,
        nextKey: state.nextKey + lines.length,
        ticketDiscount: action.ticketDiscount ?? null,
      };
    }
  }
}

/** The line as a fiscal document item (what sales:complete receives), without CPBS: sale-draft.ts adds it for the State. */
export function lineToItem(line: CartLine): Item {
  return {
    codigo: line.codigo,
    descripcion: line.descripcion,
    unidadMedida: line.unidad,
    cantidad: line.cantidad,
    precioUnitario: line.precioUnitario,
    ...(money(line.descuentoUnitario).gt(0) ? { precioUnitarioDescuento: line.descuentoUnitario } : {}),
    tasaItbms: line.tasaItbms,
    ...(line.medicina ? { medicina: { ...line.medicina } } : {}),
  };
}

/** What the line costs, ITBMS included, as the core will compute it. */
export function lineTotal(line: CartLine): string {
  return computeItemAmounts(lineToItem(line)).valorTotal;
}

/** "2", "1.5", "0.125": quantities without trailing zeros. */
export function formatQuantity(cantidad: string): string {
  return money(cantidad).toFixed();
}
