// Applying head office's catalogue to a real register file: one transaction, a bad row refused alone, head office
// winning over a local edit (audited as overwritten), nothing written during a sale or in the training data set.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Basket } from '../../shared/ipc/areas/till/contract';
import type { CatalogPosition } from '../../shared/sync/catalog';
import { MAX_DETAILS_CHARS } from '../../shared/sync/events';
import { getProduct, lookupProduct, saveProduct } from '../app/products-repo';
import { pinHkaEnvironment } from '../hka/hka-connection';
import { openDatabase, type OpenedDatabase } from '../store/open-database';
import { saveDraft } from '../till/till-draft';
import { applyCatalogChanges } from './catalog-apply';
import { readCatalogState } from './catalog-state';

const AT = new Date('2026-12-05T14:00:00.000Z');
const LATER = new Date('2026-12-05T15:00:00.000Z');
const CASHIER = { id: 'u-cajera', username: 'ana', displayName: 'Ana', role: 'cajero' as const };
const GERENTE = { actor: 'u-gerente' };

let store: OpenedDatabase;

const change = (codigo: string, version: number, precio: string, extra: Record<string, unknown> = {}) => ({
  codigo,
  barcode: null,
  descripcion: `Producto ${codigo}`,
  unidad: 'und',
  precio,
  tasaItbms: '01',
  codigoCPBS: null,
  unidadMedidaCPBS: null,
  requiereLote: false,
  active: true,
  version,
  ...extra,
});
const ORG = '6f1c2b3a-4d5e-4f60-8a71-92b3c4d5e6f7';
const at = (version: number, after: string): { orgId: string; position: CatalogPosition } => ({
  orgId: ORG,
  position: { since: version, after },
});
const audits = (action: string) =>
  (
    store.sqlite.prepare('SELECT details FROM audit_log WHERE action = ? ORDER BY id').pluck().all(action) as string[]
  ).map((d) => JSON.parse(d) as Record<string, unknown>);
/** Every applied change, from the packed `catalog.central_applied` entries. */
const applied = () => audits('catalog.central_applied').flatMap((d) => d['changes'] as Record<string, unknown>[]);
const count = (sql: string) => store.sqlite.prepare(sql).pluck().get() as number;
const basket = (): Basket => ({
  customer: null,
  lines: [
    {
      key: 0,
      productId: 'p',
      codigo: 'A1',
      descripcion: 'Producto A1',
      unidad: 'und',
      cantidad: '1',
      precioUnitario: '1.50',
      catalogPrice: '1.50',
      descuentoUnitario: '0',
      tasaItbms: '01',
      codigoCPBS: null,
      unidadMedidaCPBS: null,
      requiereLote: false,
      medicina: null,
    },
  ],
});

beforeEach(() => {
  store = openDatabase({ path: ':memory:' });
  pinHkaEnvironment(store.db, 'demo', AT);
});
afterEach(() => store.close());

