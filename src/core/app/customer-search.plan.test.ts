// A search by customer reads indexes whatever the history's size (issue 17, decision 0034): checked on the plans SQLite
// chooses for each way of reading a page, which do not depend on how busy the machine is. A lost index, a scan of
// the documents or of every named document, or a sort of every match fails here; the timings are
// `npm run bench -- --search`.
import { afterEach, describe, expect, it } from 'vitest';
import { plansDuring } from '../../../tests/fixtures/query-plans';
import { openDatabase, type OpenedDatabase } from '../store/open-database';
import { customerSearchPage, type CustomerPageQuery, type Strategy } from './customer-search';
import { seedDocuments } from './documents-bench';
import { searchFilter } from './documents-search';

let store: OpenedDatabase | undefined;
afterEach(() => store?.close());

/** Every statement customerSearchPage prepares for `text`, with the plan SQLite chose for it. */
function plansOf(text: string, q: Partial<CustomerPageQuery>, strategy: Strategy): { sql: string; plan: string }[] {
  // A fresh connection each time: statements are prepared once per connection (statement-cache.ts).
  store = openDatabase({ path: ':memory:' });
  seedDocuments(store.db, 3_000);
  const sqlite = store.sqlite;
  // More customers than are read apart, for the lanes' one-statement form ("maria" matches them all).
  const rename = sqlite.prepare('UPDATE documents SET receptor_nombre = ? WHERE id = ?');
  if (text === 'maria')
    for (let i = 1; i <= 12; i++) rename.run(`María Prueba ${i}`, `doc-${String(i * 7).padStart(8, '0')}`);
  return plansDuring(sqlite, () => {
    const match = searchFilter(sqlite, text)?.customer;
    if (!match) throw new Error(`"${text}" is not a customer search`);
    const page = customerSearchPage(
      sqlite,
      match,
      { statuses: undefined, cursor: undefined, take: 51, cap: 1_000, documents: 3_000, ...q },
      strategy,
    );
    expect(page.positions.length).toBeGreaterThan(0);
  });
}

const cursor: [string, string] = ['2026-01-01T12:30:00.000Z', 'doc-00002000'];

describe('a search by customer reads indexes, never every document', () => {
  it.each([
    ['lanes', undefined, /SEARCH s USING COVERING INDEX document_search_key_created \(key_id=\? AND created_at<\?\)/],
    [
      'named-walk',
      undefined,
      /SCAN s USING COVERING INDEX document_search_created|SEARCH s USING COVERING INDEX document_search_created \(created_at<\?\)/,
    ],
    [
      'status-walk',
      ['REJECTED', 'FAILED'],
      /SEARCH d USING (COVERING )?INDEX documents_status_created \(status=\? AND created_at<\?\)/,
    ],
    [
      'lanes',
      ['AUTHORIZED'],
      /SEARCH s USING COVERING INDEX document_search_key_created \(key_id=\? AND created_at<\?\)/,
    ],
  ] as const)('%s (statuses %j): the index it is meant to read', (strategy, statuses, expected) => {
    const plans = plansOf('maria', { statuses, cursor }, strategy);
    const page = plans.find((p) => /ORDER BY/.test(p.sql));
    expect(page?.plan).toMatch(expected);
    for (const { plan } of plans) {
      // A table read whole: "SCAN d" / "SCAN s" / "SCAN k" without an index (the FTS5 table is a virtual table scan).
      expect(plan).not.toMatch(/SCAN (d|s|k)(?! USING)/);
    }
    if (strategy !== 'lanes') expect(page?.plan).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
  });

  it('lanes, a few customers: each one apart on document_search_key_created', () => {
    const plans = plansOf('maria fernandez', { cursor }, 'lanes');
    const page = plans.find((p) => /ORDER BY/.test(p.sql));
    expect(page?.plan).toMatch(
      /SEARCH s USING COVERING INDEX document_search_key_created \(key_id=\? AND created_at<\?\)/,
    );
    expect(page?.plan).not.toMatch(/TEMP B-TREE FOR ORDER BY/); // each lane is read in index order
  });

  it('finds the customers through the trigram index over the customers, not over the documents', () => {
    const [keys] = plansOf('maria fernandez', {}, 'lanes');
    expect(keys?.plan).toMatch(/SCAN f VIRTUAL TABLE INDEX/);
    expect(keys?.plan).toMatch(/SEARCH k USING INTEGER PRIMARY KEY/);
  });
});
