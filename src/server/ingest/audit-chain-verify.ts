// Checks the registers' audit chains as entries arrive (src/shared/audit/audit-chain.ts): an entry whose hash does
// not cover its own content was edited; an entry whose prevHash is not the hash of the same register's previous entry
// (or the next entry's prevHash is not its hash) means something was edited, removed or reordered in between. Entries
// may arrive out of order or with gaps (a refused event, a batch still to come): a link is judged only when both of its
// ends are here; the missing end is judged when it arrives. What does not hold is recorded in audit_chain_breaks.
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { auditHashInput } from '../../shared/audit/audit-chain';
import type { AuditEvent } from '../../shared/sync/events';
import { rowsOf, type TenantTx } from '../db/tenant-db';

export type ChainBreakReason = 'hash_mismatch' | 'link_mismatch';

export interface ChainBreak {
  chainSeq: number;
  reason: ChainBreakReason;
}

type Link = {
  chain_seq: number;
  prev_hash: string;
  hash: string;
};

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
  return createHash('sha256').update(input).digest('hex') === p.hash;
}

/** The breaks the newly stored `events` of one device reveal, against its entries already stored (and each other). */
export async function verifyAuditChain(
  tx: TenantTx,
  who: { orgId: string; deviceId: string },
  events: readonly AuditEvent[],
): Promise<ChainBreak[]> {
  if (events.length === 0) return [];
  const breaks: ChainBreak[] = [];
  for (const event of events)
    if (!contentHashHolds(event)) breaks.push({ chainSeq: event.payload.auditId, reason: 'hash_mismatch' });
  // Neighbours of every new entry: its predecessor and successor, stored before or in this batch.
  const seqs = events.map((e) => e.payload.auditId);
  const wanted = [...new Set(seqs.flatMap((s) => [s - 1, s, s + 1]))];
  const links = await rowsOf<Link>(
    tx,
    sql`
    select chain_seq::float8 as chain_seq, prev_hash, hash from audit_entries
    where org_id = ${who.orgId}::uuid and device_id = ${who.deviceId}::uuid and hash is not null
      and chain_seq = any(${`{${wanted.join(',')}}`}::bigint[])`,
  );
  const bySeq = new Map(links.map((l) => [Number(l.chain_seq), l]));
  const linkBroken = new Set<number>();
  for (const seq of seqs) {
    const self = bySeq.get(seq);
    const previous = bySeq.get(seq - 1);
    const next = bySeq.get(seq + 1);
    if (self && previous && self.prev_hash !== previous.hash) linkBroken.add(seq);
    if (self && next && next.prev_hash !== self.hash) linkBroken.add(seq + 1);
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
