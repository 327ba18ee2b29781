import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type OpenedDatabase } from '../store/open-database';
import { AppError } from './app-error';
import { seedDocuments, seededStatus } from './documents-bench';
import { listDocuments, type DocumentsQuery } from './documents-list';
import { CANDIDATE_CAP } from './documents-search';
import { foldText } from './text-search';

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
    expect(first.items[0]).toMatchObject({
      id: `doc-${String(COUNT).padStart(8, '0')}`,
      numero: COUNT,
      puntoFacturacion: '001',
    });
    expect(walk({ limit: 50 })).toEqual(expectedIds(() => true));
    expect(walk({ limit: 7 })).toEqual(expectedIds(() => true));
  });

  it('filters by status, dense (AUTHORIZED) and sparse (FAILED) alike, with the same order', () => {
    expect(walk({ limit: 50, status: ['AUTHORIZED'] })).toEqual(expectedIds((i) => seededStatus(i) === 'AUTHORIZED'));
    const attention = (i: number) => ['REJECTED', 'FAILED'].includes(seededStatus(i));
    expect(walk({ limit: 20, status: ['REJECTED', 'FAILED'] })).toEqual(expectedIds(attention));
    expect(listDocuments(store.db, { limit: 5, status: ['FAILED'] }).total).toBe(
      expectedIds((i) => seededStatus(i) === 'FAILED').length,
    );
    expect(listDocuments(store.db, { limit: 5, status: ['ANNULLED'] })).toEqual({
      items: [],
      nextCursor: null,
      total: 0,
    });
  });

  it('searches by customer name without accents, by number, and by CUFE prefix', () => {
    const byName = listDocuments(store.db, { limit: 200, query: 'maria fernandez' });
    expect(byName.total).toBeGreaterThan(0);
    expect(byName.items.every((d) => d.receptorNombre === 'María Fernández')).toBe(true);
    expect(walk({ limit: 9, query: 'maria' })).toHaveLength(byName.total);

    expect(listDocuments(store.db, { limit: 50, query: '777' }).items.map((d) => d.numero)).toEqual([777]);
    const cufe = listDocuments(store.db, { limit: 50, query: '123' }).items[0]?.cufe;
    expect(cufe).toBeTruthy();
    expect(
      listDocuments(store.db, { limit: 50, query: cufe!.slice(0, 50).toLowerCase() }).items.map((d) => d.numero),
    ).toContain(123);
    expect(listDocuments(store.db, { limit: 50, query: 'nadie%' }).total).toBe(0);
  });

  it('combines a status filter with a search', () => {
    const page = listDocuments(store.db, { limit: 200, query: 'jose', status: ['QUEUED'] });
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.every((d) => d.status === 'QUEUED' && d.receptorNombre === 'José Rodríguez')).toBe(true);
  });

  it('refuses a cursor it did not make', () => {
    for (const cursor of [
      'garbage',
      Buffer.from('[1,2]').toString('base64url'),
      Buffer.from('{"a":1}').toString('base64url'),
    ]) {
      expect(() => listDocuments(store.db, { limit: 5, cursor })).toThrow(AppError);
    }
  });

  it('finds a customer by RUC or cédula fragment, kept in step when a document changes (migration 0009 triggers)', () => {
    const id = `doc-${String(500).padStart(8, '0')}`;
    store.sqlite
      .prepare('UPDATE documents SET body = ? WHERE id = ?')
      .run(JSON.stringify({ cliente: { tipoClienteFE: '01', numeroRUC: '2588017-1-831938' } }), id);
    expect(listDocuments(store.db, { limit: 50, query: '2588017-1' }).items.map((d) => d.id)).toEqual([id]);
    expect(listDocuments(store.db, { limit: 50, query: '017-1-83' }).total).toBe(1);
    store.sqlite.prepare("UPDATE documents SET body = '{}' WHERE id = ?").run(id);
    expect(listDocuments(store.db, { limit: 50, query: '2588017-1' }).total).toBe(0);
  });

  it('keeps the per-status totals in step with status changes', () => {
    const failed = () => listDocuments(store.db, { limit: 1, status: ['FAILED'] }).total;
    const before = failed();
    const id = store.sqlite.prepare("SELECT id FROM documents WHERE status = 'FAILED' LIMIT 1").pluck().get() as string;
    store.sqlite.prepare("UPDATE documents SET status = 'QUEUED' WHERE id = ?").run(id);
    expect(failed()).toBe(before - 1);
    store.sqlite.prepare("UPDATE documents SET status = 'FAILED' WHERE id = ?").run(id);
    expect(failed()).toBe(before);
  });
});

