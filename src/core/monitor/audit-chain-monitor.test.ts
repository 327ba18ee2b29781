// The register's audit chain check runs its pages through the runner it is given (the read worker in the register),
// never on the core's own connection, and a register closing in the middle of a year's walk ends it after the page
// under way instead of waiting for the rest of the trail.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { appendAudit } from '../store/audit';
import { checkAuditChainPage, type AuditChainPageArgs } from '../store/audit-chain-check';
import { openDatabase, type OpenedDatabase } from '../store/open-database';
import * as schema from '../store/schema';
import { AuditChainMonitor } from './audit-chain-monitor';

let dir: string;
let store: OpenedDatabase;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sago-audit-monitor-'));
  store = openDatabase({ path: join(dir, 'sago-simulador.sqlite'), checkpointIntervalMs: 0, synchronous: 'NORMAL' });
  const at = new Date('2026-12-01T15:00:00.000Z');
  store.sqlite.transaction(() => {
    for (let i = 1; i <= 4_500; i++)
      appendAudit(store.db, { actor: 'u1', action: 'sale.captured', documentId: `d${i}` }, at);
  })();
});
afterAll(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const CLOCK = () => new Date('2026-12-06T12:00:00.000Z');

describe('AuditChainMonitor', () => {
  it('runs every page of the walk through the given runner (the read worker), none on the core connection', async () => {
    // A second, read-only connection to the file stands for the worker's.
    const reader = new Database(join(dir, 'sago-simulador.sqlite'), { readonly: true });
    const readerDb = drizzle({ client: reader, schema });
    const prepare = vi.spyOn(store.sqlite, 'prepare');
    const pages: AuditChainPageArgs[] = [];
    try {
      const monitor = new AuditChainMonitor(store.db, CLOCK, undefined, (args) => {
        pages.push(args);
        return Promise.resolve(checkAuditChainPage(readerDb, args));
      });
      expect(await monitor.check()).toMatchObject({ ok: true, checked: 4_500, lastId: 4_500 });
      expect(pages.map((p) => p.afterId)).toEqual([0, 2_000, 4_000]);
      expect(prepare).not.toHaveBeenCalled();
    } finally {
      reader.close();
    }
  });

  it('ends a walk under way after the current page when the register closes, keeping the last report', async () => {
    const warn = vi.fn();
    let release: () => void = () => {};
    let pages = 0;
    const monitor = new AuditChainMonitor(store.db, CLOCK, { warn }, async (args) => {
      pages += 1;
      if (pages === 2) await new Promise<void>((resolve) => (release = resolve)); // the second page is under way
      return checkAuditChainPage(store.db, args);
    });
    const walk = monitor.check();
    await vi.waitFor(() => expect(pages).toBe(2));
    const stopped = monitor.stop();
    release();
    await stopped;
    expect(await walk).toMatchObject({ checkedAt: null, checked: 0 }); // no report from an unfinished walk
    expect(pages).toBe(2); // the third page never ran
    expect(warn).not.toHaveBeenCalled();
  });
});
