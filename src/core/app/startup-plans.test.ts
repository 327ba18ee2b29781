// Issue 17: a register's start must not read its history. Every statement the core prepares on its data set while it
// starts (open and migrations check, settings, queue recovery, retention, catalogue, the audit walk's first page) is
// planned by SQLite here, on a small year written by the year generator: none may scan a table that grows with
// history. Plans, not timings: the same on any machine, and they fail on the old unsealed-rows check.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { generateYear } from '../../../bench/year/generate-year';
import { planOf } from '../../../tests/fixtures/query-plans';
import { dataSetPath } from '../store/data-sets';
import { openDatabase } from '../store/open-database';
import { createRegisterCore } from './register-core';

let dir: string;
let path: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sago-startup-plans-'));
  path = dataSetPath(dir, 'simulador');
  const store = openDatabase({ path, checkpointIntervalMs: 0 });
  await generateYear(store, { docs: 300, days: 3, seed: 17 });
  store.close();
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Tables whose rows accumulate with every sale, call or action: a year holds hundreds of thousands of each. */
const HISTORY = [
  'documents',
  'document_items',
  'document_payments',
  'audit_log',
  'outbox_jobs',
  'hka_calls',
  'sync_outbox',
  'product_rollups',
  'shifts',
];

/**
 * Scans that read a bounded number of rows whatever the history: SQLite's plan says SCAN for a walk in rowid order,
 * and only the LIMIT (which the plan does not show) stops it. Each is named with why it is bounded.
 */
const BOUNDED_SCANS: { sql: RegExp; why: string }[] = [
  {
    sql: /^select "hash" from "audit_log" order by "audit_log"\."id" desc limit \?$/,
    why: "the chain's last link: the newest row, read backwards by rowid, no filter",
  },
  {
    sql: /^SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1$/,
    why: 'the same last link, as the cached audit writer (audit-writer.ts) asks for it',
  },
];

describe('register start', () => {
  it('plans no scan of a history table in anything it runs on its data set', async () => {
    const prepared: string[] = [];
    // The prototype's own method, called with each connection as `this` (the spy stands in for it on every one).
    const prepare = Object.getOwnPropertyDescriptor(Database.prototype, 'prepare')?.value as (
      this: Database.Database,
      sql: string,
    ) => Database.Statement;
    const spy = vi.spyOn(Database.prototype, 'prepare').mockImplementation(function (this: Database.Database, sql) {
      if (this.name === path) prepared.push(sql);
      return prepare.call(this, sql);
    });
    try {
      // Reads on the core's own connection, so the audit walk's pages are planned here too.
      const core = await createRegisterCore({ dataDir: dir, readWorker: false, dailyBackupCheckMs: 0 });
      await new Promise((resolve) => setImmediate(resolve));
      await core.close();
    } finally {
      spy.mockRestore();
    }
    const statements = [...new Set(prepared)].filter((sql) => /^\s*(select|with|update|delete|insert)\b/i.test(sql));
    expect(statements.some((sql) => /audit_log_unsealed/.test(sql))).toBe(true);
    expect(statements.some((sql) => /FROM audit_log WHERE id > \?/.test(sql))).toBe(true);
    const sqlite = new Database(path, { readonly: true });
    try {
      const scans = statements.flatMap((sql) => {
        return planOf(sqlite, sql)
          .split(' | ')
          .filter((detail) => HISTORY.some((table) => new RegExp(`^SCAN ${table}\\b`).test(detail)))
          .filter((detail) => detail !== 'SCAN audit_log USING INDEX audit_log_unsealed') // an empty partial index
          .filter(() => !BOUNDED_SCANS.some((bounded) => bounded.sql.test(sql.trim())))
          .map((detail) => `${detail} ← ${sql.slice(0, 120)}`);
      });
      expect(scans).toEqual([]);
    } finally {
      sqlite.close();
    }
  }, 60_000);
});
