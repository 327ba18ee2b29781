// Customers CSV import against a real SQLite store: the receptor rules of the checkout (DV verified), every bad row
// reported with its line, nothing written by default, and one audited transaction.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { searchCustomers } from '../app/customers-repo';
import { openDatabase, type OpenedDatabase } from '../store/open-database';
import { importCustomersCsv } from './import-customers';

let store: OpenedDatabase;
beforeEach(() => {
  store = openDatabase({ path: ':memory:' });
});
afterEach(() => store.close());

const AT = new Date('2026-11-28T15:00:00.000Z');
const customerCount = () => store.sqlite.prepare('SELECT COUNT(*) FROM customers').pluck().get() as number;
const audits = () =>
  store.sqlite.prepare("SELECT actor, details FROM audit_log WHERE action = 'customers.imported'").all() as {
    actor: string;
    details: string;
  }[];

// Ten data rows; file lines 4 (DV 00 for a RUC whose DV is 86) and 9 (an e-mail without a domain) are bad.
const TEN_ROWS = [
  'tipoCliente,tipoContribuyente,RUC,DV,Nombre,Dirección,correo,telefono,tipoIdentificacion',
  '01,2,155596713-2-2015,59,THE FACTORY HKA CORP,"Calle 50, Ciudad de Panamá",facturas@tfhka.com,264-1234,',
  '01,2,155732387-2-2023,14,Distribuidora Uno S.A.,Vía España 12,,,',
  '01,2,155646463-2-2017,00,Comercial Dos S.A.,Avenida Perú 4,,,',
  '02,,8-769-1080,56,Juan Pérez,,,,',
  '02,,,,María López,,,,',
  '03,2,155757563-2-2024,48,"Ministerio de Prueba, Dirección de Compras",Avenida Balboa,,,',
  '04,,AB123456,,John Smith,,john.smith@example.com,,01',
  '01,2,155720753-2-2022,39,Ferretería Tres S.A.,"Calle 5, Colón",correo-sin-dominio,,',
  '02,1,5-257-218,09,Ana Gómez,,,6123-4567,',
  '01,2,155587169-2-2014,9,Super Cuatro S.A.,Calle 10 Chitré,,,',
].join('\r\n');

describe('importCustomersCsv', () => {
  it('reports both bad rows of ten with their line numbers and imports nothing by default', () => {
    const result = importCustomersCsv(store.db, TEN_ROWS, { actor: 'ana', at: AT });
    expect(result).toEqual({
      rows: 10,
      imported: 0,
      errors: [
        { row: 4, message: 'Fila 4: el dígito verificador no corresponde al RUC (se esperaba 86)' },
        { row: 9, message: 'Fila 9: el correo electrónico no es válido' },
      ],
    });
    expect(customerCount()).toBe(0);
    expect(audits()).toEqual([]);
  });

  it('imports the 8 valid rows when asked, in one audited transaction, as customers the checkout can pick', () => {
    const result = importCustomersCsv(store.db, TEN_ROWS, { importValidRows: true, actor: 'ana', at: AT });
    expect(result).toMatchObject({ rows: 10, imported: 8 });
    expect(result.errors.map((e) => e.row)).toEqual([4, 9]);
    expect(customerCount()).toBe(8);
    expect(audits().map((a) => ({ actor: a.actor, details: JSON.parse(a.details) as unknown }))).toEqual([
      { actor: 'ana', details: { rows: 10, created: 8, updated: 0, skippedRows: [4, 9] } },
    ]);
    const [hka] = searchCustomers(store.db, '155596713');
    expect(hka?.receptor).toEqual({
      tipoClienteFE: '01',
      tipoContribuyente: '2',
      numeroRUC: '155596713-2-2015',
      digitoVerificadorRUC: '59',
      razonSocial: 'THE FACTORY HKA CORP',
      direccion: 'Calle 50, Ciudad de Panamá',
      pais: 'PA',
      correos: ['facturas@tfhka.com'],
      telefonos: ['264-1234'],
    });
    expect(searchCustomers(store.db, 'Super Cuatro')[0]?.receptor).toMatchObject({ digitoVerificadorRUC: '09' }); // Excel's "9"
    expect(searchCustomers(store.db, 'Juan')[0]?.receptor).toEqual({
      tipoClienteFE: '02',
      razonSocial: 'Juan Pérez',
      pais: 'PA',
      identificacion: { tipoContribuyente: '1', numeroRUC: '8-769-1080', digitoVerificadorRUC: '56' },
    });
    expect(searchCustomers(store.db, 'John')[0]?.receptor).toMatchObject({
      tipoClienteFE: '04',
      tipoIdentificacion: '01',
      nroIdentificacionExtranjero: 'AB123456',
    });
  });

  it('updates a customer with the same identification (or name, without one) and refuses repeats within the file', () => {
    importCustomersCsv(store.db, TEN_ROWS, { importValidRows: true, actor: 'ana', at: AT });
    const again = importCustomersCsv(
      store.db,
      [
        'tipoCliente,tipoContribuyente,identificacion,dv,razonSocial,direccion',
        '01,2,155732387-2-2023,14,Distribuidora Uno Panamá S.A.,Vía España 14',
        '02,,,,maría lópez,',
        '01,2,155732387-2-2023,14,Distribuidora Repetida S.A.,Vía España 15',
      ].join('\n'),
      { importValidRows: true, actor: 'ana', at: AT },
    );
    expect(again).toEqual({
      rows: 3,
      imported: 2,
      errors: [{ row: 4, message: 'Fila 4: la identificación 155732387-2-2023 ya aparece en la fila 2' }],
    });
    expect(customerCount()).toBe(8);
    expect(searchCustomers(store.db, '155732387')[0]).toMatchObject({ nombre: 'Distribuidora Uno Panamá S.A.' });
    expect(JSON.parse(audits()[1]?.details ?? '{}')).toEqual({ rows: 3, created: 0, updated: 2, skippedRows: [4] });
  });

  it('names a bad customer type, a missing name, missing header columns and rows of the wrong width', () => {
    const result = importCustomersCsv(
      store.db,
      ['tipoCliente,ruc,dv,nombre', '05,8-769-1080,56,Juan Pérez', '01,155596713-2-2015,59,', '02,,'].join('\n'),
      { actor: 'ana', at: AT },
    );
    expect(result.errors).toEqual([
      {
        row: 2,
        message:
          'Fila 2: el tipo de cliente "05" no es válido (01 contribuyente, 02 consumidor final, 03 gobierno, 04 extranjero)',
      },
      {
        row: 3,
        message: expect.stringMatching(
          /^Fila 3: falta el nombre del cliente; .*tipo de contribuyente es obligatorio/,
        ) as unknown,
      },
      { row: 4, message: 'Fila 4: tiene 3 columnas y el encabezado 4' },
    ]);
    expect(
      importCustomersCsv(store.db, 'ruc,dv\n8-769-1080,56\n', { actor: 'ana', at: AT }).errors[0]?.message,
    ).toMatch(/^Fila 1: faltan las columnas tipoCliente, nombre/);
    expect(importCustomersCsv(store.db, '', { actor: 'ana', at: AT }).errors).toEqual([
      { row: 1, message: 'El archivo está vacío' },
    ]);
    expect(customerCount()).toBe(0);
  });
});
