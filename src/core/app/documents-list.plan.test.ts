// The documents list stays fast at 100 000 documents (issue 5) because every page query reads an index in order:
// checked here on the query plans SQLite chooses, which do not depend on how busy the machine is. A lost index or a
// plan that sorts every match fails this test; how long the queries take is `npm run bench` (documents list).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plansDuring } from '../../../tests/fixtures/query-plans';
import { openDatabase, type OpenedDatabase } from '../store/open-database';
import { seedDocuments } from './documents-bench';
import { encodeCursor, listDocuments, type DocumentsQuery } from './documents-list';

const COUNT = 3_000;
let store: OpenedDatabase;
let middle: string;

beforeAll(() => {
  store = openDatabase({ path: ':memory:' });
  seedDocuments(store.db, COUNT);
  const row = store.sqlite
    .prepare('SELECT created_at AS createdAt, id FROM documents ORDER BY created_at DESC, id DESC LIMIT 1 OFFSET ?')
    .get(COUNT / 2) as { createdAt: string; id: string };
  middle = encodeCursor(row.createdAt, row.id);
});
afterAll(() => store.close());

/** Every statement listDocuments prepares for `query` on the documents table, with the plan SQLite chose for it. */
function plansOf(query: DocumentsQuery): { sql: string; plan: string }[] {
  return plansDuring(store.sqlite, () => expect(listDocuments(store.db, query).items.length).toBeGreaterThan(0)).filter(
    ({ sql }) => /\bFROM documents d\b/.test(sql),
  );
}

describe('the documents list reads an index in order, whatever the size of the history', () => {
  const pages: [string, () => DocumentsQuery][] = [
    ['first page', () => ({ limit: 50 })],
    ['middle page (cursor)', () => ({ limit: 50, cursor: middle })],
    ['needs attention (REJECTED, FAILED)', () => ({ limit: 50, status: ['REJECTED', 'FAILED'] })],
    ['AUTHORIZED, middle page', () => ({ limit: 50, status: ['AUTHORIZED'], cursor: middle })],
  ];

  it.each(pages)('%s: an index on documents, no sort of the matches', (_label, query) => {
    const plans = plansOf(query());
    expect(plans.length).toBeGreaterThan(0);
    for (const { plan } of plans) {
      expect(plan).toMatch(/(SEARCH|SCAN) d USING (COVERING )?INDEX/);
      // Ties on created_at are ordered by id in small batches ("FOR LAST TERM OF ORDER BY"); never all matches at once.
      expect(plan).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
    }
  });

  it.each([
    ['search by name "maria"', 'maria'],
    ['search by number', String(COUNT / 3)],
  ])('%s: never a full scan of documents', (_label, text) => {
    const plans = plansOf({ limit: 50, query: text });
    expect(plans.length).toBeGreaterThan(0);
    for (const { plan } of plans) expect(plan).not.toMatch(/SCAN d(?! USING)/);
  });
});
