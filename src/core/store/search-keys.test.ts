// The distinct customers of migration 0014 (decision 0034) stay right whatever writes the documents: each named
// document's search row points at the customer with its name and RUC and carries its created_at, each customer counts
// its documents, and the migration's backfill writes what the triggers keep.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDocuments } from '../app/documents-bench';
import { openDatabase, type OpenedDatabase } from './open-database';

let store: OpenedDatabase;

beforeAll(() => {
  store = openDatabase({ path: ':memory:' });
  seedDocuments(store.db, 600);
});
afterAll(() => store.close());

const ruc = (numeroRUC: string) => JSON.stringify({ cliente: { tipoClienteFE: '01', numeroRUC } });
const id = (i: number) => `doc-${String(i).padStart(8, '0')}`;

/** Rows that break an invariant (empty when every one holds). */
function broken(): unknown[] {
  const sqlite = store.sqlite;
  return [
    ...sqlite
      .prepare(
        `SELECT s.document_id FROM document_search s JOIN documents d ON d.id = s.document_id
         LEFT JOIN document_search_keys k ON k.id = s.key_id
         WHERE k.id IS NULL OR k.nombre IS NOT s.nombre OR k.ruc IS NOT s.ruc OR s.created_at IS NOT d.created_at`,
      )
      .all(),
    ...sqlite
      .prepare(
        `SELECT k.id, k.n FROM document_search_keys k
         WHERE k.n <> (SELECT count(*) FROM document_search s WHERE s.key_id = k.id)`,
      )
      .all(),
    ...sqlite.prepare('SELECT nombre, ruc FROM document_search_keys GROUP BY nombre, ruc HAVING count(*) > 1').all(),
  ];
}

/** The customers and their documents by value (ids of keys differ between the backfill and the triggers). */
const byValue = () =>
  store.sqlite
    .prepare(
      `SELECT s.document_id, s.created_at, k.nombre, k.ruc, k.n FROM document_search s
       JOIN document_search_keys k ON k.id = s.key_id ORDER BY s.document_id`,
    )
    .all();

describe('distinct customers of the documents search (migration 0014)', () => {
  it('are kept by the triggers through captures, name and RUC changes, and deletes', () => {
    const sqlite = store.sqlite;
    expect(sqlite.prepare('SELECT count(*) FROM document_search_keys').pluck().get()).toBe(6);
    expect(broken()).toEqual([]);
    const update = sqlite.prepare('UPDATE documents SET body = ? WHERE id = ?');
    update.run(ruc('8-123-456'), id(3)); // an anonymous sale gets a cédula: a new customer (name null)
    update.run(ruc('8-123-456'), id(4)); // the same customer again
    update.run(ruc('155-1-2'), id(1)); // a named document gets a RUC: (name, RUC) is another customer
    sqlite.prepare('UPDATE documents SET receptor_nombre = ? WHERE id = ?').run('Nadie Nuevo', id(2));
    sqlite.prepare('UPDATE documents SET created_at = ? WHERE id = ?').run('2026-01-01T11:00:00.000Z', id(11));
    sqlite.prepare('DELETE FROM document_search WHERE document_id = ?').run(id(6)); // e.g. a restore's rewrite
    expect(broken()).toEqual([]);
    const count = (nombre: string | null, r: string | null) =>
      sqlite.prepare('SELECT n FROM document_search_keys WHERE nombre IS ? AND ruc IS ?').pluck().get(nombre, r);
    expect(count(null, '8-123-456')).toBe(2);
    expect(count('Nadie Nuevo', null)).toBe(1);
    expect(sqlite.prepare('SELECT count(*) FROM document_search WHERE document_id = ?').pluck().get(id(6))).toBe(0);
  });

  it("backfills from the search rows what the triggers keep (the migration's own statements)", () => {
    const kept = byValue();
    const sql = readFileSync(join(import.meta.dirname, '../../../drizzle/sqlite/0014_search_keys.sql'), 'utf8');
    const backfill = sql
      .split('--> statement-breakpoint')
      .map((s) => s.replace(/^\s*(--[^\n]*\n)*/g, '').trim())
      .filter((s) => /^(INSERT INTO `document_search_keys`|UPDATE `document_search)/.test(s));
    expect(backfill).toHaveLength(3); // the keys, each row's key and created_at, the counts
    const sqlite = store.sqlite;
    sqlite.exec('BEGIN');
    try {
      sqlite.exec('DELETE FROM document_search_keys; UPDATE document_search SET key_id = NULL, created_at = NULL');
      for (const statement of backfill) sqlite.exec(statement);
      expect(byValue()).toEqual(kept);
      expect(broken()).toEqual([]);
    } finally {
      sqlite.exec('ROLLBACK');
    }
  });
});