describe('applyCatalogChanges', () => {
  it('creates and updates products by code, audits each change and records the position, leaving local-only products alone', () => {
    saveProduct(
      store.db,
      { codigo: 'LOCAL', barcode: null, descripcion: 'Solo aquí', unidad: 'und', precio: '9.00', tasaItbms: '00' },
      GERENTE,
      AT,
    );
    expect(
      applyCatalogChanges(
        store.db,
        [change('A1', 1, '1.50'), change('B2', 1, '2.00', { barcode: '750100' })],
        at(1, 'B2'),
        AT,
      ),
    ).toMatchObject({ kind: 'applied', applied: 2, unchanged: 0, overwroteLocal: 0, refused: [] });
    expect(
      applyCatalogChanges(store.db, [change('A1', 2, '1.75'), change('B2', 2, '2.0')], at(2, 'B2'), LATER),
    ).toMatchObject({ kind: 'applied', applied: 2, unchanged: 0 });
    expect(lookupProduct(store.db, 'A1')).toMatchObject({
      precio: '1.75',
      tasaItbms: '01',
      descripcion: 'Producto A1',
    });
    expect(lookupProduct(store.db, 'LOCAL')).toMatchObject({ precio: '9.00' });
    expect(lookupProduct(store.db, '750100')).toBeNull(); // the second change took the barcode away
    expect(applied().map((d) => [d['codigo'], d['version'], d['created'] === true])).toEqual([
      ['A1', 1, true],
      ['B2', 1, true],
      ['A1', 2, false],
      ['B2', 2, false],
    ]);
    expect(applied()[0]).toMatchObject({ values: { precio: '1.50', tasaItbms: '01', active: true } });
    expect(applied()[2]).toEqual({ codigo: 'A1', version: 2, changed: { precio: ['1.50', '1.75'] } });
    expect(applied()[3]).toEqual({
      codigo: 'B2',
      version: 2,
      changed: { precio: ['2.00', '2.0'], barcode: ['750100', null] },
    });
    expect(readCatalogState(store.db)).toMatchObject({
      position: { since: 2, after: 'B2' },
      appliedTotal: 4,
      refusedTotal: 0,
    });
  });

  it('audits every change of a large pull in a few entries, each small enough for the central server', () => {
    const many = Array.from({ length: 300 }, (_, i) =>
      change(`P${String(i).padStart(3, '0')}`, 1, `${i + 1}.00`, {
        descripcion: `Producto de prueba con un nombre largo ${i}`,
      }),
    );
    expect(applyCatalogChanges(store.db, many, at(1, 'P299'), AT)).toMatchObject({ applied: 300 });
    const entries = audits('catalog.central_applied');
    expect(entries.length).toBeGreaterThan(1);
    expect(entries.length).toBeLessThan(60);
    expect(Math.max(...entries.map((d) => JSON.stringify(d).length))).toBeLessThanOrEqual(MAX_DETAILS_CHARS);
    expect(applied().map((c) => c['codigo'])).toEqual(many.map((c) => c.codigo));
  });

  it('counts a row equal to the local one as unchanged (no audit) and retires a product head office deactivates', () => {
    applyCatalogChanges(store.db, [change('A1', 1, '1.50')], at(1, 'A1'), AT);
    const before = count('SELECT count(*) FROM audit_log');
    expect(applyCatalogChanges(store.db, [change('A1', 2, '1.5')], at(2, 'A1'), LATER)).toMatchObject({
      applied: 0,
      unchanged: 1,
    });
    expect(count('SELECT count(*) FROM audit_log')).toBe(before);
    applyCatalogChanges(store.db, [change('A1', 3, '1.50', { active: false })], at(3, 'A1'), LATER);
    expect(lookupProduct(store.db, 'A1')).toBeNull();
  });

  it('refuses a bad row alone, audits why, and applies the rest of the pull', () => {
    const result = applyCatalogChanges(
      store.db,
      [
        change('A1', 1, '1.50'),
        change('B2', 1, '-3.00'),
        change('C\u00003', 1, '1.00', { descripcion: 'Producto C3' }),
        change('D4', 1, '1.00', { tasaItbms: '07' }),
        'not a product',
        change('E5', 1, '5.00', { descripcion: 'x' }),
        change('F6', 1, '6.00'),
      ],
      at(1, 'F6'),
      AT,
    );
    expect(result).toMatchObject({ kind: 'applied', applied: 2 });
    if (result.kind !== 'applied') return;
    expect(result.refused.map((r) => [r.codigo, r.version, r.reason, r.detail])).toEqual([
      ['B2', 1, 'invalid', 'invalid fields: precio'],
      [null, 1, 'invalid', 'invalid fields: codigo'], // a code holding NUL is not repeated anywhere
      ['D4', 1, 'invalid', 'invalid fields: tasaItbms'],
      [null, null, 'invalid', 'invalid fields: (row)'],
      ['E5', 1, 'invalid', 'invalid fields: descripcion'],
    ]);
    expect(store.sqlite.prepare('SELECT codigo FROM products ORDER BY codigo').pluck().all()).toEqual(['A1', 'F6']);
    expect(audits('catalog.central_refused')).toHaveLength(5);
    expect(readCatalogState(store.db)).toMatchObject({
      position: { since: 1, after: 'F6' },
      refusedTotal: 5,
      recentRefusals: result.refused,
    });
  });

  it('refuses a barcode a local product holds, but lets a barcode move between two products of one pull', () => {
    saveProduct(
      store.db,
      { codigo: 'LOCAL', barcode: '111', descripcion: 'Solo aquí', unidad: 'und', precio: '9.00', tasaItbms: '00' },
      GERENTE,
      AT,
    );
    applyCatalogChanges(store.db, [change('A1', 1, '1.00', { barcode: '222' })], at(1, 'A1'), AT);
    const result = applyCatalogChanges(
      store.db,
      [
        change('A1', 2, '1.00', { barcode: null }),
        change('B2', 2, '2.00', { barcode: '111' }),
        change('C3', 2, '3.00', { barcode: '222' }),
      ].reverse(),
      at(2, 'C3'),
      AT,
    ); // the receiving product first: the move must not depend on the order
    expect(result).toMatchObject({
      applied: 2,
      refused: [{ codigo: 'B2', reason: 'barcode_taken', detail: 'barcode 111 belongs to product LOCAL' }],
    });
    expect(lookupProduct(store.db, '222')?.codigo).toBe('C3');
    expect(lookupProduct(store.db, '111')?.codigo).toBe('LOCAL');
  });

  it('head office wins over a local edit, which is audited as overwritten with the local values', () => {
    applyCatalogChanges(store.db, [change('A1', 1, '1.50'), change('B2', 1, '2.00')], at(1, 'B2'), AT);
    const a1 = lookupProduct(store.db, 'A1');
    if (!a1) throw new Error('A1 missing');
    saveProduct(store.db, { ...a1, precio: '1.99' }, GERENTE, new Date('2026-12-05T14:30:00.000Z'));
    applyCatalogChanges(store.db, [change('A1', 2, '1.60'), change('B2', 2, '2.10')], at(2, 'B2'), LATER);
    expect(getProduct(store.db, a1.id)?.precio).toBe('1.60');
    expect(audits('catalog.central_overwrote_local')).toEqual([
      expect.objectContaining({
        codigo: 'A1',
        version: 2,
        before: expect.objectContaining({ precio: '1.99' }) as unknown,
      }),
    ]);
    expect(applied().map((d) => [d['codigo'], d['version']])).toEqual([
      ['A1', 1],
      ['B2', 1],
      ['B2', 2],
    ]);
  });

  it('writes nothing while a sale is in progress, and applies once the basket is gone', () => {
    saveDraft(store.db, CASHIER, basket(), AT);
    const audit = count('SELECT count(*) FROM audit_log');
    expect(applyCatalogChanges(store.db, [change('A1', 1, '1.75')], at(1, 'A1'), AT)).toEqual({
      kind: 'sale_in_progress',
    });
    expect([
      count('SELECT count(*) FROM products'),
      count('SELECT count(*) FROM audit_log'),
      readCatalogState(store.db).position,
    ]).toEqual([0, audit, { since: 0, after: '' }]);
    saveDraft(store.db, CASHIER, null, AT); // completed or emptied: the till clears its draft
    expect(applyCatalogChanges(store.db, [change('A1', 1, '1.75')], at(1, 'A1'), AT)).toMatchObject({
      kind: 'applied',
      applied: 1,
    });
  });

  it('never applies in the training data set', () => {
    pinHkaEnvironment(store.db, 'simulador', AT);
    const audit = count('SELECT count(*) FROM audit_log');
    expect(applyCatalogChanges(store.db, [change('A1', 1, '1.75')], at(1, 'A1'), AT)).toEqual({ kind: 'training' });
    expect([count('SELECT count(*) FROM products'), count('SELECT count(*) FROM audit_log')]).toEqual([0, audit]);
  });
});
