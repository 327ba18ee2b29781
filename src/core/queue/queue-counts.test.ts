// The status bar's queue counts are asked for every few seconds by every window (app:status), and a year's history
// keeps ~700 000 done jobs in outbox_jobs: the counts must come from an index seek on the states they show, never
// from a scan of that history. Checked on SQLite's query plan (independent of the machine's speed) and on the counts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planOf, preparedDuring } from '../../../tests/fixtures/query-plans';
import { seedDocuments } from '../app/documents-bench';
import { openDatabase, type OpenedDatabase } from '../store/open-database';
import { queueCounts } from './outbox-repo';

let store: OpenedDatabase;

beforeAll(() => {
  store = openDatabase({ path: ':memory:' });
  seedDocuments(store.db, 40);
  const ids = (store.sqlite.prepare('SELECT id FROM documents ORDER BY id').all() as { id: string }[]).map((r) => r.id);
  const states = ['done', 'done', 'done', 'cancelled', 'pending', 'leased', 'parked', 'failed'];
  const insert = store.sqlite.prepare(
    'INSERT INTO outbox_jobs (document_id, state, next_attempt_at, created_at) VALUES (?, ?, 0, ?)',
  );
  ids.forEach((id, k) => insert.run(id, states[k % states.length], `2026-01-01T00:00:${String(k).padStart(2, '0')}Z`));
});
afterAll(() => store.close());

describe('queueCounts', () => {
  it('counts what is waiting, parked and failed, and leaves done and cancelled jobs out', () => {
    expect(queueCounts(store.db)).toEqual({
      waiting: 10,
      inFlight: 5,
      parked: 5,
      failed: 5,
      oldestWaitingSince: '2026-01-01T00:00:04Z',
    });
  });

  it('reads the outbox_jobs_due index for the states it shows instead of scanning the history', () => {
    const counts = preparedDuring(store.sqlite, () => queueCounts(store.db)).filter((sql) =>
      /from "outbox_jobs"/i.test(sql),
    );
    expect(counts).toHaveLength(1);
    const plan = planOf(store.sqlite, counts[0] ?? '');
    expect(plan).toMatch(/SEARCH outbox_jobs USING INDEX outbox_jobs_due \(state=\?\)/);
    expect(plan).not.toMatch(/SCAN outbox_jobs/);
  });
});
