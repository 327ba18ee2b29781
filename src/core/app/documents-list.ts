// The documents list: newest first, filtered by status and/or a search, paged with a keyset cursor on
// (created_at, id) so page 2 000 costs what page 1 costs; totals, searches and status lanes read indexes kept by
// migration 0009 (issue 17), so no page costs more with a year of history (bench: `npm run bench -- --year`).
import type Database from 'better-sqlite3';
import type { DocumentStatus } from '../../shared/fiscal/lifecycle';
import type { DocumentSummary } from '../../shared/ipc/schemas';
import type { StoreDb } from '../store/open-database';
import { cachedStatement } from '../store/statement-cache';
import { AppError } from './app-error';
import { customerSearchPage } from './customer-search';
import { CANDIDATE_CAP, candidateIds, candidateReadLimit, searchFilter } from './documents-search';

export interface DocumentsQuery {
  status?: DocumentStatus[] | undefined;
  query?: string | undefined;
  cursor?: string | undefined;
  limit: number;
}

export interface DocumentsPage {
  items: DocumentSummary[];
  nextCursor: string | null;
  /** How many documents match the filters (all pages); with totalCapped, at least this many (a broad search). */
  total: number;
  /** Set when a broad search stopped counting at CANDIDATE_CAP: "1 000 or more". */
  totalCapped?: true;
}

export const SUMMARY_COLUMNS = `id, tipo_documento AS tipoDocumento, numero, punto_facturacion AS puntoFacturacion,
  tipo_emision AS tipoEmision, fecha_emision AS fechaEmision, status, total_factura AS totalFactura,
  receptor_nombre AS receptorNombre, cufe`;

/** The number of the invoice a credit note credits (null for other documents), for the row of `table` (its name or alias). */
export const facturaNumeroColumn = (table: string) => `(SELECT invoice.numero FROM credit_ledger ledger
  JOIN documents invoice ON invoice.id = ledger.invoice_id WHERE ledger.note_id = ${table}.id LIMIT 1) AS facturaNumero`;

type Row = DocumentSummary & { createdAt: string };

/** The row without the cursor's column. */
function toSummary(row: Row): DocumentSummary {
  const summary: Partial<Row> = { ...row };
  delete summary.createdAt;
  return summary as DocumentSummary;
}

export function encodeCursor(createdAt: string, id: string): string {
  return Buffer.from(JSON.stringify([createdAt, id])).toString('base64url');
}

function decodeCursor(cursor: string): [string, string] {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string') {
      return [value[0], value[1]];
    }
  } catch {
    // falls through to the error below
  }
  throw new AppError('invalid_request', 'La posición de la lista no es válida; vuelva a cargarla');
}

type Filter = { where: string; params: unknown[] };

/** Exact totals per status, kept by migration 0009's triggers (no count over the table per page). */
function statusTotal(sqlite: Database.Database, statuses: readonly string[] | undefined): number {
  const sql =
    statuses && statuses.length > 0
      ? `SELECT coalesce(sum(n), 0) FROM document_status_counts WHERE status IN (${statuses.map(() => '?').join(', ')})`
      : 'SELECT coalesce(sum(n), 0) FROM document_status_counts';
  return sqlite
    .prepare(sql)
    .pluck()
    .get(...(statuses ?? [])) as number;
}

function cursorFilter(cursor: string | undefined): Filter | undefined {
  if (cursor === undefined) return undefined;
  const [createdAt, id] = decodeCursor(cursor);
  // Written so SQLite can range-scan the index on created_at, then break ties on id.
  return { where: 'd.created_at <= ? AND (d.created_at < ? OR d.id < ?)', params: [createdAt, createdAt, id] };
}

const and = (filters: (Filter | undefined)[]): Filter => {
  const present = filters.filter((f): f is Filter => f !== undefined);
  return {
    where: present.length === 0 ? '1' : present.map((f) => f.where).join(' AND '),
    params: present.flatMap((f) => f.params),
  };
};

const SELECT = `SELECT ${SUMMARY_COLUMNS.replace(/(^|,\s*)(\w+)/g, '$1d.$2')}, ${facturaNumeroColumn('d')}, d.created_at AS createdAt
  FROM documents d`;

/**
 * Newest first, reading an index in order and testing each row: per status on (status, created_at, id), or on
 * created_at. A page costs about limit × (documents read per match), whatever the history's size.
 */
function walk(sqlite: Database.Database, statuses: readonly string[] | undefined, extra: Filter, take: number): Row[] {
  const lanes = statuses && statuses.length > 0 ? statuses : [undefined];
  const rows = lanes.flatMap((status) => {
    const f = and([status === undefined ? undefined : { where: 'd.status = ?', params: [status] }, extra]);
    return sqlite
      .prepare(`${SELECT} WHERE ${f.where} ORDER BY d.created_at DESC, d.id DESC LIMIT ?`)
      .all(...f.params, take) as Row[];
  });
  return lanes.length > 1 ? rows.sort(newestFirst).slice(0, take) : rows;
}

