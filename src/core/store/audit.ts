// The audit trail: append-only (SQLite triggers refuse UPDATE and DELETE) and hash-chained (shared/audit/
// audit-chain.ts): each entry's hash covers its content and the previous entry's hash, so a row edited in the file is
// found by verify-audit-chain.ts here and by the central server. Every entry is also queued for the central API in the
// same transaction (sync outbox), so the two never disagree. Actors are user ids (or a `sistema:*`/`desconocido`
// label); the names are written beside them as they were at that moment. Callers must not put secrets in `details`
// (tests scan for them).
import { createHash, randomUUID } from 'node:crypto';
import { desc, eq } from 'drizzle-orm';
import { AUDIT_CHAIN_GENESIS, auditHashInput, type ChainedAuditContent } from '../../shared/audit/audit-chain';
import type { StoreDb } from './store-db';
import { auditLog, syncOutbox, users } from './schema';

export interface AuditEntry {
  /** The acting user's id, or a system actor ('sistema:cola', …). */
  actor: string;
  /** The gerente who approved the action, when someone else acted (user id). */
  approvedBy?: string | undefined;
  action: string;
  documentId?: string | undefined;
  details?: Record<string, unknown>;
}

/** Who an audit entry names: the acting user (or system actor), and the approving gerente when someone else acted. */
export type AuditActor = Pick<AuditEntry, 'actor' | 'approvedBy'>;

/** Names of the actors that are not people (shown as they are, never looked up). */
export const SYSTEM_ACTOR_NAMES: Record<string, string> = {
  'sistema:cola': 'Sistema (cola de envío)',
  'sistema:contingencia': 'Sistema (contingencia)',
  'sistema:caja': 'Sistema (caja)',
  'sistema:copias': 'Sistema (copias de seguridad)',
  'sistema:catalogo': 'Sistema (catálogo de la oficina central)',
  desconocido: 'Usuario desconocido',
};

/** The stored shape of an audit entry (also what is synced, with its row id). */
export interface AuditRow {
  at: string;
  actor: string;
  actorName: string;
  approvedBy: string | null;
  approvedByName: string | null;
  action: string;
  documentId: string | null;
  /** JSON text of the details. */
  details: string;
  prevHash: string;
  hash: string;
}

export type AuditTx = Pick<StoreDb, 'insert' | 'select' | 'transaction'>;

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The row an entry becomes after `prevHash` (names as given, chain sealed). */
export function sealAuditRow(
  entry: AuditEntry,
  names: { actorName: string; approvedByName: string | null },
  at: Date,
  prevHash: string,
): AuditRow {
  const details = entry.details ?? {};
  const content: ChainedAuditContent = {
    prevHash,
    at: at.toISOString(),
    actor: entry.actor,
    actorName: names.actorName,
    approvedBy: entry.approvedBy ?? null,
    approvedByName: names.approvedByName,
    action: entry.action,
    documentId: entry.documentId ?? null,
    details,
  };
  return { ...content, details: JSON.stringify(details), hash: sha256Hex(auditHashInput(content)) };
}

/** The content a stored row's hash must cover (its details text parsed back). */
export function contentOfRow(row: Omit<AuditRow, 'hash'>): ChainedAuditContent {
  return { ...row, details: JSON.parse(row.details) as Record<string, unknown> };
}

type NameLookup = (userId: string) => string | undefined;

function nameOf(lookup: NameLookup, actor: string): string {
  return SYSTEM_ACTOR_NAMES[actor] ?? lookup(actor) ?? actor;
}

/** The entry's actor names as of now: a user's display name, a system actor's label, else the actor as given. */
export function actorNamesBy(lookup: NameLookup, entry: Pick<AuditEntry, 'actor' | 'approvedBy'>) {
  return {
    actorName: nameOf(lookup, entry.actor),
    approvedByName: entry.approvedBy === undefined ? null : nameOf(lookup, entry.approvedBy),
  };
}

export function actorNames(tx: Pick<StoreDb, 'select'>, entry: Pick<AuditEntry, 'actor' | 'approvedBy'>) {
  return actorNamesBy(
    (id) => tx.select({ name: users.displayName }).from(users).where(eq(users.id, id)).get()?.name,
    entry,
  );
}

/** Appends an entry at the chain's end and queues it for the central API, atomically (a savepoint inside a transaction). */
export function appendAudit(tx: AuditTx, entry: AuditEntry, at: Date): void {
  tx.transaction((inner) => {
    const last = inner.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1).get();
    const row = sealAuditRow(entry, actorNames(inner, entry), at, last?.hash ?? AUDIT_CHAIN_GENESIS);
    const { id } = inner.insert(auditLog).values(row).returning({ id: auditLog.id }).get();
    enqueueSync(inner, 'audit', { ...row, auditId: id });
  });
}

/** A change the central API should learn about (audit entry, document status snapshot). */
export function enqueueSync(
  tx: Pick<StoreDb, 'insert'>,
  kind: 'audit' | 'document_status',
  payload: Record<string, unknown>,
): void {
  tx.insert(syncOutbox)
    .values({ eventId: randomUUID(), kind, payload: JSON.stringify(payload) })
    .run();
}
