import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type OpenedDatabase } from '../store/open-database';
import { AppError } from './app-error';
import { seedDocuments, seededStatus } from './documents-bench';
import { listDocuments, type DocumentsQuery } from './documents-list';

const COUNT = 1_234;
let store: OpenedDatabase;

beforeAll(() => {
  store = openDatabase({ path: ':memory:' });
  seedDocuments(store.db, COUNT); // every 10th document shares its predecessor's created_at
});
afterAll(() => store.close());

/** Follows nextCursor to the end; returns every id in order. */
function walk(query: Omit<DocumentsQuery, 'cursor'>): string[] {
  const ids: string[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 1_000; pages++) {
    const page = listDocuments(store.db, { ...query, cursor });
    ids.push(...page.items.map((d) => d.id));
    if (page.nextCursor === null) return ids;
    cursor = page.nextCursor;
  }
  throw new Error('cursor never ended');
}

/** The order the list promises: newest first, ties broken by id, computed without SQL. */
function expectedIds(keep: (i: number) => boolean): string[] {
  const ids: string[] = [];
  for (let i = 1; i <= COUNT; i++) if (keep(i)) ids.push(`doc-${String(i).padStart(8, '0')}`);
  return ids.reverse(); // created_at grows with i; equal timestamps order by id DESC, which is also i DESC
}

describe('listDocuments', () => {
  it('pages through every document exactly once, newest first, across equal timestamps', () => {
    const first = listDocuments(store.db, { limit: 50 });
    expect(first.total).toBe(COUNT);
    expect(first.items).toHaveLength(50);
    expect(first.items[0]).toMatchObject({ id: `doc-${String(COUNT).padStart(8, '0')}`, numero: COUNT, puntoFacturacion: '001' });
    expect(walk({ limit: 50 })).toEqual(expectedIds(() => true));
    expect(walk({ limit: 7 })).toEqual(expectedIds(() => true));
  });

  it('filters by status, dense (AUTHORIZED) and sparse (FAILED) alike, with the same order', () => {
    expect(walk({ limit: 50, status: ['AUTHORIZED'] })).toEqual(expectedIds((i) => seededStatus(i) === 'AUTHORIZED'));
    const attention = (i: number) => ['REJECTED', 'FAILED'].includes(seededStatus(i));
    expect(walk({ limit: 20, status: ['REJECTED', 'FAILED'] })).toEqual(expectedIds(attention));
    expect(listDocuments(store.db, { limit: 5, status: ['FAILED'] }).total).toBe(expectedIds((i) => seededStatus(i) === 'FAILED').length);
    expect(listDocuments(store.db, { limit: 5, status: ['ANNULLED'] })).toEqual({ items: [], nextCursor: null, total: 0 });
  });

  it('searches by customer name without accents, by number, and by CUFE prefix', () => {
    const byName = listDocuments(store.db, { limit: 200, query: 'maria fernandez' });
    expect(byName.total).toBeGreaterThan(0);
    expect(byName.items.every((d) => d.receptorNombre === 'María Fernández')).toBe(true);
    expect(walk({ limit: 9, query: 'maria' })).toHaveLength(byName.total);

    expect(listDocuments(store.db, { limit: 50, query: '777' }).items.map((d) => d.numero)).toEqual([777]);
    const cufe = listDocuments(store.db, { limit: 50, query: '123' }).items[0]?.cufe;
    expect(cufe).toBeTruthy();
    expect(listDocuments(store.db, { limit: 50, query: cufe!.slice(0, 50).toLowerCase() }).items.map((d) => d.numero)).toContain(123);
    expect(listDocuments(store.db, { limit: 50, query: 'nadie%' }).total).toBe(0);
  });

  it('combines a status filter with a search', () => {
    const page = listDocuments(store.db, { limit: 200, query: 'jose', status: ['QUEUED'] });
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.every((d) => d.status === 'QUEUED' && d.receptorNombre === 'José Rodríguez')).toBe(true);
  });

  it('refuses a cursor it did not make', () => {
    for (const cursor of ['garbage', Buffer.from('[1,2]').toString('base64url'), Buffer.from('{"a":1}').toString('base64url')]) {
      expect(() => listDocuments(store.db, { limit: 5, cursor })).toThrow(AppError);
    }
  });
});
