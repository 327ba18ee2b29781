// Checks the registers' audit chains as entries arrive (src/shared/audit/audit-chain.ts): an entry whose hash does
// not cover its own content was edited; an entry whose prevHash is not the hash of the same register's previous entry
// (or the next entry's prevHash is not its hash) means something was edited, removed or reordered in between. Entries
// may arrive out of order or with gaps (a refused event, a batch still to come): a link is judged only when both of its
// ends are here; the missing end is judged when it arrives. What does not hold is recorded in audit_chain_breaks.
// The stored neighbours of the new entries come from the statement that stores them (store-events.ts).
import { hash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { auditHashInput } from '../../shared/audit/audit-chain';
import type { AuditEvent } from '../../shared/sync/events';
import type { TenantTx } from '../db/tenant-db';

export type ChainBreakReason = 'hash_mismatch' | 'link_mismatch';

export interface ChainBreak {
  chainSeq: number;
  reason: ChainBreakReason;
}

/** One entry of a register's chain, as far as its links are concerned. */
export interface ChainLink {
  chainSeq: number;
  prevHash: string;
  hash: string;
}

export function contentHashHolds(event: AuditEvent): boolean {
  const p = event.payload;
  const input = auditHashInput({
    prevHash: p.prevHash,
    at: p.at,
    actor: p.actor,
    actorName: p.actorName,
    approvedBy: p.approvedBy,
    approvedByName: p.approvedByName,
    action: p.action,
    documentId: p.documentId,
    details: p.details,
  });
  // One-shot crypto.hash (Node ≥ 20.12): no Hash object per entry; ~0.6 µs against ~1.4 µs for a 300-character
  // input in a micro-run (decision 0042). Same digest.
  return hash('sha256', input, 'hex') === p.hash;
}

/**
 * The breaks the newly stored `fresh` entries of one register reveal, against each other and against `stored`, its
 * entries stored before them next in the chain (chain_seq − 1 and + 1 of a fresh entry).
 */
export function auditChainBreaks(fresh: readonly AuditEvent[], stored: readonly ChainLink[]): ChainBreak[] {
  if (fresh.length === 0) return [];
  const breaks: ChainBreak[] = [];
  for (const event of fresh)
    if (!contentHashHolds(event)) breaks.push({ chainSeq: event.payload.auditId, reason: 'hash_mismatch' });
  const bySeq = new Map(stored.map((l) => [l.chainSeq, l]));
  for (const { payload: p } of fresh) bySeq.set(p.auditId, { chainSeq: p.auditId, prevHash: p.prevHash, hash: p.hash });
  const linkBroken = new Set<number>();
  for (const { payload } of fresh) {
    const seq = payload.auditId;
    const self = bySeq.get(seq)!;
    const previous = bySeq.get(seq - 1);
    const next = bySeq.get(seq + 1);
    if (previous && self.prevHash !== previous.hash) linkBroken.add(seq);
    if (next && next.prevHash !== self.hash) linkBroken.add(seq + 1);
  }
  for (const seq of linkBroken) breaks.push({ chainSeq: seq, reason: 'link_mismatch' });
  return breaks;
}

export async function recordChainBreaks(
  tx: TenantTx,
  who: { orgId: string; deviceId: string },
  breaks: readonly ChainBreak[],
): Promise<void> {
  if (breaks.length === 0) return;
  const rows = JSON.stringify(breaks.map((b) => ({ chain_seq: b.chainSeq, reason: b.reason })));
  await tx.execute(sql`
    insert into audit_chain_breaks (org_id, device_id, chain_seq, reason)
    select ${who.orgId}::uuid, ${who.deviceId}::uuid, r.chain_seq, r.reason
    from jsonb_to_recordset(${rows}::text::jsonb) as r(chain_seq bigint, reason text)
    on conflict do nothing`);
}
