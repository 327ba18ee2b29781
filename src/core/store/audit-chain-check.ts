// Sealing and checking the audit trail's hash chain (audit.ts writes it). Rows written before the chain existed are
// sealed once, in order, right after the migration that added it. Verification walks the whole trail in id order:
// each row's prevHash must be the previous row's hash and its hash must match its content; the first row that does
// not is reported (editing a row breaks its own hash; deleting or reordering breaks the next link). The walk is a
// series of independent pages (checkAuditChainPage) so the register can run them on its read worker (issue 17: a
// year's trail is seconds of hashing that must not run on the core's thread).
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

/**
 * The rows still to seal. Every open asks, so it must not read the trail: the partial index audit_log_unsealed holds
 * exactly these rows (none once sealed), where `hash IS NULL` alone scanned a year's trail at every start.
 */
export const UNSEALED_ROWS_SQL = `SELECT ${ROW_COLUMNS} FROM audit_log INDEXED BY audit_log_unsealed WHERE hash IS NULL ORDER BY id`;

/** Seals rows older than the chain (hash null), oldest first; returns how many. Does work once, after the migration. */
export function sealLegacyAuditRows(db: StoreDb): number {
  const sqlite = db.$client;
  const pending = sqlite.prepare(UNSEALED_ROWS_SQL).all() as StoredRow[];
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

/** Where a page starts: after the row `afterId`, whose hash the next row must carry as its prevHash. */
export interface AuditChainPageArgs {
  afterId: number;
  expectedPrev: string;
  pageSize: number;
}

export interface AuditChainPage {
  /** Rows that held in this page. */
  checked: number;
  /** The last row that held (afterId if none did) and its hash: where the next page starts. */
  lastId: number;
  lastHash: string;
  firstBreak: AuditChainBreak | null;
  /** True when the trail ended in this page (or broke). */
  done: boolean;
}

/** Checks up to pageSize rows after args.afterId; a plain function of the connection, so the read worker can run it. */
export function checkAuditChainPage(db: StoreDb, args: AuditChainPageArgs): AuditChainPage {
  const rows = db.$client
    .prepare(`SELECT ${ROW_COLUMNS} FROM audit_log WHERE id > ? ORDER BY id LIMIT ?`)
    .all(args.afterId, args.pageSize) as StoredRow[];
  let lastId = args.afterId;
  let lastHash = args.expectedPrev;
  for (const [checked, row] of rows.entries()) {
    const reason = checkRow(row, lastHash);
    if (reason) return { checked, lastId, lastHash, firstBreak: { id: row.id, reason }, done: true };
    lastId = row.id;
    lastHash = row.hash ?? '';
  }
  return { checked: rows.length, lastId, lastHash, firstBreak: null, done: rows.length < args.pageSize };
}

export interface VerifyAuditChainOptions {
  pageSize?: number;
  /** Runs one page (default: on `db` here; the register passes its read worker). */
  runPage?: (args: AuditChainPageArgs) => AuditChainPage | Promise<AuditChainPage>;
  pause?: () => Promise<void>;
  /** Asked between pages: true ends the walk early with an error (the register is closing). */
  stopped?: () => boolean;
}

/**
 * Checks the chain in pages of `pageSize` rows, yielding between pages (`pause`) so a long trail never holds up the
 * register; stops at the first break.
 */
export async function verifyAuditChain(db: StoreDb, options: VerifyAuditChainOptions = {}): Promise<AuditChainReport> {
  const pageSize = options.pageSize ?? 2_000;
  const runPage = options.runPage ?? ((args: AuditChainPageArgs) => checkAuditChainPage(db, args));
  const pause = options.pause ?? (() => new Promise<void>((resolve) => setImmediate(resolve)));
  let at = { afterId: 0, expectedPrev: AUDIT_CHAIN_GENESIS, pageSize };
  let checked = 0;
  for (;;) {
    if (options.stopped?.()) throw new Error('Audit chain walk stopped before the end of the trail');
    const page = await runPage(at);
    checked += page.checked;
    if (page.done) {
      const lastId = page.lastId || null;
      return page.firstBreak
        ? { ok: false, checked, lastId, firstBreak: page.firstBreak }
        : { ok: true, checked, lastId, firstBreak: null };
    }
    at = { afterId: page.lastId, expectedPrev: page.lastHash, pageSize };
    await pause();
  }
}
