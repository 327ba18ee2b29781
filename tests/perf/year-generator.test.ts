// The year generator's small variant (issue 17), so it cannot rot: a few weeks of a busy register written through the
// real capture, queue, annulment, credit-note and shift code, then the reads a cashier and a manager wait on, checked
// for the right rows. The year itself (700 000 documents) is `npm run bench -- --year`; no timing is asserted here.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateYear, type YearSummary } from '../../bench/year/generate-year';
import { foldText } from '../../src/core/app/text-search';
import { listDocuments } from '../../src/core/app/documents-list';
import { monitorOverview } from '../../src/core/monitor/overview';
import { salesReport } from '../../src/core/reports/sales-report';
import { storedZReport } from '../../src/core/reports/shifts';
import { listAudit } from '../../src/core/settings/audit-list';
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
}, 300_000);

afterAll(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const count = (sql: string, ...params: unknown[]) =>
  store.sqlite
    .prepare(sql)
    .pluck()
    .get(...params) as number;

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
    expect(
      count('SELECT count(*) FROM sync_outbox WHERE sent_at < ?', new Date(end - 30 * 86_400_000).toISOString()),
    ).toBe(0);
  });

  it('leaves an intact audit chain', async () => {
    expect(count('SELECT count(*) FROM audit_log')).toBeGreaterThan(DOCS);
    expect((await verifyAuditChain(store.db)).ok).toBe(true);
  });

  it('answers the reads a cashier and a manager wait on with the right rows', () => {
    expect(year.samples.length).toBeGreaterThan(0);
    for (const doc of year.samples) {
      expect(listDocuments(store.db, { limit: 50, query: String(doc.numero) }).items.map((d) => d.id)).toContain(
        doc.id,
      );
      if (doc.cufe)
        expect(listDocuments(store.db, { limit: 50, query: doc.cufe }).items.map((d) => d.id)).toEqual([doc.id]);
      if (doc.ruc)
        expect(listDocuments(store.db, { limit: 500, query: doc.ruc }).items.map((d) => d.id)).toContain(doc.id);
      expect(listAudit(store.db, { limit: 50, documentId: doc.id }).items.map((e) => e.action)).toContain(
        'sale.captured',
      );
    }
    const named = year.samples.find((d) => d.receptorNombre !== null);
    if (named?.receptorNombre) {
      const hits = listDocuments(store.db, { limit: 50, query: named.receptorNombre });
      const words = foldText(named.receptorNombre).split(/\s+/);
      const names = store.sqlite
        .prepare('SELECT receptor_nombre FROM documents WHERE receptor_nombre IS NOT NULL')
        .pluck()
        .all() as string[];
      expect(hits.total).toBe(names.filter((n) => words.every((w) => foldText(n).includes(w))).length);
    }
    const rejected = listDocuments(store.db, { limit: 50, status: ['REJECTED'] });
    expect(rejected.total).toBe(year.rejected);
    expect(rejected.items.every((d) => d.status === 'REJECTED')).toBe(true);

    const lastShift = store.sqlite
      .prepare('SELECT id FROM shifts ORDER BY opened_at DESC LIMIT 1')
      .pluck()
      .get() as string;
    const z = storedZReport(store.db, lastShift);
    expect(z.counts.total).toBe(
      count('SELECT count(*) FROM documents WHERE created_at >= ? AND created_at < ?', z.shift.openedAt, z.until),
    );
    const day = new Date(year.end.getTime() - 86_400_000 - 5 * 3_600_000).toISOString().slice(0, 10);
    const report = salesReport(store.db, day, day);
    expect(report.byDay.map((d) => d.day)).toEqual([day]);
    expect(report.byDay[0]?.documents).toBe(
      count(
        "SELECT count(*) FROM documents WHERE substr(fecha_emision, 1, 10) = ? AND tipo_documento = '01' AND status NOT IN ('ANNULLED', 'CANCELLED')",
        day,
      ),
    );

    const overview = monitorOverview(store.db, year.end, 48, {
      queue: { waiting: 0, inFlight: 0, parked: 0, failed: 0 },
      contingency: { active: false, needsExtendedReason: false },
    });
    expect(overview.series.latency.reduce((n, p) => n + p.calls, 0)).toBe(
      count(
        'SELECT count(*) FROM hka_calls WHERE started_at >= ?',
        Math.floor((year.end.getTime() - 48 * 3_600_000) / 1_800_000) * 1_800_000,
      ),
    );
    expect(overview.series.queueDepth).toHaveLength(48 * 60);
  });
});
