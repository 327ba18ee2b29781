// The audit trail for the manager, newest first, a page at a time, with the people by name (as they were named when
// it happened) and the gerente who approved; filtered by action prefix, person, document and Panamá dates. The cursor
// is opaque to the renderer (the id of the last entry shown, base64url). The same filters give the CSV export.
import { auditActionLabelEs } from '../../shared/audit/action-labels';
import { panamaDayStartUtc } from '../../shared/fiscal/panama-time';
import { AppError } from '../app/app-error';
import { toCsv } from '../reports/csv';
import type { StoreDb } from '../store/open-database';

export interface AuditListEntry {
  id: number;
  at: string;
  actor: string;
  actorName: string;
  approvedBy: string | null;
  approvedByName: string | null;
  action: string;
  documentId: string | null;
  details: Record<string, unknown>;
}

export interface AuditFilter {
  action?: string | undefined;
  actor?: string | undefined;
  documentId?: string | undefined;
  /** Panamá days, AAAA-MM-DD, inclusive. */
  from?: string | undefined;
  to?: string | undefined;
}

interface AuditRow {
  id: number;
  at: string;
  actor: string;
  actor_name: string;
  approved_by: string | null;
  approved_by_name: string | null;
  action: string;
  document_id: string | null;
  details: string;
}

const BAD_CURSOR = 'La página pedida del registro de auditoría no es válida; vuelva a la primera página';
/** A CSV is for a spreadsheet: beyond this, narrow the dates. */
export const AUDIT_CSV_MAX_ROWS = 100_000;

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
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : { value };
  } catch {
    return { raw: json }; // an old or hand-edited row is still shown rather than hiding the trail
  }
}

const nextDay = (day: string): string => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

/** Beyond this many entries in the date range, walking by id beats sorting the range (issue 17). */
const NARROW_RANGE_ROWS = 5_000;

function narrowRange(db: StoreDb, dates: { from?: string; to?: string }): boolean {
  if (dates.from === undefined && dates.to === undefined) return false;
  const n = db.$client
    .prepare(`SELECT count(*) FROM (SELECT 1 FROM audit_log WHERE at >= @from AND at < @to LIMIT ${NARROW_RANGE_ROWS})`)
    .pluck()
    .get({ from: dates.from ?? '', to: dates.to ?? '\u{10FFFF}' }) as number;
  return n < NARROW_RANGE_ROWS;
}

const COLUMNS = 'id, at, actor, actor_name, approved_by, approved_by_name, action, document_id, details';

/**
 * A narrow date range with no other filter (the manager's "one day"): the page's ids come from the audit_log_at index
 * alone (it holds each row's id), sorted there, and only the page's rows are read — instead of reading every row of a
 * busy day (~4 000 at a year's pace, details included) to sort them and keep 50.
 */
function dayPage(db: StoreDb, dates: { from?: string; to?: string }, before: number, take: number): AuditRow[] {
  const ids = db.$client
    .prepare(
      `SELECT id FROM audit_log INDEXED BY audit_log_at WHERE at >= @from AND at < @to AND id < @before
       ORDER BY id DESC LIMIT @take`,
    )
    .pluck()
    .all({ from: dates.from ?? '', to: dates.to ?? '\u{10FFFF}', before, take }) as number[];
  if (ids.length === 0) return [];
  return db.$client
    .prepare(`SELECT ${COLUMNS} FROM audit_log WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id DESC`)
    .all(JSON.stringify(ids)) as AuditRow[];
}

function selectAudit(db: StoreDb, filter: AuditFilter, before: number, take: number): AuditRow[] {
  const clauses = ['id < @before', "action LIKE @prefix ESCAPE '\\'"];
  if (filter.actor) clauses.push('(actor = @actor OR approved_by = @actor)');
  if (filter.documentId) clauses.push('document_id = @documentId');
  const dates = {
    ...(filter.from ? { from: panamaDayStartUtc(filter.from).toISOString() } : {}),
    ...(filter.to ? { to: panamaDayStartUtc(nextDay(filter.to)).toISOString() } : {}),
  };
  // A narrow date range (a day, a week of a busy register) is read off the audit_log_at index and its few rows sorted;
  // a wide one is walked newest first by id ("+at" keeps SQLite off the index, which would sort a year of rows).
  const narrow = narrowRange(db, dates);
  const at = narrow ? 'at' : '+at';
  if (filter.from) clauses.push(`${at} >= @from`);
  if (filter.to) clauses.push(`${at} < @to`);
  const prefix = (filter.action ?? '').replace(/[\\%_]/g, (c) => `\\${c}`);
  if (narrow && !filter.actor && !filter.documentId && prefix === '') return dayPage(db, dates, before, take);
  return db.$client
    .prepare(`SELECT ${COLUMNS} FROM audit_log WHERE ${clauses.join(' AND ')} ORDER BY id DESC LIMIT @take`)
    .all({
      before,
      prefix: `${prefix}%`,
      take,
      ...(filter.actor ? { actor: filter.actor } : {}),
      ...(filter.documentId ? { documentId: filter.documentId } : {}),
      ...dates,
    }) as AuditRow[];
}

const toEntry = (r: AuditRow): AuditListEntry => ({
  id: r.id,
  at: r.at,
  actor: r.actor,
  actorName: r.actor_name,
  approvedBy: r.approved_by,
  approvedByName: r.approved_by_name,
  action: r.action,
  documentId: r.document_id,
  details: parseDetails(r.details),
});

export function listAudit(db: StoreDb, query: AuditFilter & { cursor?: string | undefined; limit: number }) {
  const before = query.cursor === undefined ? Number.MAX_SAFE_INTEGER : decodeCursor(query.cursor);
  const rows = selectAudit(db, query, before, query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(toEntry),
    nextCursor: rows.length > query.limit && last ? encodeAuditCursor(last.id) : null,
  };
}

/** The filtered trail as CSV (Spanish labels, people by name; details as JSON), newest first. */
export function auditCsv(db: StoreDb, filter: AuditFilter): { csv: string; rows: number } {
  const rows = selectAudit(db, filter, Number.MAX_SAFE_INTEGER, AUDIT_CSV_MAX_ROWS + 1);
  if (rows.length > AUDIT_CSV_MAX_ROWS) {
    throw new AppError('not_allowed', `La exportación pasa de ${AUDIT_CSV_MAX_ROWS} entradas; acote las fechas`);
  }
  const header = ['id', 'fecha_utc', 'accion', 'descripcion', 'usuario', 'autorizado_por', 'documento', 'detalles'];
  const csv = toCsv(
    header,
    rows.map((r) => [
      r.id,
      r.at,
      r.action,
      auditActionLabelEs(r.action),
      r.actor_name,
      r.approved_by_name,
      r.document_id,
      r.details,
    ]),
  );
  return { csv, rows: rows.length };
}
