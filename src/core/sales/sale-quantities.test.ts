import { describe, expect, it } from 'vitest';
import { anItem } from '../../../tests/fixtures/fiscal-documents';
import { openDatabase } from '../store/open-database';
import { DEFAULT_ISSUER_SETTINGS } from '../store/settings-repo';
import { captureSale, type CaptureDeps, type SaleDraft } from './capture-sale';

const NOW = new Date('2026-12-05T15:30:00Z');

function setup(): { deps: CaptureDeps; count: () => number } {
  const store = openDatabase({ path: ':memory:' });
  store.sqlite.exec(`INSERT INTO products (id, codigo, descripcion, unidad, precio, tasa_itbms) VALUES
    ('p1', 'P012', 'Jamón de pavo', 'kg', '4.20', '00'),
    ('p2', 'P013', 'Aceite 1 L', 'und', '3.10', '00')`);
  return {
    deps: {
      db: store.db,
      issuer: DEFAULT_ISSUER_SETTINGS,
      emissionMode: () => ({ tipoEmision: '01' }),
      clock: () => NOW,
      actor: 'u1',
    },
    count: () => (store.sqlite.prepare('SELECT COUNT(*) AS n FROM documents').get() as { n: number }).n,
  };
}

const draft = (items: SaleDraft['items'], pago: string): SaleDraft => ({
  tipoDocumento: '01',
  cliente: { tipoClienteFE: '02', pais: 'PA' },
  items,
  pagos: [{ formaPagoFact: '02', valorCuotaPagada: pago }],
  tiempoPago: '1',
});

describe('quantities by the product unit, in captureSale', () => {
  it('sells 0.375 kg of a weighed product', () => {
    const { deps, count } = setup();
    const jamon = anItem({
      codigo: 'P012',
      descripcion: 'Jamón de pavo',
      unidadMedida: 'kg',
      cantidad: '0.375',
      precioUnitario: '4.20',
      tasaItbms: '00',
    });
    const result = captureSale(deps, draft([jamon], '1.58'));
    expect(result.ok).toBe(true);
    expect(count()).toBe(1);
  });

  it('refuses a 4th decimal on a weighed product and half a counted one, naming both lines, and writes nothing', () => {
    const { deps, count } = setup();
    const jamon = anItem({
      codigo: 'P012',
      descripcion: 'Jamón de pavo',
      unidadMedida: 'kg',
      cantidad: '0.3755',
      precioUnitario: '4.20',
      tasaItbms: '00',
    });
    // The line claims kg, but the catalogue sells it by the unit: the catalogue decides.
    const aceite = anItem({
      codigo: 'P013',
      descripcion: 'Aceite 1 L',
      unidadMedida: 'kg',
      cantidad: '1.5',
      precioUnitario: '3.10',
      tasaItbms: '00',
    });
    const result = captureSale(deps, draft([jamon, aceite], '10.00'));
    expect(result).toEqual({
      ok: false,
      violations: [
        {
          path: 'items[0].cantidad',
          rule: 'weighed_quantity_decimals',
          message: 'Ítem 1: Jamón de pavo se vende por peso (kg): la cantidad 0.3755 admite hasta 3 decimales',
        },
        {
          path: 'items[1].cantidad',
          rule: 'whole_units_only',
          message: 'Ítem 2: Aceite 1 L se vende por unidades: la cantidad 1.5 debe ser un número entero',
        },
      ],
    });
    expect(count()).toBe(0);
  });

  it('checks a line outside the catalogue by its own unit, and leaves one with no unit alone', () => {
    const { deps } = setup();
    const loose = anItem({
      codigo: 'X1',
      descripcion: 'Suelto',
      unidadMedida: 'und',
      cantidad: '0.5',
      precioUnitario: '2.00',
      tasaItbms: '00',
    });
    expect(captureSale(deps, draft([loose], '1.00'))).toMatchObject({
      ok: false,
      violations: [{ rule: 'whole_units_only' }],
    });
    const noUnit = { ...loose, codigo: 'X2' };
    delete noUnit.unidadMedida;
    expect(captureSale(deps, draft([noUnit], '1.00')).ok).toBe(true);
  });
});
