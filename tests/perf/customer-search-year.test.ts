// The search by customer (decision 0034) gives what a straightforward reference gives, on a small year written by the
// year generator (fixed seed): every document read and tested in JavaScript — every folded word in the name, or the
// folded text in the RUC/cédula, or the document's id — newest first. Each way of reading a page (lanes, named walk,
// status walk) and the automatic choice must page through exactly those documents by cursor, without gaps or
// repeats, also when documents arrive between two pages; the total is exact up to the cap.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateYear } from '../../bench/year/generate-year';
import { customerSearchPage, type Strategy } from '../../src/core/app/customer-search';
import { listDocuments, type DocumentsQuery } from '../../src/core/app/documents-list';
import { CANDIDATE_CAP, searchFilter } from '../../src/core/app/documents-search';
import { foldText } from '../../src/core/app/text-search';
import { openDatabase, type OpenedDatabase } from '../../src/core/store/open-database';

let dir: string;
let store: OpenedDatabase;

interface Doc {
  id: string;
  createdAt: string;
  status: string;
  nombre: string | null;
  ruc: string | null;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sago-search-year-'));
  store = openDatabase({ path: join(dir, 'year.sqlite'), checkpointIntervalMs: 0 });
  await generateYear(store, { docs: 3_000, days: 15, seed: 17 });
}, 300_000);

