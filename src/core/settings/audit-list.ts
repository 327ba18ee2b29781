// The audit trail for the manager, newest first, a page at a time. The cursor is opaque to the renderer (the id of
// the last entry shown, base64url); `action` keeps the entries whose action starts with it ("settings.").
import { AppError } from '../app/app-error';
import type { StoreDb } from '../store/open-database';

export interface AuditListEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  documentId: string | null;
  details: Record<string, unknown>;
}

interface AuditRow {
  id: number;
  at: string;
  actor: string;
  action: string;
  document_id: string | null;
  details: string;
}

const BAD_CURSOR = 'La página pedida del registro de auditoría no es válida; vuelva a la primera página';

export function encodeAuditCursor(id: number): string {
  return Buffer.from(`a:${id}`).toString('base64url');
}

function decodeCursor(cursor: string): number {
  const match = /^a:(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match?.[1]) throw new AppError('invalid_request', BAD_CURSOR);
  return Number(match[1]);
}

function parseDetails(json: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(json);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : { value };
  } catch {
    return { raw: json }; // an old or hand-edited row is still shown rather than hiding the trail
  }
}

export function listAudit(db: StoreDb, query: { action?: string | undefined; cursor?: string | undefined; limit: number }) {
  const before = query.cursor === undefined ? Number.MAX_SAFE_INTEGER : decodeCursor(query.cursor);
  const prefix = (query.action ?? '').replace(/[\\%_]/g, (c) => `\\${c}`);
  const rows = db.$client.prepare(`SELECT id, at, actor, action, document_id, details FROM audit_log
    WHERE id < @before AND action LIKE @prefix ESCAPE '\\' ORDER BY id DESC LIMIT @take`)
    .all({ before, prefix: `${prefix}%`, take: query.limit + 1 }) as AuditRow[];
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((r): AuditListEntry => ({
      id: r.id, at: r.at, actor: r.actor, action: r.action, documentId: r.document_id, details: parseDetails(r.details),
    })),
    nextCursor: rows.length > query.limit && last ? encodeAuditCursor(last.id) : null,
  };
}
