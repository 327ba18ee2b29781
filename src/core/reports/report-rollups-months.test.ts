// The month rollups (migration 0012, decision 0031) against the documents: a sales report over whole months, parts of
// months (read as days, or as the month less the days it leaves out) and ranges across months must be IDENTICAL to
// the report computed from every document; product_month_rollups must always equal its days added up, as its
// triggers keep it and as the migration backfills it.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateYear } from '../../../bench/year/generate-year';
import { openDatabase, type OpenedDatabase } from '../store/open-database';
import { salesReport } from './sales-report';
import { salesReportFromDocuments } from './sales-report-from-documents';
import { MONTHS_AND_DAYS, segments } from './report-segments';
import { fixed } from './sales-rollups';

let dir: string;
let store: OpenedDatabase;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sago-month-rollups-'));
  store = openDatabase({ path: join(dir, 'year.sqlite'), checkpointIntervalMs: 0 });
  // 2026-09-22 .. 2026-11-30: a partial September, a whole October and November.
  await generateYear(store, { docs: 1_400, days: 70, seed: 31 });
}, 300_000);

afterAll(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const MONTH_SUMS = `SELECT substr(day, 1, 7) AS month, status, tipo_documento, key, sum(n) AS n, sum(cantidad) AS cantidad,
  sum(base) AS base, sum(itbms) AS itbms, sum(total) AS total FROM product_rollups GROUP BY 1, 2, 3, 4 HAVING sum(n) <> 0 ORDER BY 1, 2, 3, 4`;
const MONTHS = `SELECT month, status, tipo_documento, key, n, cantidad, base, itbms, total FROM product_month_rollups
  WHERE n <> 0 ORDER BY 1, 2, 3, 4`;

/** Runs `change` in a transaction that is then rolled back, so each test leaves the register as generated. */
function rolledBack(change: () => void): void {
  store.sqlite.exec('BEGIN');
  try {
    change();
  } finally {
    store.sqlite.exec('ROLLBACK');
  }
}

describe('segments of a range (decision 0031: months and days; dekads in report-segments.test.ts)', () => {
  it('reads whole months as months and short parts as days', () => {
    expect(segments('2026-10-01', '2026-10-31', MONTHS_AND_DAYS)).toEqual([{ table: 'month', lo: '2026-10', hi: '2026-10', part: 1 }]);
    expect(segments('2026-10-10', '2026-10-12', MONTHS_AND_DAYS)).toEqual([{ table: 'day', lo: '2026-10-10', hi: '2026-10-12', part: 1 }]);
    expect(segments('2026-09-25', '2027-01-03', MONTHS_AND_DAYS)).toEqual([
      { table: 'day', lo: '2026-09-25', hi: '2026-09-30', part: 1 },
      { table: 'month', lo: '2026-10', hi: '2026-12', part: 1 },
      { table: 'day', lo: '2027-01-01', hi: '2027-01-03', part: 1 },
    ]);
    expect(segments('2026-12-31', '2026-12-01', MONTHS_AND_DAYS)).toEqual([]);
  });

  it('reads a long part of a month as the month less the days it leaves out (February of a leap year too)', () => {
    expect(segments('2026-10-03', '2026-10-29', MONTHS_AND_DAYS)).toEqual([
      { table: 'month', lo: '2026-10', hi: '2026-10', part: 1 },
      { table: 'day', lo: '2026-10-01', hi: '2026-10-02', part: -1 },
      { table: 'day', lo: '2026-10-30', hi: '2026-10-31', part: -1 },
    ]);
    expect(segments('2028-02-02', '2028-03-31', MONTHS_AND_DAYS)).toEqual([
      { table: 'month', lo: '2028-02', hi: '2028-02', part: 1 },
      { table: 'day', lo: '2028-02-01', hi: '2028-02-01', part: -1 },
      { table: 'month', lo: '2028-03', hi: '2028-03', part: 1 },
    ]);
  });

  it('writes integers of cents and millionths as exact decimals', () => {
    expect([fixed(0, 2), fixed(5, 2), fixed(-5, 2), fixed(123_456, 2), fixed(-1_500_000, 6)].map(String)).toEqual([
      '0',
      '0.05',
      '-0.05',
      '1234.56',
      '-1.5',
    ]);
  });
});

describe('month rollups on three months of a register', () => {
  it('keeps every month equal to its days added up', () => {
    const months = store.sqlite.prepare(MONTHS).all();
    expect(months.length).toBeGreaterThan(0);
    expect(months).toEqual(store.sqlite.prepare(MONTH_SUMS).all());
  });

  it('gives the same sales report from rollups as from documents over whole, partial and crossing ranges', () => {
    const ranges: [string, string][] = [
      ['2026-10-01', '2026-10-31'],
      ['2026-10-01', '2026-11-30'],
      ['2026-09-22', '2026-11-30'],
      ['2026-09-25', '2026-11-03'],
      ['2026-10-02', '2026-10-30'],
      ['2026-10-14', '2026-10-16'],
      ['2026-11-30', '2026-11-30'],
      ['2026-09-01', '2026-12-31'],
    ];
    for (const [from, to] of ranges) {
      const report = salesReport(store.db, from, to);
      expect(report, `${from}..${to}`).toEqual(salesReportFromDocuments(store.db, from, to));
      expect(report.byProduct.length).toBeGreaterThan(0);
    }
  });

  it('follows a status change, a deleted day row and a row moved to another month into the months', () => {
    const id = store.sqlite
      .prepare("SELECT id FROM documents WHERE status = 'AUTHORIZED' AND fecha_emision LIKE '2026-10-1%' LIMIT 1")
      .pluck()
      .get() as string;
    rolledBack(() => {
      store.sqlite.prepare("UPDATE documents SET status = 'ANNULLED' WHERE id = ?").run(id);
      store.sqlite.exec("DELETE FROM product_rollups WHERE day = '2026-10-20' AND status = 'ANNULLED'");
      store.sqlite.exec("UPDATE product_rollups SET day = '2026-12-15' WHERE day = '2026-10-21'"); // into another month, to a day without rows
      expect(store.sqlite.prepare(MONTHS).all()).toEqual(store.sqlite.prepare(MONTH_SUMS).all());
    });
  });

  it('reads the month rows: a month row changed by hand changes a whole month report', () => {
    rolledBack(() => {
      store.sqlite.exec("UPDATE product_month_rollups SET total = total + 100 WHERE month = '2026-10' AND status = 'AUTHORIZED'");
      expect(salesReport(store.db, '2026-10-01', '2026-10-31')).not.toEqual(
        salesReportFromDocuments(store.db, '2026-10-01', '2026-10-31'),
      );
    });
  });

  it('backfills from the days what the triggers keep', () => {
    const migration = readFileSync(join(import.meta.dirname, '../../../drizzle/sqlite/0012_product_month_rollups.sql'), 'utf8');
    const backfill = migration.slice(migration.indexOf('-- Existing registers'));
    const kept = store.sqlite.prepare(MONTHS).all();
    rolledBack(() => {
      store.sqlite.exec('DELETE FROM product_month_rollups');
      store.sqlite.exec(backfill);
      expect(store.sqlite.prepare(MONTHS).all()).toEqual(kept);
    });
  });
});
