// The three catalogue files of tests/fixtures/catalog-csv read from their bytes, as the file picker sends them: the
// preview says what each would do and nothing that changes an existing product is written without confirmation.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type OpenedDatabase } from '../store/open-database';
import { decodeCsvBytes } from './decode-csv';
import { importProductsCsv } from './import-products';
import { previewProductsCsv } from './product-preview';

let store: OpenedDatabase;
beforeEach(() => {
  store = openDatabase({ path: ':memory:' });
});
afterEach(() => store.close());

const AT = new Date('2025-03-03T14:00:00.000Z');
const fixture = (name: string) =>
  decodeCsvBytes(readFileSync(new URL(`../../../tests/fixtures/catalog-csv/${name}`, import.meta.url)));
const products = () =>
  store.sqlite.prepare('SELECT codigo, descripcion, precio, tasa_itbms AS tasa FROM products ORDER BY codigo').all();
const importFixture = (name: string, options: { importValidRows?: boolean; confirmChanges?: string } = {}) => {
  const { text, encoding } = fixture(name);
  return importProductsCsv(store.db, text, { ...options, encoding, actor: 'gerente-1', at: AT });
};

describe('catalogue fixture files', () => {
  it('reads the Spanish Excel file: semicolons, decimal comma, Windows-1252 accents, a quoted semicolon', () => {
    const { text, encoding } = fixture('excel-es-windows-1252.csv');
    const { preview } = previewProductsCsv(store.db, text, encoding);
    expect(preview).toMatchObject({
      rows: 4,
      encoding: 'windows-1252',
      delimiter: ';',
      decimalSeparator: ',',
      counts: { new: 4, changed: 0, unchanged: 0, invalid: 0 },
    });
    expect(products()).toEqual([]); // a preview writes nothing
    expect(importFixture('excel-es-windows-1252.csv')).toMatchObject({ imported: 4, errors: [] });
    expect(products()).toEqual([
      { codigo: 'P100', descripcion: 'Café molido 425 g', precio: '6.75', tasa: '01' },
      { codigo: 'P101', descripcion: 'Piña en lata', precio: '1.95', tasa: '01' },
      { codigo: 'P102', descripcion: 'Jabón; barra 3 u', precio: '2.40', tasa: '01' },
      { codigo: 'P103', descripcion: 'Azúcar morena 2 lb', precio: '1.5', tasa: '00' },
    ]);
  });

  it('reads the UTF-8 file with a byte order mark and names its invalid row in Spanish', () => {
    const result = importFixture('utf8-bom-comma.csv');
    expect(result.preview).toMatchObject({
      encoding: 'utf-8-bom',
      delimiter: ',',
      decimalSeparator: '.',
      counts: { new: 2, invalid: 1 },
    });
    expect(result.preview.items.map((i) => [i.row, i.kind, i.codigo])).toEqual([
      [2, 'new', 'Q200'],
      [3, 'new', 'Q201'],
      [4, 'invalid', 'Q202'],
    ]);
    expect(result.errors).toEqual([
      { row: 4, message: expect.stringMatching(/^Fila 4: el precio "2\.5\.0" no es válido/) as unknown },
    ]);
    expect(result.imported).toBe(0);
    expect(importFixture('utf8-bom-comma.csv', { importValidRows: true }).imported).toBe(2);
    expect(products()).toContainEqual({
      codigo: 'Q200',
      descripcion: 'Aceite de maíz, 1 L',
      precio: '3.10',
      tasa: '01',
    });
  });

  it('shows the price change before → after, the unchanged and the new row, and writes none of them until confirmed', () => {
    importFixture('excel-es-windows-1252.csv');
    const before = products();
    const result = importFixture('price-change.csv');
    expect(result).toMatchObject({
      imported: 0,
      confirmation: 'unconfirmed',
      preview: { counts: { new: 1, changed: 1, unchanged: 1, invalid: 0 } },
    });
    expect(result.preview.items).toEqual([
      {
        row: 2,
        kind: 'changed',
        codigo: 'P100',
        descripcion: 'Café molido 425 g',
        changes: [{ field: 'precio', before: '6.75', after: '7.25' }],
      },
      { row: 3, kind: 'unchanged', codigo: 'P101', descripcion: 'Piña en lata', changes: [] },
      { row: 4, kind: 'new', codigo: 'P104', descripcion: 'Ñame 1 lb', changes: [] },
    ]);
    expect(products()).toEqual(before); // not even the new product

    expect(importFixture('price-change.csv', { confirmChanges: result.preview.digest })).toMatchObject({ imported: 3 });
    expect(products()).toContainEqual({ codigo: 'P100', descripcion: 'Café molido 425 g', precio: '7.25', tasa: '01' });
    expect(products()).toContainEqual({ codigo: 'P104', descripcion: 'Ñame 1 lb', precio: '0.90', tasa: '00' });
    // The file has no barcode column: P100 keeps its barcode (the preview listed no barcode change).
    expect(store.sqlite.prepare("SELECT barcode FROM products WHERE codigo = 'P100'").pluck().get()).toBe(
      '7451234000017',
    );
    const audit = store.sqlite
      .prepare("SELECT details FROM audit_log WHERE action = 'catalog.imported' ORDER BY rowid DESC")
      .pluck()
      .get() as string;
    expect(JSON.parse(audit)).toMatchObject({
      created: 1,
      updated: 1,
      unchanged: 1,
      changes: [{ codigo: 'P100', field: 'precio', before: '6.75', after: '7.25' }],
    });
  });

  it('refuses a confirmation given on another preview: the catalogue moved since, so the changes shown are not the ones to apply', () => {
    importFixture('excel-es-windows-1252.csv');
    const { digest } = importFixture('price-change.csv').preview;
    store.sqlite.prepare("UPDATE products SET precio = '6.80' WHERE codigo = 'P100'").run();
    expect(importFixture('price-change.csv', { confirmChanges: digest })).toMatchObject({
      imported: 0,
      confirmation: 'stale',
    });
    expect(store.sqlite.prepare("SELECT precio FROM products WHERE codigo = 'P100'").pluck().get()).toBe('6.80');
  });
});
