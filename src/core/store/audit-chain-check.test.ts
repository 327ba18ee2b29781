// The audit trail is append-only (triggers) and hash-chained: an edit, a deletion or a row slipped in is found at the
// first row that no longer holds; rows older than the chain are sealed once, in order.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendAudit } from './audit';
import {
  checkAuditChainPage,
  sealLegacyAuditRows,
  UNSEALED_ROWS_SQL,
  verifyAuditChain,
  type AuditChainPageArgs,
} from './audit-chain-check';
import { AUDIT_CHAIN_GENESIS } from '../../shared/audit/audit-chain';
import { openDatabase, type OpenedDatabase } from './open-database';

let store: OpenedDatabase;
beforeEach(() => {
  store = openDatabase({ path: ':memory:' });
});
afterEach(() => store.close());

const AT = new Date('2026-12-01T15:00:00.000Z');
function fill(n: number): void {
  for (let i = 1; i <= n; i++)
    appendAudit(
      store.db,
      { actor: 'u1', action: 'sale.captured', documentId: `d${i}`, details: { total: `${i}.00` } },
      AT,
    );
}

describe('audit chain', () => {
  it('links every entry to the one before and verifies the whole trail, a page at a time', async () => {
    fill(7);
    expect(await verifyAuditChain(store.db, { pageSize: 3 })).toEqual({
      ok: true,
      checked: 7,
      lastId: 7,
      firstBreak: null,
    });
    const rows = store.sqlite.prepare('SELECT prev_hash AS prevHash, hash FROM audit_log ORDER BY id').all() as {
      prevHash: string;
      hash: string;
    }[];
    expect(rows[0]?.prevHash).toBe('0'.repeat(64));
    rows.slice(1).forEach((row, i) => expect(row.prevHash).toBe(rows[i]?.hash));
    // The sync outbox carries the same sealed entries (with their row id), so the server can check them too.
    const synced = store.sqlite
      .prepare("SELECT payload FROM sync_outbox WHERE kind = 'audit' ORDER BY id")
      .pluck()
      .all() as string[];
    expect(synced.map((p) => JSON.parse(p) as { auditId: number; hash: string })).toEqual(
      rows.map((r, i): unknown => expect.objectContaining({ auditId: i + 1, hash: r.hash })),
    );
  });

  it('refuses to change or delete an entry, and to add one that is not sealed', () => {
    fill(2);
    expect(() => store.sqlite.prepare("UPDATE audit_log SET details = '{}' WHERE id = 1").run()).toThrow(/append-only/);
    expect(() => store.sqlite.prepare('DELETE FROM audit_log WHERE id = 2').run()).toThrow(/append-only/);
    expect(() =>
      store.sqlite.prepare("INSERT INTO audit_log (at, actor, action, details) VALUES ('x', 'u', 'a', '{}')").run(),
    ).toThrow(/written sealed/);
  });

  it('finds an entry edited in the file (its hash) and one deleted (the next link)', async () => {
    fill(6);
    store.sqlite.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
    store.sqlite.prepare('UPDATE audit_log SET details = \'{"total":"0.01"}\' WHERE id = 4').run();
    expect(await verifyAuditChain(store.db)).toMatchObject({
      ok: false,
      checked: 3,
      firstBreak: { id: 4, reason: 'hash_mismatch' },
    });

    store.close();
    store = openDatabase({ path: ':memory:' });
    fill(6);
    store.sqlite.exec('DROP TRIGGER audit_log_no_delete;');
    store.sqlite.prepare('DELETE FROM audit_log WHERE id = 2').run();
    expect(await verifyAuditChain(store.db)).toMatchObject({
      ok: false,
      checked: 1,
      firstBreak: { id: 3, reason: 'link_mismatch' },
    });
  });

  it('seals the rows written before the chain existed, once and in order, after the last sealed one', async () => {
    fill(2);
    // As an older register left them: no names, no hashes (the migration adds the columns empty).
    store.sqlite.exec('DROP TRIGGER audit_log_sealed_insert;');
    const legacy = store.sqlite.prepare(
      "INSERT INTO audit_log (at, actor, action, details) VALUES ('2026-11-01T10:00:00.000Z', 'sistema:cola', 'document.authorized', '{}')",
    );
    legacy.run();
    legacy.run();
    expect(await verifyAuditChain(store.db)).toMatchObject({ ok: false, firstBreak: { id: 3, reason: 'unsealed' } });
    expect(sealLegacyAuditRows(store.db)).toBe(2);
    expect(sealLegacyAuditRows(store.db)).toBe(0);
    expect(await verifyAuditChain(store.db)).toMatchObject({ ok: true, checked: 4 });
    expect(store.sqlite.prepare('SELECT actor_name FROM audit_log WHERE id = 3').pluck().get()).toBe(
      'Sistema (cola de envío)',
    );
  });

  it('finds the rows to seal in an index of unsealed rows, not by reading the trail (every open asks)', () => {
    fill(3);
    const plan = store.sqlite
      .prepare(`EXPLAIN QUERY PLAN ${UNSEALED_ROWS_SQL}`)
      .all()
      .map((row) => (row as { detail: string }).detail);
    // A plain `WHERE hash IS NULL` was `SCAN audit_log`: every row of a year's trail at every start.
    expect(plan).toEqual(['SCAN audit_log USING INDEX audit_log_unsealed']);
    const indexSql = store.sqlite
      .prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = 'audit_log_unsealed'")
      .pluck()
      .get() as string;
    expect(indexSql).toMatch(/WHERE .*hash.* IS NULL$/);
  });

  it('walks the trail as independent pages: each starts from the last row and hash the one before returned', async () => {
    fill(7);
    const asked: AuditChainPageArgs[] = [];
    const report = await verifyAuditChain(store.db, {
      pageSize: 3,
      runPage: (args) => {
        asked.push(args);
        return checkAuditChainPage(store.db, args);
      },
    });
    expect(report).toEqual({ ok: true, checked: 7, lastId: 7, firstBreak: null });
    const hashOf = (id: number) =>
      store.sqlite.prepare('SELECT hash FROM audit_log WHERE id = ?').pluck().get(id) as string;
    expect(asked).toEqual([
      { afterId: 0, expectedPrev: AUDIT_CHAIN_GENESIS, pageSize: 3 },
      { afterId: 3, expectedPrev: hashOf(3), pageSize: 3 },
      { afterId: 6, expectedPrev: hashOf(6), pageSize: 3 },
    ]);
    // A page given the wrong previous hash reports its first row as the break, like a deleted row would.
    expect(checkAuditChainPage(store.db, { afterId: 3, expectedPrev: hashOf(2), pageSize: 3 })).toMatchObject({
      checked: 0,
      lastId: 3,
      firstBreak: { id: 4, reason: 'link_mismatch' },
      done: true,
    });
  });

  it('stops between pages when asked, without a report', async () => {
    fill(5);
    let pages = 0;
    const walk = verifyAuditChain(store.db, {
      pageSize: 2,
      runPage: (args) => {
        pages += 1;
        return checkAuditChainPage(store.db, args);
      },
      stopped: () => pages >= 1,
    });
    await expect(walk).rejects.toThrow(/stopped/);
    expect(pages).toBe(1);
  });
});
