// The central catalogue over HTTP on the real PostgreSQL: versioned writes by head office, the changes a register
// pulls page by page, refusals that write nothing, and tenant isolation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  api,
  startSyncTestServer,
  type EnrolledRegister,
  type SyncTestServer,
  type Tenant,
} from '../../../tests/fixtures/pg-test-db';
import { ADMIN_CATALOG_IMPORT_PATH, ADMIN_CATALOG_PATH, CATALOG_CHANGES_PATH } from '../../shared/sync/catalog';
import { catalogProducts, catalogVersions } from '../db/head-office-schema';

let kit: SyncTestServer;
let tenant: Tenant;
let till: EnrolledRegister;

const product = (codigo: string, precio: string, extra: Record<string, unknown> = {}) => ({
  codigo,
  descripcion: `Producto ${codigo}`,
  precio,
  tasaItbms: '01',
  ...extra,
});
const write = (products: unknown[], key = tenant.adminKey) =>
  api<Record<string, unknown>>(kit.url, ADMIN_CATALOG_PATH, { bearer: key, body: { products } });
const changes = (query: string, token = till.token) =>
  api<{
    catalogVersion: number;
    changes: Record<string, unknown>[];
    position: { since: number; after: string };
    more: boolean;
  }>(kit.url, `${CATALOG_CHANGES_PATH}${query}`, { bearer: token });
const rowCount = async () =>
  Number((await kit.superQuery<{ n: string }>('select count(*)::text as n from catalog_products'))[0]?.n);

beforeAll(async () => {
  kit = await startSyncTestServer();
  tenant = await kit.createTenant('Supermercados Norte');
  till = await kit.enrolRegister(tenant, '0000', 'Caja 1');
});

afterAll(async () => {
  await kit?.close();
});

