import { describe, expect, it } from 'vitest';
import { fromBasket, toBasket } from './basket';
import { EMPTY_CART, cartReducer, type CartLine } from './cart';
import { CONSUMIDOR_FINAL } from './sale-draft';

const line: CartLine = {
  key: 7,
  productId: 'p1',
  codigo: 'P001',
  descripcion: 'Arroz',
  unidad: 'und',
  cantidad: '2',
  precioUnitario: '3.25',
  catalogPrice: '3.25',
  descuentoUnitario: '0',
  tasaItbms: '00',
  codigoCPBS: null,
  unidadMedidaCPBS: null,
  requiereLote: false,
  medicina: null,
};

describe('the basket kept by the core', () => {
  it('round-trips lines and the customer; the consumidor final is stored as null', () => {
    const basket = toBasket([line], CONSUMIDOR_FINAL);
    expect(basket.customer).toBeNull();
    expect(fromBasket(basket)).toEqual({ lines: [line], customer: CONSUMIDOR_FINAL, ticketDiscount: null });
    const contribuyente = {
      tipoClienteFE: '01' as const,
      tipoContribuyente: '2' as const,
      numeroRUC: '155596713-2-2015',
      digitoVerificadorRUC: '59',
      razonSocial: 'THE FACTORY HKA CORP',
      direccion: 'Ave. La Paz',
      pais: 'PA',
    };
    expect(toBasket([line], contribuyente).customer).toEqual(contribuyente);
  });

  it('keeps the discount on the whole sale with the basket, and restores it', () => {
    const discount = { kind: 'percent' as const, value: '10' };
    const basket = toBasket([line], CONSUMIDOR_FINAL, discount);
    expect(fromBasket(basket).ticketDiscount).toEqual(discount);
    expect(
      cartReducer(EMPTY_CART, { type: 'restore', lines: [line], ticketDiscount: discount }).ticketDiscount,
    ).toEqual(discount);
    expect(cartReducer({ ...EMPTY_CART, ticketDiscount: discount }, { type: 'clear' }).ticketDiscount).toBeNull();
  });

  it('restores lines with fresh keys and selects the last one', () => {
    const state = cartReducer(
      { ...EMPTY_CART, nextKey: 3 },
      { type: 'restore', lines: [line, { ...line, key: 9, codigo: 'P002' }] },
    );
    expect(state.lines.map((l) => l.key)).toEqual([3, 4]);
    expect(state).toMatchObject({ selected: 4, nextKey: 5 });
  });
});
