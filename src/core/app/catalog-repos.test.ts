import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type OpenedDatabase } from '../store/open-database';
import { AppError } from './app-error';
import { saveCustomer, searchCustomers } from './customers-repo';
import { DEMO_CATALOGUE, seedDemoCatalogue } from './demo-catalogue';
import { lookupProduct, saveProduct, searchProducts } from './products-repo';
import { foldText } from './text-search';
import { CPBS_2020, UNIDADES_MEDIDA_2020 } from '../hka/simulator/dgi/rfe-2020-catalogues';

const AT = new Date('2026-11-28T15:00:00Z');
let store: OpenedDatabase;

beforeEach(() => {
  store = openDatabase({ path: ':memory:' });
});
afterEach(() => store.close());

const count = (table: string) => (store.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

function expectAppError(work: () => unknown, code: string, message: RegExp): void {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe(code);
    expect((error as AppError).message).toMatch(message);
    return;
  }
  expect.fail('expected an AppError');
}

describe('demo catalogue', () => {
  it('has valid EAN-13 barcodes, unique codes and every ITBMS rate', () => {
    for (const p of DEMO_CATALOGUE) {
      const digits = [...(p.barcode ?? '')].map(Number);
      expect(digits).toHaveLength(13);
      const sum = digits.slice(0, 12).reduce((acc, d, i) => acc + d * (i % 2 ? 3 : 1), 0);
      expect((10 - (sum % 10)) % 10, p.codigo).toBe(digits[12]);
    }
    expect(new Set(DEMO_CATALOGUE.map((p) => p.codigo)).size).toBe(DEMO_CATALOGUE.length);
    expect(new Set(DEMO_CATALOGUE.map((p) => p.tasaItbms))).toEqual(new Set(['00', '01', '02', '03']));
  });

  it('gives most products a CPBS code and unit from the DGI 2020 catalogue, and leaves some without', () => {
    const classified = DEMO_CATALOGUE.filter((p) => p.codigoCPBS);
    expect(classified.length).toBeGreaterThan(DEMO_CATALOGUE.length / 2);
    expect(classified.length).toBeLessThan(DEMO_CATALOGUE.length);
    for (const p of classified) {
      expect(CPBS_2020.has(p.codigoCPBS ?? ''), p.codigo).toBe(true);
      expect(UNIDADES_MEDIDA_2020.has(p.unidadMedidaCPBS ?? ''), p.codigo).toBe(true);
    }
  });

  it('is seeded once, and never into a catalogue that already has products', () => {
    expect(seedDemoCatalogue(store.db, AT)).toBe(DEMO_CATALOGUE.length);
    store.sqlite.prepare('DELETE FROM products').run();
    expect(seedDemoCatalogue(store.db, AT)).toBe(0);
    expect(count('products')).toBe(0);

    const other = openDatabase({ path: ':memory:' });
    saveProduct(
      other.db,
      { codigo: 'X1', barcode: null, descripcion: 'Propio', unidad: 'und', precio: '1.00', tasaItbms: '01' },
      { actor: 'gerente' },
      AT,
    );
    expect(seedDemoCatalogue(other.db, AT)).toBe(0);
    other.close();
  });
});

