// The queue's claim (decision 0041: its statements prepared once per connection): due jobs in order up to the limit,
// expired leases taken back and marked "may have been sent", documents in flight left alone, QUEUED documents marked
// PROCESSING; and on SQLite's plans, every row found by an index, never by a scan of the year's history.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { planOf, preparedDuring } from '../../../tests/fixtures/query-plans';
import { seedDocuments } from '../app/documents-bench';
import { openDatabase, type OpenedDatabase } from '../store/open-database';
import { claimDueJobs } from './outbox-repo';

let store: OpenedDatabase;
let ids: string[];
const NOW = 1_000_000;

/** Six queued documents, each with a job: due at NOW-5..NOW, except the last (leased, lease expired at NOW-1). */
beforeEach(() => {
  store = openDatabase({ path: ':memory:' });
  seedDocuments(store.db, 6);
  ids = (store.sqlite.prepare('SELECT id FROM documents ORDER BY id').pluck().all() as string[]).reverse();
  store.sqlite.prepare("UPDATE documents SET status = 'QUEUED'").run();
  const insert = store.sqlite.prepare(
    `INSERT INTO outbox_jobs (document_id, state, next_attempt_at, lease_owner, lease_expires_at)
     VALUES (?, ?, ?, ?, ?)`,
  );
  ids.forEach((id, k) =>
    k === 5
      ? insert.run(id, 'leased', NOW - 100, 'dead:x#6', NOW - 1)
      : insert.run(id, 'pending', NOW - 5 + k, null, null),
  );
});
afterEach(() => store.close());

const status = (id: string) => store.sqlite.prepare('SELECT status FROM documents WHERE id = ?').pluck().get(id);

describe('claimDueJobs', () => {
  it('leases due jobs by due time up to the limit, and marks their documents PROCESSING', () => {
    const claimed = claimDueJobs(store.db, 'w1', NOW, 30_000, 2);
    // The two due earliest (by next_attempt_at): the job whose lease expired (NOW - 100) and the first pending one.
    const byDocument = new Map(claimed.map((c) => [c.documentId, c]));
    expect([...byDocument.keys()].sort()).toEqual([ids[0], ids[5]].sort());
    expect(byDocument.get(ids[5]!)).toMatchObject({ maybeSent: true, attempts: 0, previousStatus: 'QUEUED' });
    expect(byDocument.get(ids[0]!)).toMatchObject({ maybeSent: false, previousStatus: 'QUEUED' });
    for (const c of claimed) expect(c.claimToken).toMatch(new RegExp(`^w1:[0-9a-f-]{36}#${c.jobId}$`));
    expect(claimed.map((c) => status(c.documentId))).toEqual(['PROCESSING', 'PROCESSING']);
    const job = store.sqlite.prepare('SELECT state, lease_expires_at AS e FROM outbox_jobs WHERE id = ?');
    expect(job.get(byDocument.get(ids[0]!)!.jobId)).toEqual({ state: 'leased', e: NOW + 30_000 });
    expect(status(ids[1]!)).toBe('QUEUED');
  });

  it('skips documents still in flight here and jobs not yet due, and leaves other statuses as they are', () => {
    store.sqlite.prepare("UPDATE documents SET status = 'PROCESSING' WHERE id = ?").run(ids[2]);
    const claimed = claimDueJobs(store.db, 'w1', NOW - 3, 30_000, 10, new Set([ids[0]!]));
    expect(claimed.map((c) => c.documentId)).toEqual([ids[1], ids[2]]); // due by NOW-3, not ids[0], no live lease
    expect(claimed.map((c) => c.previousStatus)).toEqual(['QUEUED', 'PROCESSING']);
    expect(claimDueJobs(store.db, 'w1', NOW - 3, 30_000, 10)).toEqual([
      expect.objectContaining({ documentId: ids[0] }),
    ]);
    expect(claimDueJobs(store.db, 'w1', NOW - 3, 30_000, 10)).toEqual([]);
    expect(claimDueJobs(store.db, 'w1', NOW, 30_000, 0)).toEqual([]);
  });

  it('finds every row through an index, and prepares its statements once per connection', () => {
    const run = () => claimDueJobs(store.db, 'w1', NOW, 30_000, 2, new Set(['none']));
    const prepared = preparedDuring(store.sqlite, run);
    expect(prepared).toHaveLength(4);
    const plans = prepared.map((sql) => planOf(store.sqlite, sql));
    expect(plans[0]).toMatch(/SEARCH outbox_jobs USING INDEX outbox_jobs_due \(state=\? AND next_attempt_at<\?\)/);
    expect(plans[1]).toMatch(/SEARCH outbox_jobs USING INTEGER PRIMARY KEY/);
    for (const plan of plans.slice(2))
      expect(plan).toMatch(/SEARCH documents USING INDEX sqlite_autoindex_documents_1 \(id=\?\)/);
    for (const plan of plans) expect(plan).not.toMatch(/SCAN (outbox_jobs|documents)/);
    expect(preparedDuring(store.sqlite, run)).toEqual([]);
  });
});
