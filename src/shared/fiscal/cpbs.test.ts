import { describe, expect, it } from 'vitest';
import { cpbsAbrevOf, cpbsItemFields } from './cpbs';
import { itemSchema } from './item';

describe('CPBS codes', () => {
  it('derives the abbreviated code (segment + family) from the full code', () => {
    expect(cpbsAbrevOf('7210')).toBe('72');
    expect(cpbsAbrevOf('1410')).toBe('14');
  });

  it('refuses to derive from something that is not a 4-digit code', () => {
    for (const bad of ['721', '72100', '72a0', '', ' 7210']) expect(() => cpbsAbrevOf(bad)).toThrow(/Not a CPBS code/);
  });

  it('gives item fields the fiscal item schema accepts, the unit only when there is one', () => {
    expect(cpbsItemFields('4410', null)).toEqual({ codigoCPBSAbrev: '44', codigoCPBS: '4410' });
    const fields = cpbsItemFields('5020', 'Caja');
    expect(fields).toEqual({ codigoCPBSAbrev: '50', codigoCPBS: '5020', unidadMedidaCPBS: 'Caja' });
    const item = { descripcion: 'Agua', cantidad: '1', precioUnitario: '1.00', tasaItbms: '00', ...fields };
    expect(itemSchema.safeParse(item).success).toBe(true);
  });
});
