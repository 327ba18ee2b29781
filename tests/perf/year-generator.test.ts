// The year generator's small variant (issue 17), so it cannot rot: a few weeks of a busy register written through the
// real capture, queue, annulment, credit-note and shift code, then the reads a cashier and a manager wait on, checked
// for the right rows. The year itself (700 000 documents) is `npm run bench -- --year`; no timing is asserted here.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateYear, type YearSummary } from '../../bench/year/generate-year';
import { verifyAuditChain } from '../../src/core/store/audit-chain-check';
import { openDatabase, type OpenedDatabase } from '../../src/core/store/open-database';

const DOCS = 3_000;
const DAYS = 15;
let dir: string;
let store: OpenedDatabase;
let year: YearSummary;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sago-year-'));
  store = openDatabase({ path: join(dir, 'year.sqlite'), checkpointIntervalMs: 0 });
  year = await generateYear(store, { docs: DOCS, days: DAYS, seed: 7 });
}, 120_000);

afterAll(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const count = (sql: string, ...params: unknown[]) => store.sqlite.prepare(sql).pluck().get(...params) as number;

describe('year generator (small variant)', () => {
  it('writes the sales, credit notes, annulments, rejections, contingency and one closed shift a day', () => {
    expect(year.documents).toBe(DOCS);
    expect(count('SELECT count(*) FROM documents')).toBe(DOCS + year.creditNotes);
    expect(count("SELECT count(*) FROM documents WHERE tipo_documento = '04'")).toBe(year.creditNotes);
    expect(count("SELECT count(*) FROM documents WHERE status = 'ANNULLED'")).toBe(year.annulled);
    expect(count("SELECT count(*) FROM documents WHERE status = 'REJECTED'")).toBe(year.rejected);
    expect(count("SELECT count(*) FROM documents WHERE tipo_emision = '02'")).toBe(year.contingency);
    expect(count("SELECT count(*) FROM documents WHERE status = 'QUEUED'")).toBe(40);
    for (const n of [year.creditNotes, year.annulled, year.rejected, year.contingency]) expect(n).toBeGreaterThan(0);
    expect(count('SELECT count(*) FROM shifts WHERE z_report IS NOT NULL')).toBe(DAYS);
    expect(count('SELECT count(*) FROM document_items')).toBeGreaterThan(DOCS * 3);
    expect(count("SELECT count(*) FROM documents WHERE status = 'AUTHORIZED' AND cufe IS NULL")).toBe(0);
  });

  it('keeps what retention keeps: a week of HKA calls, 48 h of queue samples, 30 days of acknowledged sync events', () => {
    const end = year.end.getTime();
    expect(count('SELECT count(*) FROM hka_calls')).toBeGreaterThan(0);
    expect(count('SELECT min(started_at) FROM hka_calls')).toBeGreaterThanOrEqual(end - 7 * 86_400_000);
    expect(count('SELECT count(*) FROM queue_samples')).toBe(48 * 60);
    expect(count('SELECT count(*) FROM sync_outbox WHERE sent_at IS NULL')).toBeGreaterThan(0);
    expect(count("SELECT count(*) FROM sync_outbox WHERE sent_at < ?", new Date(end - 30 * 86_400_000).toISOString())).toBe(0);
  });

  it('leaves an intact audit chain', async () => {
    expect(count('SELECT count(*) FROM audit_log')).toBeGreaterThan(DOCS);
    expect((await verifyAuditChain(store.db)).ok).toBe(true);
  });
});
