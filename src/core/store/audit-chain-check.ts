// Sealing and checking the audit trail's hash chain (audit.ts writes it). Rows written before the chain existed are
// sealed once, in order, right after the migration that added it. Verification walks the whole trail in id order:
// each row's prevHash must be the previous row's hash and its hash must match its content; the first row that does
// not is reported (editing a row breaks its own hash; deleting or reordering breaks the next link).
import { AUDIT_CHAIN_GENESIS, auditHashInput } from '../../shared/audit/audit-chain';
import { actorNames, contentOfRow, sealAuditRow, sha256Hex, type AuditRow } from './audit';
import type { StoreDb } from './store-db';

export interface AuditChainBreak {
  /** audit_log id of the first row that does not hold. */
  id: number;
  reason: 'hash_mismatch' | 'link_mismatch' | 'unsealed';
}

export interface AuditChainReport {
  ok: boolean;
  checked: number;
  lastId: number | null;
  firstBreak: AuditChainBreak | null;
}

interface StoredRow extends Omit<AuditRow, 'prevHash' | 'hash'> {
  id: number;
  prevHash: string | null;
  hash: string | null;
}

const ROW_COLUMNS = `id, at, actor, actor_name AS actorName, approved_by AS approvedBy, approved_by_name AS approvedByName,
  action, document_id AS documentId, details, prev_hash AS prevHash, hash`;

/** Seals rows older than the chain (hash null), oldest first; returns how many. Runs once, after the migration. */
export function sealLegacyAuditRows(db: StoreDb): number {
  const sqlite = db.$client;
  const pending = sqlite
    .prepare(`SELECT ${ROW_COLUMNS} FROM audit_log WHERE hash IS NULL ORDER BY id`)
    .all() as StoredRow[];
  if (pending.length === 0) return 0;
  const update = sqlite.prepare(
    'UPDATE audit_log SET actor_name = ?, approved_by_name = ?, prev_hash = ?, hash = ? WHERE id = ?',
  );
  const previous = sqlite
    .prepare('SELECT hash FROM audit_log WHERE id < ? AND hash IS NOT NULL ORDER BY id DESC LIMIT 1')
    .pluck();
  sqlite
    .transaction(() => {
      let prevHash = (previous.get(pending[0]?.id ?? 0) as string | undefined) ?? AUDIT_CHAIN_GENESIS;
      for (const row of pending) {
        const names = actorNames(db, { actor: row.actor, approvedBy: row.approvedBy ?? undefined });
        const entry = {
          actor: row.actor,
          approvedBy: row.approvedBy ?? undefined,
          action: row.action,
          documentId: row.documentId ?? undefined,
          details: JSON.parse(row.details) as Record<string, unknown>,
        };
        const sealed = sealAuditRow(entry, names, new Date(row.at), prevHash);
        update.run(sealed.actorName, sealed.approvedByName, sealed.prevHash, sealed.hash, row.id);
        prevHash = sealed.hash;
      }
    })
    .immediate();
  return pending.length;
}

function checkRow(row: StoredRow, expectedPrev: string): AuditChainBreak['reason'] | undefined {
  if (row.hash === null || row.prevHash === null) return 'unsealed';
  if (row.prevHash !== expectedPrev) return 'link_mismatch';
  let content;
  try {
    content = contentOfRow({ ...row, prevHash: row.prevHash });
  } catch {
    return 'hash_mismatch'; // details no longer JSON: edited
  }
  return sha256Hex(auditHashInput(content)) === row.hash ? undefined : 'hash_mismatch';
}

/**
 * Checks the chain in pages of `pageSize` rows, yielding between pages (`pause`) so a long trail never holds up the
 * register; stops at the first break.
 */
export async function verifyAuditChain(
  db: StoreDb,
  options: { pageSize?: number; pause?: () => Promise<void> } = {},
): Promise<AuditChainReport> {
  const pageSize = options.pageSize ?? 2_000;
  const page = db.$client.prepare(`SELECT ${ROW_COLUMNS} FROM audit_log WHERE id > ? ORDER BY id LIMIT ?`);
  let expectedPrev = AUDIT_CHAIN_GENESIS;
  let afterId = 0;
  let checked = 0;
  for (;;) {
    const rows = page.all(afterId, pageSize) as StoredRow[];
    for (const row of rows) {
      const reason = checkRow(row, expectedPrev);
      if (reason) return { ok: false, checked, lastId: afterId || null, firstBreak: { id: row.id, reason } };
      expectedPrev = row.hash ?? '';
      afterId = row.id;
      checked += 1;
    }
    if (rows.length < pageSize) return { ok: true, checked, lastId: afterId || null, firstBreak: null };
    await (options.pause ?? (() => new Promise<void>((resolve) => setImmediate(resolve))))();
  }
}