const newestFirst = (a: Row, b: Row): number =>
  a.createdAt === b.createdAt ? (a.id < b.id ? 1 : a.id > b.id ? -1 : 0) : a.createdAt < b.createdAt ? 1 : -1;

const BY_IDS = `${SELECT} WHERE d.id IN (SELECT value FROM json_each(?))`;

/** A search by customer (customer-search.ts): its page's positions, then their rows in one read. */
function customerPage(
  sqlite: Database.Database,
  match: Parameters<typeof customerSearchPage>[1],
  statuses: DocumentStatus[] | undefined,
  q: DocumentsQuery,
): DocumentsPage {
  const found = customerSearchPage(sqlite, match, {
    statuses,
    cursor: q.cursor === undefined ? undefined : decodeCursor(q.cursor),
    take: q.limit + 1,
    cap: CANDIDATE_CAP,
    documents: statusTotal(sqlite, undefined),
  });
  const ids = JSON.stringify(found.positions.map((p) => p.id));
  const rows = (cachedStatement(sqlite, BY_IDS).all(ids) as Row[]).sort(newestFirst);
  return pageOf(rows, q.limit, found.total, found.capped);
}

function pageOf(rows: Row[], limit: number, total: number, capped: boolean): DocumentsPage {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(toSummary),
    nextCursor: rows.length > limit && last ? encodeCursor(last.createdAt, last.id) : null,
    total,
    ...(capped ? { totalCapped: true } : {}),
  };
}

export function listDocuments(db: StoreDb, q: DocumentsQuery): DocumentsPage {
  const sqlite = db.$client;
  const statuses = q.status && q.status.length > 0 ? q.status : undefined;
  const statusFilter = statuses
    ? { where: `d.status IN (${statuses.map(() => '?').join(', ')})`, params: [...statuses] }
    : undefined;
  const search = searchFilter(sqlite, q.query);
  if (search?.customer) return customerPage(sqlite, search.customer, statuses, q);
  const cursor = cursorFilter(q.cursor);
  let rows: Row[];
  let total: number;
  let capped = false;
  const readLimit = search?.candidates ? candidateReadLimit(statusTotal(sqlite, undefined), q.limit + 1) : 0;
  const ids = search?.candidates ? candidateIds(sqlite, search.candidates, readLimit) : undefined;
  if (!search) {
    total = statusTotal(sqlite, statuses);
    rows = walk(sqlite, statuses, and([cursor]), q.limit + 1);
  } else if (ids && ids.length <= readLimit) {
    // Every candidate read: test them (exact candidates are the matches, only the status is left) and sort the
    // matches. The total is exact up to the cap, then "1 000 or more" like a dense search's.
    const inCandidates = { where: 'd.id IN (SELECT value FROM json_each(?))', params: [JSON.stringify(ids)] };
    const matches = and([inCandidates, statusFilter, search.candidates?.exact === true ? undefined : search]);
    total = sqlite
      .prepare(`SELECT count(*) FROM (SELECT 1 FROM documents d WHERE ${matches.where} LIMIT ${CANDIDATE_CAP})`)
      .pluck()
      .get(...matches.params) as number;
    capped = ids.length > CANDIDATE_CAP && total >= CANDIDATE_CAP;
    const page = and([matches, cursor]);
    rows = sqlite
      .prepare(`${SELECT} WHERE ${page.where} ORDER BY +d.created_at DESC, d.id DESC LIMIT ?`)
      .all(...page.params, q.limit + 1) as Row[];
  } else {
    // Many candidates (or words too short for the index): newest first, testing each row. The total is counted up
    // to the cap and says so: from the candidates when they are the matches (only the status left to test).
    const exact = search.candidates?.exact === true;
    const matches = and([statusFilter, exact ? undefined : search]);
    const from = search.candidates ? `(${search.candidates.sql}) c JOIN documents d ON d.id = c.id` : 'documents d';
    total =
      exact && !statusFilter
        ? CANDIDATE_CAP // the candidates read above are the matches, and there were more
        : (sqlite
            .prepare(`SELECT count(*) FROM (SELECT 1 FROM ${from} WHERE ${matches.where} LIMIT ${CANDIDATE_CAP})`)
            .pluck()
            .get(...(search.candidates?.params ?? []), ...matches.params) as number);
    capped = total >= CANDIDATE_CAP;
    rows = walk(sqlite, statuses, and([search, cursor]), q.limit + 1);
  }
  return pageOf(rows, q.limit, total, capped);
}
