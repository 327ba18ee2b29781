// Catalogue CSV import against a real in-memory store: every bad row reported, nothing written by default.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type OpenedDatabase } from '../store/open-database';
import { importProductsCsv } from './import-products';
import { previewProductsCsv } from './product-preview';

let store: OpenedDatabase;
beforeEach(() => {
  store = openDatabase({ path: ':memory:' });
});
afterEach(() => store.close());

const AT = new Date('2025-03-03T14:00:00.000Z');
const productCount = () => (store.sqlite.prepare('SELECT COUNT(*) AS n FROM products').get() as { n: number }).n;
const audits = () =>
  store.sqlite.prepare("SELECT details FROM audit_log WHERE action = 'catalog.imported'").all() as {
    details: string;
  }[];

// Ten data rows; file lines 4 (price with a comma) and 9 (unknown ITBMS rate) are bad.
const TEN_ROWS = [
  'codigo,barcode,descripcion,unidad,precio,tasaItbms',
  'A1,7501000000011,Arroz Blanco 5 lb,und,4.25,01',
  'A2,,"Aceite, 1 litro",und,3.10,01',
  'A3,,Azúcar 2 lb,und,"1,95",01',
  'A4,,"Leche ""entera"" 1 L",und,1.20,00',
  'A5,,Pan molde,und,2.50,00',
  'A6,,Café 425 g,und,6.75,01',
  'A7,,Cerveza lata,und,0.95,02',
  'A8,,Cigarrillos,paq,5.00,7',
  'A9,,Jabón de baño,und,0.80,01',
  'A10,,Detergente 1 kg,und,3.45,01',
].join('\r\n');

