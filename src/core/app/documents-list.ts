// The documents list: newest first, filtered by status and/or a search, paged with a keyset cursor on
// (created_at, id) so page 2 000 costs what page 1 costs (benchDocumentsList measures it on 100 000 documents).
import type { DocumentStatus } from '../../shared/fiscal/lifecycle';
import type { DocumentSummary } from '../../shared/ipc/schemas';
import type { StoreDb } from '../store/open-database';
import { AppError } from './app-error';
import { containsPatterns, ensureSearchFunctions } from './text-search';

export interface DocumentsQuery {
  status?: DocumentStatus[] | undefined;
  query?: string | undefined;
  cursor?: string | undefined;
  limit: number;
}

export interface DocumentsPage {
  items: DocumentSummary[];
  nextCursor: string | null;
  /** How many documents match the filters (all pages). */
  total: number;
}

export const SUMMARY_COLUMNS = `id, tipo_documento AS tipoDocumento, numero, punto_facturacion AS puntoFacturacion,
  tipo_emision AS tipoEmision, fecha_emision AS fechaEmision, status, total_factura AS totalFactura,
  receptor_nombre AS receptorNombre, cufe,
  (SELECT invoice.numero FROM credit_ledger ledger JOIN documents invoice ON invoice.id = ledger.invoice_id
    WHERE ledger.note_id = documents.id LIMIT 1) AS facturaNumero`;

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

/** WHERE clauses and their parameters for the filters (not the cursor). */
function filters(db: StoreDb, q: DocumentsQuery, statusColumn: string): { where: string[]; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (q.status && q.status.length > 0) {
    where.push(`${statusColumn} IN (${q.status.map(() => '?').join(', ')})`);
    params.push(...q.status);
  }
  const text = q.query?.trim() ?? '';
  if (/^\d{1,10}$/.test(text)) {
    where.push('numero = ?'); // a cashier typing digits means the document number
    params.push(Number(text));
  } else if (/^FE\d/i.test(text)) {
    where.push("cufe LIKE ? ESCAPE '\\'");
    params.push(`${text.toUpperCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  } else if (text !== '') {
    ensureSearchFunctions(db.$client);
    const words = containsPatterns(text);
    where.push(`(${words.map(() => "sago_fold(receptor_nombre) LIKE ? ESCAPE '\\'").join(' AND ')} OR id = ?)`);
    params.push(...words, text);
  }
  return { where, params };
}

const whereSql = (where: readonly string[]): string => (where.length > 0 ? `WHERE ${where.join(' AND ')}` : '');

export function listDocuments(db: StoreDb, q: DocumentsQuery): DocumentsPage {
  const sqlite = db.$client;
  const counted = filters(db, q, 'status');
  const total = (sqlite.prepare(`SELECT count(*) AS n FROM documents ${whereSql(counted.where)}`).get(...counted.params) as { n: number }).n;
  // Plan choice by density, which SQLite cannot know without statistics. Dense matches (most documents are
  // AUTHORIZED): walk the created_at index newest first and skip the others, about limit × all / total rows ("+status"
  // keeps SQLite off the status index, whose matches it would otherwise sort: 20 ms for 90 000). Sparse matches (a
  // number, a rare status): find them first, by index or scan, and sort the few ("+created_at" in ORDER BY).
  let dense = true;
  if (counted.where.length > 0) {
    const all = (sqlite.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n;
    dense = total * total > q.limit * all;
  }
  const statusColumn = dense ? '+status' : 'status';
  const order = dense ? 'created_at DESC, id DESC' : '+created_at DESC, id DESC';
  const { where, params } = filters(db, q, statusColumn);
  if (q.cursor !== undefined) {
    const [createdAt, id] = decodeCursor(q.cursor);
    // Written so SQLite can range-scan the created_at index, then break ties on id.
    where.push('created_at <= ? AND (created_at < ? OR id < ?)');
    params.push(createdAt, createdAt, id);
  }
  const rows = sqlite.prepare(`SELECT ${SUMMARY_COLUMNS}, created_at AS createdAt FROM documents ${whereSql(where)}
    ORDER BY ${order} LIMIT ?`).all(...params, q.limit + 1) as Row[];
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    items: page.map(toSummary),
    nextCursor: rows.length > q.limit && last ? encodeCursor(last.createdAt, last.id) : null,
    total,
  };
}
