// The dekad rollups and the pruning of zero rows (migration 0013, decision 0033) against the documents: the sales
// report over random windows (fixed seed: weeks, 30 days across months, quarters, single days) must be IDENTICAL to
// the report computed from every document; product_dekad_rollups must always equal its days added up, as its triggers
// keep it and as the migration backfills it; and no rollup table keeps rows of zeros (documents that moved away).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../../../bench/year/catalogue';
import { generateYear } from '../../../bench/year/generate-year';
import { openDatabase, type OpenedDatabase } from '../store/open-database';
import { segments } from './report-segments';
import { salesReport } from './sales-report';
import { salesReportFromDocuments } from './sales-report-from-documents';

let dir: string;
let store: OpenedDatabase;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sago-dekad-rollups-'));
  store = openDatabase({ path: join(dir, 'year.sqlite'), checkpointIntervalMs: 0 });
  // 2026-09-22 .. 2026-11-30: a partial September, a whole October and November.
  await generateYear(store, { docs: 1_400, days: 70, seed: 33 });
}, 300_000);

afterAll(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const DEKAD = `substr(day, 1, 8) || CASE WHEN substr(day, 9, 2) <= '10' THEN '01' WHEN substr(day, 9, 2) <= '20' THEN '11' ELSE '21' END`;
const DEKAD_SUMS = `SELECT ${DEKAD} AS dekad, status, tipo_documento, key, sum(n) AS n, sum(cantidad) AS cantidad,
  sum(base) AS base, sum(itbms) AS itbms, sum(total) AS total FROM product_rollups GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`;
const DEKADS = `SELECT dekad, status, tipo_documento, key, n, cantidad, base, itbms, total FROM product_dekad_rollups
  ORDER BY 1, 2, 3, 4`;
const ZERO = 'n = 0 AND cantidad = 0 AND base = 0 AND itbms = 0 AND total = 0';
const zeroRows = () =>
  ['product_rollups', 'product_dekad_rollups', 'product_month_rollups'].map(
    (table) => store.sqlite.prepare(`SELECT count(*) FROM ${table} WHERE ${ZERO}`).pluck().get() as number,
  );

/** Runs `change` in a transaction that is then rolled back, so each test leaves the register as generated. */
function rolledBack(change: () => void): void {
  store.sqlite.exec('BEGIN');
  try {
    change();
  } finally {
    store.sqlite.exec('ROLLBACK');
  }
}

const DAY_MS = 86_400_000;
const dayAfter = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

describe('dekad rollups on three months of a register', () => {
  it('keeps every dekad equal to its days added up, and no rows of zeros though documents changed status', () => {
    const moved = store.sqlite.prepare("SELECT count(*) FROM documents WHERE status <> 'QUEUED'").pluck().get() as number;
    expect(moved).toBeGreaterThan(1_000); // captured QUEUED, then authorized, rejected, annulled…: their old rows left
    expect(store.sqlite.prepare(DEKADS).all()).toEqual(store.sqlite.prepare(DEKAD_SUMS).all());
    expect(zeroRows()).toEqual([0, 0, 0]);
  });

  it('gives the same sales report from rollups as from documents over 40 random windows that read dekads', () => {
    const random = seededRandom(17);
    let readDekads = 0;
    for (let i = 0; i < 40; i++) {
      const from = dayAfter('2026-09-18', Math.floor(random() * 75));
      const to = dayAfter(from, Math.floor(random() * (i % 4 === 0 ? 90 : 35)));
      if (segments(from, to).some((s) => s.table === 'dekad')) readDekads++;
      expect(salesReport(store.db, from, to), `${from}..${to}`).toEqual(salesReportFromDocuments(store.db, from, to));
    }
    expect(readDekads).toBeGreaterThan(20);
  });

  it('follows a status change, a deleted day row and a row moved to another dekad, leaving no zeros', () => {
    const id = store.sqlite
      .prepare("SELECT id FROM documents WHERE status = 'AUTHORIZED' AND fecha_emision LIKE '2026-10-1%' LIMIT 1")
      .pluck()
      .get() as string;
    rolledBack(() => {
      store.sqlite.prepare("UPDATE documents SET status = 'REJECTED' WHERE id = ?").run(id);
      store.sqlite.prepare("UPDATE documents SET status = 'AUTHORIZED' WHERE id = ?").run(id); // back: REJECTED rows go
      expect(zeroRows()).toEqual([0, 0, 0]);
      expect(salesReport(store.db, '2026-10-03', '2026-11-02')).toEqual(
        salesReportFromDocuments(store.db, '2026-10-03', '2026-11-02'),
      );
      store.sqlite.exec("DELETE FROM product_rollups WHERE day IN ('2026-10-20', '2026-10-25')");
      store.sqlite.exec("UPDATE product_rollups SET day = '2026-10-25' WHERE day = '2026-10-05'"); // into another dekad
      store.sqlite.exec("UPDATE product_rollups SET day = '2026-12-15' WHERE day = '2026-10-21'"); // another month
      expect(store.sqlite.prepare(DEKADS).all()).toEqual(store.sqlite.prepare(DEKAD_SUMS).all());
      expect(zeroRows()).toEqual([0, 0, 0]);
    });
  });

  it('reads the dekad rows: a dekad row changed by hand changes a report over that dekad', () => {
    expect(segments('2026-10-10', '2026-10-22')).toContainEqual({ table: 'dekad', lo: '2026-10-11', hi: '2026-10-11', part: 1 });
    rolledBack(() => {
      store.sqlite.exec("UPDATE product_dekad_rollups SET total = total + 100 WHERE dekad = '2026-10-11' AND status = 'AUTHORIZED'");
      expect(salesReport(store.db, '2026-10-10', '2026-10-22')).not.toEqual(
        salesReportFromDocuments(store.db, '2026-10-10', '2026-10-22'),
      );
    });
  });

  it('backfills from the days what the triggers keep, and deletes the zero rows an older register kept', () => {
    const migration = readFileSync(join(import.meta.dirname, '../../../drizzle/sqlite/0013_product_dekad_rollups.sql'), 'utf8');
    const backfill = migration.slice(migration.indexOf('-- Existing registers'));
    const kept = store.sqlite.prepare(DEKADS).all();
    const months = store.sqlite.prepare('SELECT * FROM product_month_rollups ORDER BY 1, 2, 3, 4').all();
    rolledBack(() => {
      // A zero row as 0011/0012 left them (the prune triggers dropped, as before this migration).
      store.sqlite.exec('DROP TRIGGER product_rollups_prune; DROP TRIGGER product_month_rollups_prune');
      store.sqlite.exec("UPDATE product_rollups SET n = 0, cantidad = 0, base = 0, itbms = 0, total = 0 WHERE day = '2026-10-07'");
      expect(zeroRows()[0]).toBeGreaterThan(0);
      store.sqlite.exec('DELETE FROM product_dekad_rollups');
      store.sqlite.exec(backfill);
      expect(zeroRows()).toEqual([0, 0, 0]);
      expect(store.sqlite.prepare(DEKADS).all()).toEqual(store.sqlite.prepare(DEKAD_SUMS).all());
    });
    rolledBack(() => {
      store.sqlite.exec('DELETE FROM product_dekad_rollups');
      store.sqlite.exec(backfill);
      expect(store.sqlite.prepare(DEKADS).all()).toEqual(kept);
      expect(store.sqlite.prepare('SELECT * FROM product_month_rollups ORDER BY 1, 2, 3, 4').all()).toEqual(months);
    });
  });
});