describe('central catalogue', () => {
  it('gives each write that changes something the next version, and an unchanged row none', async () => {
    expect(await write([product('A1', '1.50'), product('B2', '2.00', { barcode: '7501234567890' })])).toEqual({
      status: 200,
      body: { version: 1, changed: 2, unchanged: 0 },
    });
    expect(await write([product('A1', '1.50')])).toEqual({
      status: 200,
      body: { version: 1, changed: 0, unchanged: 1 },
    });
    expect(await write([product('A1', '1.75'), product('B2', '2.00', { barcode: '7501234567890' })])).toEqual({
      status: 200,
      body: { version: 2, changed: 1, unchanged: 1 },
    });
    const listed = await api<{ catalogVersion: number; items: { codigo: string; precio: string; version: number }[] }>(
      kit.url,
      ADMIN_CATALOG_PATH,
      { bearer: tenant.adminKey },
    );
    expect(listed.body.catalogVersion).toBe(2);
    expect(listed.body.items.map((i) => [i.codigo, i.precio, i.version])).toEqual([
      ['A1', '1.75', 2],
      ['B2', '2.00', 1],
    ]);
  });

  it('sends a register the changes after its position, page by page, in (version, code) order', async () => {
    await write([product('C3', '3.00'), product('D4', '4.00', { active: false })]); // version 3
    const first = await changes('?since=0&limit=2');
    expect(first.status).toBe(200);
    expect(first.body.changes.map((c) => [c['codigo'], c['version']])).toEqual([
      ['B2', 1],
      ['A1', 2],
    ]);
    expect(first.body).toMatchObject({ catalogVersion: 3, position: { since: 2, after: 'A1' }, more: true });
    const second = await changes(`?since=2&after=A1&limit=2`);
    expect(second.body.changes.map((c) => [c['codigo'], c['version'], c['active']])).toEqual([
      ['C3', 3, true],
      ['D4', 3, false],
    ]);
    expect(second.body.more).toBe(false);
    const done = await changes('?since=3&after=D4');
    expect(done.body).toEqual({ catalogVersion: 3, changes: [], position: { since: 3, after: 'D4' }, more: false });
    expect(first.body.changes[0]).toEqual({
      codigo: 'B2',
      barcode: '7501234567890',
      descripcion: 'Producto B2',
      unidad: 'und',
      precio: '2.00',
      tasaItbms: '01',
      codigoCPBS: null,
      unidadMedidaCPBS: null,
      requiereLote: false,
      active: true,
      version: 1,
    });
  });

  it('refuses a bad write whole with 400 (or 409 for a taken barcode) and writes nothing', async () => {
    const before = await rowCount();
    const bad: [unknown, number, string][] = [
      [[product('E5', '-1')], 400, 'products.0.precio'],
      [[product('E5', '1.0000001')], 400, 'products.0.precio'],
      [[product('E5', '1', { tasaItbms: '09' })], 400, 'products.0.tasaItbms'],
      [[product('E\u00005', '1')], 400, 'products.0.codigo'],
      [[product(' E5', '1')], 400, 'products.0.codigo'],
      [[product('E5', '1', { descripcion: 'ok\u0000' })], 400, 'products.0.descripcion'],
      [[product('E5', '1', { orgId: tenant.orgId })], 400, 'products.0'],
      [[product('E5', '1'), product('E5', '2')], 400, 'products.1.codigo'],
      [[product('E5', '1', { barcode: '1' }), product('F6', '2', { barcode: '1' })], 400, 'products.1.barcode'],
      [[], 400, 'products'],
    ];
    for (const [products, status, path] of bad) {
      const answer = await write(products as unknown[]);
      expect({
        status: answer.status,
        paths: (answer.body['issues'] as { path: string }[]).map((i) => i.path),
      }).toEqual({ status, paths: expect.arrayContaining([path]) as unknown });
    }
    expect(await write([product('E5', '1', { barcode: '7501234567890' })])).toMatchObject({
      status: 409,
      body: { error: 'barcode_taken' },
    });
    expect(await rowCount()).toBe(before);
    expect((await kit.superQuery<{ version: string }>('select version::text from catalog_versions'))[0]?.version).toBe(
      '3',
    );
  });

  it('answers 400 to a malformed changes query and 401 to an admin key or no credential', async () => {
    for (const query of [
      '?since=-1',
      '?since=x',
      '?since=1.5',
      '?limit=0',
      '?limit=501',
      '?after=%00',
      '?orgId=x',
      `?after=${'a'.repeat(21)}`,
    ]) {
      expect({ query, status: (await changes(query)).status }).toEqual({ query, status: 400 });
    }
    expect((await changes('', tenant.adminKey)).status).toBe(401);
    expect((await api(kit.url, ADMIN_CATALOG_PATH, { bearer: till.token })).status).toBe(401);
  });

  it("imports a price list in the register's CSV format, all rows or none, keeping CPBS fields a file without them does not carry", async () => {
    const importCsv = (csv: string) =>
      api<Record<string, unknown>>(kit.url, ADMIN_CATALOG_IMPORT_PATH, { bearer: tenant.adminKey, body: { csv } });
    expect(
      await importCsv('codigo,descripcion,precio,tasaItbms,codigoCPBS,unidadMedidaCPBS\nG7,Guantes,4.00,01,5020,par\n'),
    ).toEqual({ status: 200, body: { version: 4, changed: 1, unchanged: 0 } });
    const before = await rowCount();
    const refused = await importCsv(
      'codigo,descripcion,precio,tasaItbms\nH8,"Harina, 1 kg",1.00,01\nI9,Ibuprofeno,abc,01\nH8,Otra,1.00,01\nJ10,x,1.00,01,extra\n',
    );
    expect(refused).toEqual({
      status: 400,
      body: {
        error: 'invalid_csv',
        message: 'The price list has rows that cannot be imported; nothing was imported',
        issues: [
          { path: 'line 3', message: 'invalid precio' },
          { path: 'line 4', message: 'code H8 is already on line 2' },
          { path: 'line 5', message: 'has 5 fields, the header 4' },
        ],
      },
    });
    expect((await importCsv('descripcion,precio\nA,1\n')).body).toMatchObject({
      issues: [{ path: 'line 1', message: expect.stringContaining('missing columns: codigo, tasaItbms') as unknown }],
    });
    expect((await importCsv('codigo,descripcion,precio,tasaItbms\n"G7,Guantes,1,01\n')).body).toMatchObject({
      issues: [{ path: 'line 2', message: 'a quoted field is not closed' }],
    });
    expect(await rowCount()).toBe(before);
    expect(await importCsv('TASAITBMS,precio,descripcion,codigo\r\n01,5.50,Guantes de látex,G7\r\n')).toEqual({
      status: 200,
      body: { version: 5, changed: 1, unchanged: 0 },
    });
    const [g7] = (await changes('?since=4&after=')).body.changes;
    expect(g7).toMatchObject({
      codigo: 'G7',
      precio: '5.50',
      descripcion: 'Guantes de látex',
      codigoCPBS: '5020',
      unidadMedidaCPBS: 'par',
      version: 5,
    });
  });

  it('gives concurrent writers of one organisation distinct versions, one after the other', async () => {
    const { catalogVersion } = (await changes('?since=0&limit=1')).body;
    const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => write([product(`K${i}`, `${i + 1}.00`)])));
    const versions = answers.map((a) => (a.body as { version: number }).version).sort((a, b) => a - b);
    expect(versions).toEqual(Array.from({ length: 6 }, (_, i) => catalogVersion + 1 + i));
    const pulled = await changes(`?since=${catalogVersion + 1}`); // (v, empty code): every row of version v onwards
    expect(pulled.body.changes.map((c) => c['version'])).toEqual(versions);
  });

  it('keeps each organisation to its own catalogue and versions', async () => {
    const other = await kit.createTenant('Otra Cadena');
    const otherTill = await kit.enrolRegister(other, '0000');
    expect((await changes('', otherTill.token)).body).toEqual({
      catalogVersion: 0,
      changes: [],
      position: { since: 0, after: '' },
      more: false,
    });
    expect(await write([product('A1', '9.99', { barcode: '7501234567890' })], other.adminKey)).toEqual({
      status: 200,
      body: { version: 1, changed: 1, unchanged: 0 },
    });
    const mine = await changes('');
    expect(mine.body.changes.find((c) => c['codigo'] === 'A1')).toMatchObject({ precio: '1.75', version: 2 });
    // Row-level security, not only the handlers' filters: the API role outside any tenant sees no row at all.
    const seen = await kit.server.db.unscoped(async (db) => [
      await db.select().from(catalogProducts),
      await db.select().from(catalogVersions),
    ]);
    expect(seen).toEqual([[], []]);
    expect(await rowCount()).toBeGreaterThan(0);
  });
});
