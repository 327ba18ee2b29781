import { describe, expect, it } from 'vitest';
import type { Item } from '../../../../shared/fiscal/item';
import { creditRequest, initialChoices, noteTotal } from './credit-lines';

const items: Item[] = [
  { codigo: 'P004', descripcion: 'Huevos', cantidad: '2', precioUnitario: '2.40', tasaItbms: '00' },
  { codigo: 'P011', descripcion: 'Refresco', cantidad: '3', precioUnitario: '1.85', tasaItbms: '01' },
];

describe('credit note lines', () => {
  it("credit every line in full by default, at the invoice's amounts", () => {
    const choices = initialChoices(items);
    expect(choices.map((c) => [c.line, c.cantidad, c.selected])).toEqual([
      [1, '2', true],
      [2, '3', true],
    ]);
    // 4.80 + 3 × 1.85 × 1.07 = 4.80 + 5.9385 → 10.74
    expect(creditRequest(items, choices)).toEqual({
      ok: true,
      lines: [
        { line: 1, cantidad: '2.00' },
        { line: 2, cantidad: '3.00' },
      ],
      total: '10.74',
    });
  });

  it('credit part of a line and skip another', () => {
    const choices = initialChoices(items).map((c) =>
      c.line === 1 ? { ...c, selected: false } : { ...c, cantidad: '1,5' },
    );
    // 1.5 × 1.85 = 2.775, ITBMS 0.194250 → 2.96925 → 2.97
    expect(creditRequest(items, choices)).toEqual({ ok: true, lines: [{ line: 2, cantidad: '1.50' }], total: '2.97' });
  });

  it('refuse more than was invoiced, a bad quantity, or nothing at all', () => {
    const base = initialChoices(items);
    expect(
      creditRequest(
        items,
        base.map((c) => (c.line === 2 ? { ...c, cantidad: '4' } : c)),
      ),
    ).toEqual({ ok: false, problem: 'overMax', line: 2 });
    expect(
      creditRequest(
        items,
        base.map((c) => (c.line === 1 ? { ...c, cantidad: 'dos' } : c)),
      ),
    ).toEqual({ ok: false, problem: 'badQuantity', line: 1 });
    expect(
      creditRequest(
        items,
        base.map((c) => (c.line === 1 ? { ...c, cantidad: '0' } : c)),
      ),
    ).toEqual({ ok: false, problem: 'badQuantity', line: 1 });
    expect(
      creditRequest(
        items,
        base.map((c) => ({ ...c, selected: false })),
      ),
    ).toEqual({ ok: false, problem: 'nothingSelected' });
  });

  it("offer only what earlier credit notes left (the core's ledger), and nothing of a line credited in full", () => {
    const choices = initialChoices(items, [
      { line: 1, remaining: '0' },
      { line: 2, remaining: '1' },
    ]);
    expect(choices.map((c) => [c.line, c.invoiced, c.max, c.cantidad, c.selected])).toEqual([
      [1, '2', '0', '0', false],
      [2, '3', '1', '1', true],
    ]);
    expect(creditRequest(items, choices)).toEqual({ ok: true, lines: [{ line: 2, cantidad: '1.00' }], total: '1.98' });
    expect(
      creditRequest(
        items,
        choices.map((c) => (c.line === 2 ? { ...c, cantidad: '2' } : c)),
      ),
    ).toEqual({ ok: false, problem: 'overMax', line: 2 });
  });

  it("takes off the credited items' share of a discount on the whole sale; without one, the items' total", () => {
    // Items 10.74, discount 1.00: crediting 5.94 of them takes off 1.00 × 5.94 / 10.74 = 0.553 → 0.55.
    expect(
      noteTotal({ items, descuentosGlobales: [{ descDescuento: 'Descuento', montoDescuento: '1.00' }] }, '5.94'),
    ).toBe('5.39');
    expect(noteTotal({ items }, '5.94')).toBe('5.94');
  });
});