describe('products', () => {
  beforeEach(() => seedDemoCatalogue(store.db, AT));

  it('finds by words of the description, ignoring case and accents', () => {
    expect(foldText('Azúcar MORENA')).toBe('azucar morena');
    expect(searchProducts(store.db, 'azucar', 20).map((p) => p.codigo)).toEqual(['P006']);
    expect(searchProducts(store.db, 'PAPEL rollos', 20).map((p) => p.codigo)).toEqual(['P010']);
    expect(searchProducts(store.db, 'ron 750', 20).map((p) => p.codigo)).toEqual(['P014']);
    expect(searchProducts(store.db, '50%', 20)).toEqual([]); // LIKE wildcards are literal
  });

  it('puts an exact code or barcode first, then code prefixes', () => {
    const results = searchProducts(store.db, 'P01', 5).map((p) => p.codigo);
    expect(results).toEqual(['P010', 'P011', 'P012', 'P013', 'P014']);
    expect(searchProducts(store.db, '7451000019180', 5).map((p) => p.codigo)).toEqual(['P014']);
    expect(searchProducts(store.db, '', 3)).toHaveLength(3);
  });

  it('looks up exactly by code or barcode (what a scanner sends)', () => {
    expect(lookupProduct(store.db, '7451000001376')?.codigo).toBe('P001');
    expect(lookupProduct(store.db, ' P002 ')?.descripcion).toBe('Aceite vegetal 1 L');
    expect(lookupProduct(store.db, '745100000137')).toBeNull();
  });

  it('creates and updates a product, audited', () => {
    const created = saveProduct(
      store.db,
      { codigo: 'P100', barcode: '', descripcion: 'Galletas de soda', unidad: 'paq', precio: '1.10', tasaItbms: '01' },
      { actor: 'gerente' },
      AT,
    );
    expect(created).toMatchObject({ codigo: 'P100', barcode: null, precio: '1.10' });
    const updated = saveProduct(store.db, { ...created, precio: '1.25' }, { actor: 'gerente' }, AT);
    expect(updated).toEqual({ ...created, precio: '1.25' });
    expect(lookupProduct(store.db, 'P100')?.precio).toBe('1.25');
    const audit = store.sqlite
      .prepare("SELECT details FROM audit_log WHERE action = 'catalog.product_saved' ORDER BY id")
      .all() as { details: string }[];
    expect(audit.map((a) => (JSON.parse(a.details) as { created: boolean }).created)).toEqual([true, false]);
  });

  it('stores the CPBS code and unit; an update that leaves them out keeps them, null clears them', () => {
    expect(lookupProduct(store.db, 'P012')).toMatchObject({ codigoCPBS: '5020', unidadMedidaCPBS: 'l' });
    expect(lookupProduct(store.db, 'P014')).toMatchObject({ codigoCPBS: null, unidadMedidaCPBS: null });
    const input = {
      codigo: 'P200',
      barcode: null,
      descripcion: 'Resma de papel carta',
      unidad: 'und',
      precio: '4.80',
      tasaItbms: '01',
    } as const;
    const created = saveProduct(
      store.db,
      { ...input, codigoCPBS: '1411', unidadMedidaCPBS: ' Paquete ' },
      { actor: 'gerente' },
      AT,
    );
    expect(created).toMatchObject({ codigoCPBS: '1411', unidadMedidaCPBS: 'Paquete' });
    expect(saveProduct(store.db, { ...input, id: created.id, precio: '5.00' }, { actor: 'gerente' }, AT)).toMatchObject(
      { precio: '5.00', codigoCPBS: '1411', unidadMedidaCPBS: 'Paquete' },
    );
    expect(
      saveProduct(
        store.db,
        { ...input, id: created.id, codigoCPBS: null, unidadMedidaCPBS: '' },
        { actor: 'gerente' },
        AT,
      ),
    ).toMatchObject({ codigoCPBS: null, unidadMedidaCPBS: null });
    expect(searchProducts(store.db, 'resma', 5)[0]).toMatchObject({ codigo: 'P200', codigoCPBS: null });
  });

  it('refuses a duplicate code or barcode, and an unknown id, writing nothing', () => {
    const before = count('audit_log');
    expectAppError(
      () =>
        saveProduct(
          store.db,
          { codigo: 'P001', barcode: null, descripcion: 'Otro arroz', unidad: 'und', precio: '1.00', tasaItbms: '00' },
          { actor: 'g' },
          AT,
        ),
      'validation_failed',
      /Ya existe otro producto con el código P001/,
    );
    expectAppError(
      () =>
        saveProduct(
          store.db,
          {
            codigo: 'P999',
            barcode: '7451000001376',
            descripcion: 'Otro arroz',
            unidad: 'und',
            precio: '1.00',
            tasaItbms: '00',
          },
          { actor: 'g' },
          AT,
        ),
      'validation_failed',
      /código de barras 7451000001376/,
    );
    expectAppError(
      () =>
        saveProduct(
          store.db,
          {
            id: 'nope',
            codigo: 'P998',
            barcode: null,
            descripcion: 'Nada',
            unidad: 'und',
            precio: '1.00',
            tasaItbms: '00',
          },
          { actor: 'g' },
          AT,
        ),
      'not_found',
      /no existe/,
    );
    expect(count('products')).toBe(DEMO_CATALOGUE.length);
    expect(count('audit_log')).toBe(before);
  });
});

