import { describe, expect, it } from 'vitest';
import type { FiscalDocument } from '../../../shared/fiscal/document';
import { returnChoices, returnRequest, withQuantity } from './till-return';

const invoice = {
  items: [
    { codigo: 'P008', descripcion: 'Detergente', cantidad: '3', precioUnitario: '4.50', tasaItbms: '01' },
    { codigo: 'P001', descripcion: 'Arroz', cantidad: '1', precioUnitario: '3.25', tasaItbms: '00' },
  ],
} as unknown as FiscalDocument;
const discounted = {
  ...invoice,
  descuentosGlobales: [{ descDescuento: 'Descuento 10 %', montoDescuento: '1.77' }],
} as FiscalDocument;
const LEFT = [
  { line: 1, remaining: '1', remainingAmount: '4.82' },
  { line: 2, remaining: '1', remainingAmount: '3.25' },
];
const MOTIVO = 'Producto dañado al abrirlo';

describe('a return at the till', () => {
  it('offers every line with what is left, none chosen; typing units chooses the line', () => {
    const choices = returnChoices(invoice, LEFT);
    expect(choices.map((c) => [c.line, c.max, c.selected])).toEqual([
      [1, '1', false],
      [2, '1', false],
    ]);
    expect(withQuantity(choices, 1, '1')[0]?.selected).toBe(true);
    expect(withQuantity(choices, 1, '0')[0]?.selected).toBe(false);
    expect(returnRequest(invoice, choices, MOTIVO)).toEqual({ ok: false, problem: 'nothingSelected' });
  });

  it('never asks for more than is left, and needs a reason of 15 to 250 characters', () => {
    const choices = withQuantity(returnChoices(invoice, LEFT), 1, '2');
    expect(returnRequest(invoice, choices, MOTIVO)).toEqual({ ok: false, problem: 'overMax', line: 1 });
    const one = withQuantity(choices, 1, '1');
    expect(returnRequest(invoice, one, 'corto')).toEqual({ ok: false, problem: 'reasonShort' });
    expect(returnRequest(invoice, one, 'x'.repeat(251))).toEqual({ ok: false, problem: 'reasonLong' });
    // 4.50 + 7 % = 4.815 → 4.82
    expect(returnRequest(invoice, one, MOTIVO)).toEqual({
      ok: true,
      lines: [{ line: 1, cantidad: '1.00' }],
      total: '4.82',
    });
  });

  it("takes off the returned items' share of a discount on the whole sale, as the core does", () => {
    const all = withQuantity(returnChoices(discounted, null), 1, '3');
    // 14.45 − 1.77 × 14.45 / 17.70 (1.445 → 1.45) = 13.00
    expect(returnRequest(discounted, all, MOTIVO)).toMatchObject({ ok: true, total: '13.00' });
  });
});