afterAll(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const RUC = `coalesce(json_extract(body, '$.cliente.numeroRUC'), json_extract(body, '$.cliente.identificacion.numeroRUC'),
  json_extract(body, '$.cliente.nroIdentificacionExtranjero'))`;

/** The reference: every document, tested in JavaScript, newest first (ties by id, descending). */
function reference(text: string, statuses?: readonly string[]): string[] {
  const docs = store.sqlite
    .prepare(
      `SELECT id, created_at AS createdAt, status, receptor_nombre AS nombre, ${RUC} AS ruc FROM documents
       ORDER BY created_at DESC, id DESC`,
    )
    .all() as Doc[];
  const folded = foldText(text.trim());
  const words = folded.split(/\s+/).filter((w) => w.length > 0);
  const maybeRuc = /\d/.test(text);
  return docs
    .filter(
      (d) =>
        (d.nombre !== null && words.every((w) => foldText(d.nombre ?? '').includes(w))) ||
        d.id === text.trim() ||
        (maybeRuc && d.ruc !== null && foldText(d.ruc).includes(folded)),
    )
    .filter((d) => !statuses || statuses.includes(d.status))
    .map((d) => d.id);
}

/** Pages through customerSearchPage with a forced way of reading, following each page's last position. */
function pagesOf(text: string, statuses: string[] | undefined, strategy: Strategy, limit: number): string[] {
  const match = searchFilter(store.sqlite, text)?.customer;
  if (!match) throw new Error(`"${text}" is not a customer search`);
  const ids: string[] = [];
  let cursor: [string, string] | undefined;
  for (let pages = 0; pages < 10_000; pages++) {
    const documents = store.sqlite.prepare('SELECT count(*) FROM documents').pluck().get() as number;
    const q = { statuses, cursor, take: limit + 1, cap: CANDIDATE_CAP, documents };
    const page = customerSearchPage(store.sqlite, match, q, strategy);
    ids.push(...page.positions.slice(0, limit).map((p) => p.id));
    const last = page.positions[limit - 1];
    if (page.positions.length <= limit || !last) return ids;
    cursor = [last.createdAt, last.id];
  }
  throw new Error('cursor never ended');
}

/** Pages through the documents list (automatic choice); `between` runs after the first page. */
function listPages(query: Omit<DocumentsQuery, 'cursor'>, between?: () => void): string[] {
  const ids: string[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 10_000; pages++) {
    const page = listDocuments(store.db, { ...query, cursor });
    ids.push(...page.items.map((d) => d.id));
    if (pages === 0) between?.();
    if (page.nextCursor === null) return ids;
    cursor = page.nextCursor;
  }
  throw new Error('cursor never ended');
}

function sampleQueries(): string[] {
  const names = store.sqlite
    .prepare('SELECT DISTINCT receptor_nombre FROM documents WHERE receptor_nombre IS NOT NULL ORDER BY 1')
    .pluck()
    .all() as string[];
  const rucs = store.sqlite
    .prepare(`SELECT DISTINCT ${RUC} FROM documents WHERE ${RUC} IS NOT NULL ORDER BY 1`)
    .pluck()
    .all() as string[];
  const someId = store.sqlite.prepare('SELECT id FROM documents ORDER BY id LIMIT 1 OFFSET 77').pluck().get() as string;
  const every = <T>(list: T[], n: number) => list.filter((_, i) => i % Math.ceil(list.length / n) === 0);
  return [
    ...every(names, 12),
    ...every(rucs, 6),
    ...every(rucs, 3).map((r) => r.slice(2, 9)),
    'maria',
    'MARÍA',
    'nunez',
    'S.A.',
    'comercial istmo',
    'gomez de',
    '-1-20',
    someId,
    'nadie en la lista',
  ];
}

describe('search by customer on a small generated year (fixed seed)', () => {
  const STATUSES: (string[] | undefined)[] = [undefined, ['AUTHORIZED'], ['REJECTED', 'FAILED', 'ANNULLED']];

  it('every way of reading a page gives the reference, page by page, with the reference total', () => {
    let compared = 0;
    for (const text of sampleQueries()) {
      for (const statuses of STATUSES) {
        const expected = reference(text, statuses);
        const ways: Strategy[] = statuses ? ['lanes', 'named-walk', 'status-walk'] : ['lanes', 'named-walk'];
        for (const way of ways) expect(pagesOf(text, statuses, way, 7), `${text} ${way}`).toEqual(expected);
        expect(listPages({ limit: 9, query: text, status: statuses as DocumentsQuery['status'] })).toEqual(expected);
        const first = listDocuments(store.db, { limit: 9, query: text, status: statuses as DocumentsQuery['status'] });
        expect(first.total, text).toBe(Math.min(expected.length, CANDIDATE_CAP));
        expect(first.totalCapped).toBe(expected.length > CANDIDATE_CAP ? true : undefined);
        compared += expected.length;
      }
    }
    expect(compared).toBeGreaterThan(1_000); // the sample matched enough documents to mean something
  });

  it('documents arriving between two pages: no gap, no repeat, the newer one waits for a new first page', () => {
    const text = 'maria';
    const before = reference(text);
    const model = before[before.length - 1]!; // a matching document to copy
    const columns = (store.sqlite.prepare('PRAGMA table_info(documents)').all() as { name: string }[])
      .map((c) => c.name)
      .filter((c) => !['id', 'numero', 'cufe', 'created_at', 'updated_at'].includes(c));
    const copy = (id: string, at: string) =>
      store.sqlite
        .prepare(
          `INSERT INTO documents (id, numero, created_at, updated_at, ${columns.join(', ')})
           SELECT ?, (SELECT max(numero) + 1 FROM documents), ?, ?, ${columns.join(', ')} FROM documents WHERE id = ?`,
        )
        .run(id, at, at, model);
    let firstPage: string[] = [];
    const read = listPages({ limit: 10, query: text }, () => {
      firstPage = reference(text).slice(0, 10);
      copy('late-newest', '2099-01-01T00:00:00.000Z'); // newer than the cursor: not on the following pages
      copy('late-oldest', '2000-01-01T00:00:00.000Z'); // older than the cursor: on the last page
    });
    expect(read.slice(0, 10)).toEqual(firstPage);
    expect(read).toEqual([...before, 'late-oldest']);
    expect(new Set(read).size).toBe(read.length);
    const fresh = listDocuments(store.db, { limit: 10, query: text });
    expect(fresh.items[0]?.id).toBe('late-newest');
    expect(fresh.total).toBe(Math.min(before.length + 2, CANDIDATE_CAP));
    expect(listPages({ limit: 10, query: text })).toEqual(reference(text));
  });
});
