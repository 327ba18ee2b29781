// The status bar's queue counts are asked for every few seconds by every window (app:status), and a year's history
// keeps ~700 000 done jobs in outbox_jobs: the counts must come from an index seek on the states they show, never
// from a scan of that history, and the statements are prepared once per connection (decision 0041). Checked on SQLite's
// query plan (independent of the machine's speed) and on the counts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planOf, preparedDuring } from '../../../tests/fixtures/query-plans';
import { seedDocuments } from '../app/documents-bench';
import { openDatabase, type OpenedDatabase } from '../store/open-database';
import { queueCounts } from './outbox-repo';

let store: OpenedDatabase;

/** 40 jobs, 5 in each counted state and the rest done or cancelled (the history). */
function seededStore(): OpenedDatabase {
  const store = openDatabase({ path: ':memory:' });
  seedDocuments(store.db, 40);
  const ids = (store.sqlite.prepare('SELECT id FROM documents ORDER BY id').all() as { id: string }[]).map((r) => r.id);
  const states = ['done', 'done', 'done', 'cancelled', 'pending', 'leased', 'parked', 'failed'];
  const insert = store.sqlite.prepare(
    'INSERT INTO outbox_jobs (document_id, state, next_attempt_at, created_at) VALUES (?, ?, 0, ?)',
  );
  ids.forEach((id, k) => insert.run(id, states[k % states.length], `2026-01-01T00:00:${String(k).padStart(2, '0')}Z`));
  return store;
}

beforeAll(() => {
  store = seededStore();
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

  it('says nothing of the oldest when nothing waits', () => {
    const empty = openDatabase({ path: ':memory:' });
    try {
      expect(queueCounts(empty.db)).toEqual({
        waiting: 0,
        inFlight: 0,
        parked: 0,
        failed: 0,
        oldestWaitingSince: undefined,
      });
    } finally {
      empty.close();
    }
  });

  it('counts from the outbox_jobs_due index alone, reads only waiting rows, and prepares its statements once', () => {
    const fresh = seededStore(); // statements are cached per connection: a new one shows what the first call prepares
    try {
      const prepared = preparedDuring(fresh.sqlite, () => queueCounts(fresh.db)).filter((sql) =>
        /from "?outbox_jobs"?/i.test(sql),
      );
      expect(prepared).toHaveLength(2);
      const plans = prepared.map((sql) => planOf(fresh.sqlite, sql));
      expect(plans[0]).toMatch(/SEARCH outbox_jobs USING COVERING INDEX outbox_jobs_due \(state=\?\)/);
      expect(plans[1]).toMatch(/SEARCH outbox_jobs USING INDEX outbox_jobs_due \(state=\?\)/);
      for (const plan of plans) expect(plan).not.toMatch(/SCAN outbox_jobs/);
      expect(preparedDuring(fresh.sqlite, () => queueCounts(fresh.db))).toEqual([]);
    } finally {
      fresh.close();
    }
  });
});