describe('customers', () => {
  const CONTRIBUYENTE = {
    tipoClienteFE: '01',
    tipoContribuyente: '2',
    numeroRUC: '155596713-2-2015',
    digitoVerificadorRUC: '59',
    razonSocial: 'Ferretería El Tornillo, S.A.',
    direccion: 'Vía España, local 4',
    pais: 'PA',
  };

  it('saves a contribuyente and finds it by name (accents ignored) or RUC prefix', () => {
    const saved = saveCustomer(store.db, { receptor: CONTRIBUYENTE }, 'cajero', () => undefined, AT);
    expect(saved).toMatchObject({ nombre: 'Ferretería El Tornillo, S.A.', identificacion: '155596713-2-2015' });
    expect(searchCustomers(store.db, 'ferreteria tornillo').map((c) => c.id)).toEqual([saved.id]);
    expect(searchCustomers(store.db, '155596713').map((c) => c.id)).toEqual([saved.id]);
    expect(searchCustomers(store.db, '')).toHaveLength(1);
    expect(searchCustomers(store.db, 'panaderia')).toEqual([]);
  });

  it('updates the customer with the same identification instead of duplicating it', () => {
    const first = saveCustomer(store.db, { receptor: CONTRIBUYENTE }, 'cajero', () => undefined, AT);
    const again = saveCustomer(
      store.db,
      { receptor: { ...CONTRIBUYENTE, direccion: 'Calle 50, local 9' } },
      'cajero',
      () => undefined,
      AT,
    );
    expect(again.id).toBe(first.id);
    expect(count('customers')).toBe(1);
    expect(searchCustomers(store.db, 'tornillo')[0]?.receptor).toMatchObject({ direccion: 'Calle 50, local 9' });
  });

  it('validates the receptor with the fiscal schema and writes nothing when it is wrong', () => {
    expectAppError(
      () =>
        saveCustomer(
          store.db,
          { receptor: { ...CONTRIBUYENTE, digitoVerificadorRUC: '58' } },
          'cajero',
          () => undefined,
          AT,
        ),
      'validation_failed',
      /^Cliente: el dígito verificador no corresponde al RUC \(se esperaba 59\)$/,
    );
    expectAppError(
      () => saveCustomer(store.db, { receptor: { tipoClienteFE: '02', pais: 'PA' } }, 'cajero', () => undefined, AT),
      'validation_failed',
      /indique el nombre/,
    );
    expect(count('customers')).toBe(0);
    expect(count('audit_log')).toBe(0);
  });

  it('saves an extranjero by passport number', () => {
    const saved = saveCustomer(
      store.db,
      {
        receptor: {
          tipoClienteFE: '04',
          razonSocial: 'John Smith',
          tipoIdentificacion: '01',
          nroIdentificacionExtranjero: 'X1234567',
          pais: 'US',
        },
      },
      'cajero',
      () => undefined,
      AT,
    );
    expect(saved.identificacion).toBe('X1234567');
    expect(searchCustomers(store.db, 'X123').map((c) => c.nombre)).toEqual(['John Smith']);
  });
});
