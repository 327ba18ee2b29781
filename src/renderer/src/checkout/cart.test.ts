import { describe, expect, it } from 'vitest';
import type { Product } from '../../../shared/ipc/schemas';
import {
  EMPTY_CART,
  cartReducer,
  formatQuantity,
  lineToItem,
  lineTotal,
  type CartAction,
  type CartState,
} from './cart';

const rice: Product = {
  id: 'p1',
  codigo: '1001',
  barcode: '7501234567890',
  descripcion: 'Arroz 5 lb',
  unidad: 'und',
  precio: '4.25',
  tasaItbms: '01',
};
const milk: Product = {
  id: 'p2',
  codigo: '1002',
  barcode: null,
  descripcion: 'Leche 1 L',
  unidad: 'und',
  precio: '1.10',
  tasaItbms: '00',
};

const run = (...actions: CartAction[]): CartState => actions.reduce(cartReducer, EMPTY_CART);

describe('cart reducer', () => {
  it('adds a product as a line and selects it; a second scan adds one more unit', () => {
    const state = run({ type: 'add', product: rice }, { type: 'add', product: milk }, { type: 'add', product: rice });
    expect(state.lines.map((l) => [l.codigo, formatQuantity(l.cantidad)])).toEqual([
      ['1001', '2'],
      ['1002', '1'],
    ]);
    expect(state.selected).toBe(state.lines[0]?.key);
  });

  it('adds a typed quantity ("3*code")', () => {
    const state = run({ type: 'add', product: rice, cantidad: '3' });
    expect(formatQuantity(state.lines[0]?.cantidad ?? '')).toBe('3');
  });

  it('edits quantity, price and discount, and refuses a discount not below the price', () => {
    const added = run({ type: 'add', product: rice });
    const key = added.lines[0]?.key ?? 0;
    const edited = cartReducer(added, {
      type: 'edit',
      key,
      cantidad: '2',
      precioUnitario: '4.00',
      descuentoUnitario: '0.50',
    });
    expect(edited.lines[0]).toMatchObject({ cantidad: '2', precioUnitario: '4.00', descuentoUnitario: '0.50' });
    expect(lineTotal(edited.lines[0]!)).toBe('7.49'); // 2 × 3.50 = 7.00 + 7 % = 7.49
    expect(lineToItem(edited.lines[0]!)).toMatchObject({ precioUnitarioDescuento: '0.50' });
    expect(
      cartReducer(edited, { type: 'edit', key, cantidad: '2', precioUnitario: '4.00', descuentoUnitario: '4.00' }),
    ).toBe(edited);
    expect(
      cartReducer(edited, { type: 'edit', key, cantidad: '0', precioUnitario: '4.00', descuentoUnitario: '0' }),
    ).toBe(edited);
  });

  it('steps the quantity but never below one unit', () => {
    const added = run({ type: 'add', product: rice });
    const key = added.lines[0]?.key ?? 0;
    const up = cartReducer(added, { type: 'step', key, delta: 1 });
    expect(formatQuantity(up.lines[0]!.cantidad)).toBe('2');
    expect(cartReducer(added, { type: 'step', key, delta: -1 })).toBe(added);
  });

  it('removes the selected line and keeps a selection for the next F8', () => {
    const state = run({ type: 'add', product: rice }, { type: 'add', product: milk }, { type: 'move', delta: -1 });
    expect(state.selected).toBe(state.lines[0]?.key);
    const removed = cartReducer(state, { type: 'remove', key: state.selected ?? 0 });
    expect(removed.lines.map((l) => l.codigo)).toEqual(['1002']);
    expect(removed.selected).toBe(removed.lines[0]?.key);
    const empty = cartReducer(removed, { type: 'remove', key: removed.selected ?? 0 });
    expect(empty.selected).toBeNull();
  });

  it('moves the selection within bounds and clears for a new sale without reusing keys', () => {
    const state = run({ type: 'add', product: rice }, { type: 'add', product: milk }, { type: 'move', delta: 1 });
    expect(state.selected).toBe(state.lines[1]?.key);
    const cleared = cartReducer(state, { type: 'clear' });
    expect(cleared.lines).toEqual([]);
    expect(cartReducer(cleared, { type: 'add', product: milk }).lines[0]?.key).toBeGreaterThan(
      state.lines[1]?.key ?? 0,
    );
  });
});