describe('importProductsCsv', () => {
  it('reports both bad rows of ten with their line numbers and imports nothing by default', () => {
    const result = importProductsCsv(store.db, TEN_ROWS, { actor: 'gerente-1', at: AT });
    expect(result.rows).toBe(10);
    expect(result.imported).toBe(0);
    expect(result.errors.map((e) => e.row)).toEqual([4, 9]);
    expect(result.errors[0]?.message).toMatch(/^Fila 4: el precio "1,95" no es válido/);
    expect(result.errors[1]?.message).toMatch(/^Fila 9: la tasa de ITBMS "7" no es válida/);
    expect(productCount()).toBe(0);
    expect(audits()).toHaveLength(0);
  });

  it('imports the 8 valid rows when asked, in one audited transaction, keeping quoted text intact', () => {
    const result = importProductsCsv(store.db, TEN_ROWS, { importValidRows: true, actor: 'gerente-1', at: AT });
    expect(result).toMatchObject({ rows: 10, imported: 8 });
    expect(result.errors).toHaveLength(2);
    expect(productCount()).toBe(8);
    const names = store.sqlite.prepare('SELECT descripcion FROM products ORDER BY codigo').pluck().all();
    expect(names).toContain('Aceite, 1 litro');
    expect(names).toContain('Leche "entera" 1 L');
    expect(audits().map((a) => JSON.parse(a.details) as unknown)).toEqual([
      { rows: 10, created: 8, updated: 0, unchanged: 0, skippedRows: [4, 9] },
    ]);
  });

  it('updates products by code and refuses duplicates within the file and barcodes owned by another product', () => {
    importProductsCsv(store.db, 'codigo,descripcion,precio,tasaItbms,barcode\nA1,Arroz,4.25,01,111\n', {
      actor: 'g',
      at: AT,
    });
    const again = importProductsCsv(
      store.db,
      [
        'CODIGO,Descripcion,Precio,TasaItbms,Barcode',
        'A1,Arroz Blanco,4.50,01,111',
        'A1,Arroz repetido,4.50,01,',
        'B1,Frijoles,2.00,01,111',
        'B2,Lentejas,2.00',
      ].join('\n'),
      { actor: 'g', at: AT },
    );
    expect(again.errors).toEqual([
      { row: 3, message: 'Fila 3: el código A1 ya aparece en la fila 2' },
      { row: 4, message: 'Fila 4: el código de barras 111 ya aparece en la fila 2' },
      { row: 5, message: 'Fila 5: tiene 3 columnas y el encabezado 5' },
    ]);
    expect(store.sqlite.prepare("SELECT precio FROM products WHERE codigo = 'A1'").pluck().get()).toBe('4.25');
  });

  it('imports CPBS codes and units, and reports a bad CPBS code as a bad row in Spanish', () => {
    const result = importProductsCsv(
      store.db,
      [
        'codigo,descripcion,precio,tasaItbms,codigoCPBS,unidadMedidaCPBS',
        'G1,Resma de papel,4.80,01,1411,Paquete',
        'G2,Galletas,1.10,01,,',
        'G3,Marcadores,2.00,01,44A1,und',
        'G4,Cuaderno,1.50,01,441,und',
        `G5,Lápices,1.00,01,4412,${'x'.repeat(31)}`,
      ].join('\n'),
      { actor: 'g', at: AT },
    );
    expect(result.errors).toEqual([
      { row: 4, message: 'Fila 4: el código CPBS "44A1" no es válido (4 dígitos del catálogo de la DGI, p. ej. 5020)' },
      { row: 5, message: 'Fila 5: el código CPBS "441" no es válido (4 dígitos del catálogo de la DGI, p. ej. 5020)' },
      { row: 6, message: 'Fila 6: la unidad CPBS admite hasta 30 caracteres' },
    ]);
    expect(productCount()).toBe(0);

    importProductsCsv(
      store.db,
      [
        'codigo,descripcion,precio,tasaItbms,codigoCPBS,unidadMedidaCPBS',
        'G1,Resma de papel,4.80,01,1411,Paquete',
        'G2,Galletas,1.10,01,,',
      ].join('\n'),
      { actor: 'g', at: AT },
    );
    const cpbs = () =>
      store.sqlite
        .prepare('SELECT codigo, codigo_cpbs AS c, unidad_medida_cpbs AS u FROM products ORDER BY codigo')
        .all();
    expect(cpbs()).toEqual([
      { codigo: 'G1', c: '1411', u: 'Paquete' },
      { codigo: 'G2', c: null, u: null },
    ]);

    // A price list without the CPBS columns keeps the stored codes; with them, an empty cell clears them.
    // (The new price is confirmed: a change to an existing product is imported only with its preview's digest.)
    const newPrice = 'codigo,descripcion,precio,tasaItbms\nG1,Resma de papel,5.00,01\n';
    importProductsCsv(store.db, newPrice, {
      actor: 'g',
      at: AT,
      confirmChanges: previewProductsCsv(store.db, newPrice).preview.digest,
    });
    expect(cpbs()[0]).toEqual({ codigo: 'G1', c: '1411', u: 'Paquete' });
    const clearCpbs = 'codigo,descripcion,precio,tasaItbms,codigoCPBS\nG1,Resma de papel,5.00,01,\n';
    importProductsCsv(store.db, clearCpbs, {
      actor: 'g',
      at: AT,
      confirmChanges: previewProductsCsv(store.db, clearCpbs).preview.digest,
    });
    expect(cpbs()[0]).toEqual({ codigo: 'G1', c: null, u: 'Paquete' });
  });

  it('names missing header columns and unterminated quotes', () => {
    expect(
      importProductsCsv(store.db, 'codigo,descripcion\nA1,Arroz\n', { actor: 'g', at: AT }).errors[0]?.message,
    ).toMatch(/^Fila 1: faltan las columnas precio, tasaItbms/);
    expect(
      importProductsCsv(store.db, 'codigo,descripcion,precio,tasaItbms\nA1,"Arroz,4.25,01\n', { actor: 'g', at: AT })
        .errors,
    ).toEqual([{ row: 2, message: 'Fila 2: faltan las comillas de cierre' }]);
    expect(productCount()).toBe(0);
  });
});
