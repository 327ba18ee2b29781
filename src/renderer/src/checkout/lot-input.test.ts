import { describe, expect, it } from 'vitest';
import { EMPTY_CART, cartReducer, lineToItem } from './cart';
import { checkLot, proposedLotQuantity } from './lot-input';
import { buildSaleDraft, CONSUMIDOR_FINAL } from './sale-draft';
import type { Product } from '../../../shared/ipc/schemas';

const MEDICINE: Product = {
  id: 'm1',
  codigo: 'P017',
  barcode: '7451000023293',
  descripcion: 'Acetaminofén 500 mg',
  unidad: 'caja',
  precio: '1.90',
  tasaItbms: '00',
  requiereLote: true,
};

describe('the lot of a medicine at the till', () => {
  it('accepts a lot of 5 to 35 characters and a whole quantity, trimmed', () => {
    expect(checkLot('  L2026-0457 ', ' 2 ')).toEqual({
      ok: true,
      medicina: { nroLote: 'L2026-0457', cantProductosLote: '2' },
    });
    expect(checkLot('L204', '2')).toEqual({ ok: false, problems: { nroLote: 'lotLength' } });
    expect(checkLot('L2026\u001b0457', '0')).toEqual({
      ok: false,
      problems: { nroLote: 'lotCharacters', cantProductosLote: 'quantity' },
    });
    expect(checkLot('L2026-0457', '1.5')).toEqual({ ok: false, problems: { cantProductosLote: 'quantity' } });
  });

  it('proposes the line quantity when it is whole', () => {
    expect(proposedLotQuantity('3')).toBe('3');
    expect(proposedLotQuantity('3.00')).toBe('3');
    expect(proposedLotQuantity('0.5')).toBe('');
  });

  it('keeps lines of different lots apart, joins the same lot, and the lot quantity follows the line quantity', () => {
    const lot = (nroLote: string, cantProductosLote = '1') => ({ nroLote, cantProductosLote });
    let cart = cartReducer(EMPTY_CART, { type: 'add', product: MEDICINE, medicina: lot('L2026-0457') });
    cart = cartReducer(cart, { type: 'add', product: MEDICINE, medicina: lot('L2026-0457') });
    cart = cartReducer(cart, { type: 'add', product: MEDICINE, medicina: lot('L2027-0001') });
    expect(cart.lines.map((l) => [l.cantidad, l.medicina])).toEqual([
      ['2.00', lot('L2026-0457', '2')],
      ['1.00', lot('L2027-0001')],
    ]);
    cart = cartReducer(cart, { type: 'step', key: cart.lines[0]!.key, delta: 1 });
    expect(lineToItem(cart.lines[0]!)).toMatchObject({ cantidad: '3.00', medicina: lot('L2026-0457', '3') });
  });

  it('refuses to build a sale with a medicine line that has no lot', () => {
    const cart = cartReducer(EMPTY_CART, { type: 'add', product: MEDICINE });
    expect(buildSaleDraft(cart.lines, CONSUMIDOR_FINAL, [])).toEqual({
      ok: false,
      problem: 'lotMissing',
      products: [{ codigo: 'P017', descripcion: 'Acetaminofén 500 mg' }],
    });
  });
});