describe('listDocuments, a search matching more than the candidate cap', () => {
  const MANY = 20_000;
  let big: OpenedDatabase;
  beforeAll(() => {
    big = openDatabase({ path: ':memory:' });
    seedDocuments(big.db, MANY);
  });
  afterAll(() => big.close());
  const named = (i: number, name: string) =>
    i % 5 < 2 &&
    [
      'María Fernández',
      'José Rodríguez',
      'Comercial Los Andes, S.A.',
      'Ana Gómez',
      'Distribuidora Istmo',
      'Luis Núñez',
    ][i % 6] === name;
  const all = (query: Omit<DocumentsQuery, 'cursor'>): string[] => {
    const ids: string[] = [];
    let cursor: string | undefined;
    do {
      const page = listDocuments(big.db, { ...query, cursor });
      ids.push(...page.items.map((d) => d.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined);
    return ids;
  };
  const expected = (keep: (i: number) => boolean) => {
    const ids: string[] = [];
    for (let i = MANY; i >= 1; i--) if (keep(i)) ids.push(`doc-${String(i).padStart(8, '0')}`);
    return ids;
  };

  it('counts up to the cap, says so, and still pages through every match in order', () => {
    const first = listDocuments(big.db, { limit: 50, query: 'maria' });
    expect(first).toMatchObject({ total: CANDIDATE_CAP, totalCapped: true });
    expect(all({ limit: 200, query: 'maria' })).toEqual(expected((i) => named(i, 'María Fernández')));
  });

  it('serves a search with more matches than the cap from its candidates when that reads fewer rows (decision 0031)', () => {
    // 1 333 matches: a page of 50 walks the history (candidates read up to the cap, 1 000), a page of 500 sorts the
    // candidates (read up to √(20 000 × 501 ÷ 2) ≈ 2 238): both must give the same rows in the same order.
    const maria = expected((i) => named(i, 'María Fernández'));
    expect(maria.length).toBe(1_333);
    expect(all({ limit: 500, query: 'maria' })).toEqual(maria);
    expect(all({ limit: 50, query: 'maria' })).toEqual(maria);
    expect(listDocuments(big.db, { limit: 500, query: 'maria' })).toMatchObject({
      total: CANDIDATE_CAP,
      totalCapped: true,
    });
    // With a status filter the total is exact again (the candidates are the matches: only the status is tested).
    const rare = expected((i) => named(i, 'María Fernández') && ['FAILED', 'REJECTED'].includes(seededStatus(i)));
    const page = listDocuments(big.db, { limit: 500, query: 'María', status: ['FAILED', 'REJECTED'] });
    expect(rare.length).toBeGreaterThan(0);
    expect(page.total).toBe(rare.length);
    expect(page.totalCapped).toBeUndefined();
    expect(page.items.map((d) => d.id)).toEqual(rare.slice(0, 500));
  });

  it('combines a broad search with a rare status, and a word too short for the index', () => {
    expect(all({ limit: 50, query: 'MARÍA', status: ['FAILED', 'REJECTED'] })).toEqual(
      expected((i) => named(i, 'María Fernández') && ['FAILED', 'REJECTED'].includes(seededStatus(i))),
    );
    const short = listDocuments(big.db, { limit: 50, query: 'ña' });
    expect(short.items.length).toBe(50);
    expect(short.items.every((d) => foldText(d.receptorNombre ?? '').includes('na'))).toBe(true);
  });
});
