// The audit trail's hash chain, defined once for both ends: each entry's hash covers its content and the previous
// entry's hash, so editing, deleting or reordering any entry breaks every link after it. The register computes it
// when it appends an entry; the central server recomputes it from what it receives. Pure: the SHA-256 itself is
// computed by each side (node:crypto), over the text this module builds.

/** The `prevHash` of a register's first entry. */
export const AUDIT_CHAIN_GENESIS = '0'.repeat(64);

export const AUDIT_HASH_PATTERN = /^[0-9a-f]{64}$/;

/** What an entry's hash covers (everything but its own hash and its local row id). */
export interface ChainedAuditContent {
  prevHash: string;
  at: string;
  actor: string;
  actorName: string;
  approvedBy: string | null;
  approvedByName: string | null;
  action: string;
  documentId: string | null;
  details: Record<string, unknown>;
}

/**
 * JSON with object keys sorted at every level: the same value gives the same text whoever serialised it (SQLite text,
 * a PostgreSQL jsonb that reorders keys, another runtime).
 */
export function canonicalJson(value: unknown): string {
  // Loops and string appends rather than entries/filter/map/join: the server recomputes this for every audit entry
  // it receives (~0.75x the CPU per entry, decision 0035). Object.keys(...).sort() orders by UTF-16 code units, as `<` does.
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) {
    let text = '[';
    for (let i = 0; i < value.length; i++) text += (i === 0 ? '' : ',') + canonicalJson(value[i]);
    return `${text}]`;
  }
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    let text = '{';
    for (const key of Object.keys(record).sort()) {
      const member = record[key];
      if (member === undefined) continue;
      text += `${text.length === 1 ? '' : ','}${JSON.stringify(key)}:${canonicalJson(member)}`;
    }
    return `${text}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The text whose SHA-256 (hex) is the entry's hash. */
export function auditHashInput(content: ChainedAuditContent): string {
  const { prevHash, at, actor, actorName, approvedBy, approvedByName, action, documentId, details } = content;
  return canonicalJson([
    'sago-audit-v1',
    prevHash,
    at,
    actor,
    actorName,
    approvedBy,
    approvedByName,
    action,
    documentId,
    details,
  ]);
}
