// The report rollups (migration 0011, issue 17) against the documents themselves: X/Z and the sales report computed
// from the rollups must be IDENTICAL to the same reports computed by reading and parsing every document, on a small
// year (credit notes, annulments, rejections, contingency, queued) and on edge cases built here, and the migration's
// backfill must write what the triggers keep.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateYear } from '../../../bench/year/generate-year';
import type { Shift } from '../../shared/ipc/areas/reports/contract';
import { openDatabase, type OpenedDatabase } from '../store/open-database';
import { salesReport } from './sales-report';
import { salesReportFromDocuments } from './sales-report-from-documents';
import { computeShiftReport } from './shift-report';

let dir: string;
let store: OpenedDatabase;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sago-rollups-'));
  store = openDatabase({ path: join(dir, 'year.sqlite'), checkpointIntervalMs: 0 });
  await generateYear(store, { docs: 1_500, days: 6, seed: 11 });
}, 300_000);

afterAll(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const shift = (openedAt: string): Shift => ({
  id: 'window',
  openedAt,
  openedBy: 'cajero-ana',
  openedByName: '',
  openingCash: '100.00',
  closedAt: null,
  closedBy: null,
  closedByName: null,
  countedCash: '250.00',
  differenceReason: null,
  closeApprovedByName: null,
});

function bothWays(openedAt: string, until: string, kind: 'X' | 'Z'): void {
  const s = shift(openedAt);
  const fromRollups = computeShiftReport(store.db, s, kind, new Date(until));
  expect(fromRollups).toEqual(computeShiftReport(store.db, s, kind, new Date(until), 'documents'));
  expect(fromRollups.counts.total).toBeGreaterThan(0);
}

describe('report rollups on a small year', () => {
  it('has the mix the edge cases need: credit notes, annulled, rejected, contingency, queued', () => {
    const n = (where: string) => store.sqlite.prepare(`SELECT count(*) FROM documents WHERE ${where}`).pluck().get() as number;
    for (const where of ["tipo_documento = '04'", "status = 'ANNULLED'", "status = 'REJECTED'", "tipo_emision = '02'", "status = 'QUEUED'"]) {
      expect(n(where), where).toBeGreaterThan(0);
    }
  });

  it('gives every closed shift the same Z from rollups as from its documents', () => {
    const shifts = store.sqlite.prepare('SELECT opened_at AS openedAt, closed_at AS closedAt FROM shifts WHERE closed_at IS NOT NULL').all() as {
      openedAt: string;
      closedAt: string;
    }[];
    expect(shifts.length).toBe(6);
    for (const s of shifts) bothWays(s.openedAt, s.closedAt, 'Z');
  });

  it('gives windows that start and end mid-hour, within one hour, and an open X the same numbers both ways', () => {
    const [first, last] = store.sqlite.prepare('SELECT min(created_at), max(created_at) FROM documents').raw().get() as [string, string];
    const at = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();
    bothWays(at(first, 17 * 60_000 + 123), at(first, 29 * 3_600_000 + 41 * 60_000), 'Z');
    bothWays(at(first, 5 * 3_600_000 + 60_000), at(first, 5 * 3_600_000 + 50 * 60_000), 'Z');
    bothWays(at(first, 3_600_000 + 13), at(last, 1), 'Z');
    bothWays(at(last, -30 * 3_600_000 - 7 * 60_000), at(last, 3_600_000), 'X');
  });

  it('gives the sales report the same days and products from rollups as from documents, over any range', () => {
    const days = store.sqlite.prepare('SELECT DISTINCT substr(fecha_emision, 1, 10) FROM documents ORDER BY 1').pluck().all() as string[];
    const ranges: [string, string][] = [[days[0]!, days.at(-1)!], ...days.map((d): [string, string] => [d, d]), [days[2]!, days[4]!]];
    for (const [from, to] of ranges) {
      const report = salesReport(store.db, from, to);
      expect(report, `${from}..${to}`).toEqual(salesReportFromDocuments(store.db, from, to));
      expect(report.byDay.length).toBeGreaterThan(0);
    }
  });

  it('keeps with its triggers exactly what the migration backfills from the documents', () => {
    const migration = readFileSync(join(import.meta.dirname, '../../../drizzle/sqlite/0011_report_rollups.sql'), 'utf8');
    const backfill = migration.slice(migration.indexOf('-- Existing registers')).split('--> statement-breakpoint');
    const snapshot = () => ({
      documents: store.sqlite.prepare('SELECT * FROM document_rollups WHERE n <> 0 OR amount <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7').all(),
      products: store.sqlite.prepare('SELECT day, status, tipo_documento, key, n, cantidad, base, itbms, total FROM product_rollups WHERE n <> 0 ORDER BY 1, 2, 3, 4').all(),
    });
    const kept = snapshot();
    expect(kept.documents.length).toBeGreaterThan(0);
    store.sqlite.transaction(() => {
      store.sqlite.exec('DELETE FROM document_rollups; DELETE FROM product_rollups;');
      for (const statement of backfill) store.sqlite.exec(statement);
    })();
    expect(snapshot()).toEqual(kept);
  });
});
