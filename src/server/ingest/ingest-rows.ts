// How a batch's rows travel to PostgreSQL in the ingest statement (store-events.ts), as a row source `select * from …`
// with typed columns. Two encodings, the same rows (ingest-rows.test.ts):
// - `json` (decision 0026), what ingest uses: the rows as one JSON text, unpacked by json_to_recordset.
// - `columns` (measured in decision 0042, not taken): one array parameter per column, unpacked by `unnest` (rows in
//   array order); each array travels as its literal text (`{"a","b",NULL}`), written here in one pass (node-postgres's
//   own array encoding walks every element through its generic value preparation). Expected to spare PostgreSQL the
//   JSON walk; measured on this machine it cost slightly MORE on both sides (PostgreSQL ~2.35 against ~2.2 ms per batch
//   of 500 for the row source alone, the API ~0.8 against ~0.65 ms to encode), so it is kept only as the tested,
//   benched alternative (bench/ingest-path-ab.ts) for a later binary-array attempt.
import { sql, type SQL } from 'drizzle-orm';
import type { AuditEvent, DocumentStatusEvent } from '../../shared/sync/events';

export type RowEncoding = 'columns' | 'json';

/** A column's value for one event; an object is a JSON column's value (written as its JSON text). */
type Cell = string | number | object | null | undefined;

const ESCAPED = /["\\]/g;

/** `"text"`, with `"` and `\` escaped; most texts (ids, hashes, times) have neither, and skip the regular expression. */
const quoted = (text: string) =>
  text.includes('"') || text.includes('\\') ? `"${text.replace(ESCAPED, '\\$&')}"` : `"${text}"`;

/**
 * A JSON column's literal: every value's JSON text quoted. JSON texts are full of `"`, so they are escaped in ONE pass
 * over all of them, joined by U+0001, which JSON.stringify never writes raw (it writes control characters as \u0001):
 * ~7x less CPU than escaping 250 texts one by one. A missing value (SQL NULL, as the JSON rows would give) takes the
 * general path.
 */
function jsonArrayLiteral(cells: readonly Cell[]): string {
  if (cells.length === 0 || cells.some((cell) => cell === null || cell === undefined)) return arrayLiteral(cells);
  const texts = cells.map((cell) => JSON.stringify(cell));
  return `{"${texts.join('\u0001').replace(ESCAPED, '\\$&').replaceAll('\u0001', '","')}"}`;
}

/** PostgreSQL array literal of one column: every text quoted (so "NULL" stays text), `"` and `\` escaped. */
export function arrayLiteral(cells: readonly Cell[]): string {
  let out = '{';
  for (let i = 0; i < cells.length; i++) {
    if (i > 0) out += ',';
    const cell = cells[i];
    if (cell === null || cell === undefined) out += 'NULL';
    else if (typeof cell === 'number') out += String(cell);
    else out += quoted(typeof cell === 'string' ? cell : JSON.stringify(cell));
  }
  return `${out}}`;
}

interface Column<E> {
  name: string;
  type: string;
  cell: (event: E) => Cell;
  /** A JSON column (jsonb): its values are objects, written by jsonArrayLiteral. */
  json?: true;
}

const AUDIT_COLUMNS: readonly Column<AuditEvent>[] = [
  { name: 'event_id', type: 'uuid', cell: (e) => e.eventId },
  { name: 'seq', type: 'bigint', cell: (e) => e.seq },
  { name: 'at', type: 'timestamptz', cell: (e) => e.payload.at },
  { name: 'actor', type: 'text', cell: (e) => e.payload.actor },
  { name: 'actor_name', type: 'text', cell: (e) => e.payload.actorName },
  { name: 'approved_by', type: 'text', cell: (e) => e.payload.approvedBy },
  { name: 'approved_by_name', type: 'text', cell: (e) => e.payload.approvedByName },
  { name: 'action', type: 'text', cell: (e) => e.payload.action },
  { name: 'document_id', type: 'text', cell: (e) => e.payload.documentId },
  { name: 'details', type: 'jsonb', cell: (e) => e.payload.details, json: true },
  { name: 'chain_seq', type: 'bigint', cell: (e) => e.payload.auditId },
  { name: 'prev_hash', type: 'text', cell: (e) => e.payload.prevHash },
  { name: 'hash', type: 'text', cell: (e) => e.payload.hash },
];

const STATUS_COLUMNS: readonly Column<DocumentStatusEvent>[] = [
  { name: 'event_id', type: 'uuid', cell: (e) => e.eventId },
  { name: 'seq', type: 'bigint', cell: (e) => e.seq },
  { name: 'document_id', type: 'text', cell: (e) => e.payload.documentId },
  { name: 'status', type: 'text', cell: (e) => e.payload.status },
  { name: 'from_status', type: 'text', cell: (e) => e.payload.from },
  { name: 'at', type: 'timestamptz', cell: (e) => e.payload.at },
  { name: 'tipo_documento', type: 'text', cell: (e) => e.payload.tipoDocumento },
  { name: 'numero', type: 'integer', cell: (e) => e.payload.numero },
  { name: 'tipo_emision', type: 'text', cell: (e) => e.payload.tipoEmision },
  { name: 'total', type: 'numeric', cell: (e) => e.payload.total },
];

/** `unnest` of one array literal per column (each a text parameter cast to its column's array type). */
function columnsSource<E>(columns: readonly Column<E>[], events: readonly E[]): SQL {
  const arrays = columns.map(
    (c) => sql`${(c.json ? jsonArrayLiteral : arrayLiteral)(events.map(c.cell))}::text::${sql.raw(c.type)}[]`,
  );
  const names = sql.raw(columns.map((c) => c.name).join(', '));
  return sql`select * from unnest(${sql.join(arrays, sql`, `)}) as r(${names})`;
}

/** json_to_recordset of the rows as one JSON text parameter (cast in SQL, so no driver re-encodes it). */
function jsonSource<E>(columns: readonly Column<E>[], events: readonly E[]): SQL {
  const rows = events.map((event) => {
    const row: Record<string, unknown> = {};
    for (const c of columns) row[c.name] = c.cell(event);
    return row;
  });
  const types = sql.raw(columns.map((c) => `${c.name} ${c.type}`).join(', '));
  return sql`select * from json_to_recordset(${JSON.stringify(rows)}::text::json) as r(${types})`;
}

const sourceOf = <E>(columns: readonly Column<E>[], events: readonly E[], encoding: RowEncoding): SQL =>
  encoding === 'columns' ? columnsSource(columns, events) : jsonSource(columns, events);

/** The batch's audit entries as rows of (event_id, seq, at, actor, …, chain_seq, prev_hash, hash). */
export const auditRowsSource = (audit: readonly AuditEvent[], encoding: RowEncoding): SQL =>
  sourceOf(AUDIT_COLUMNS, audit, encoding);

/** The batch's status snapshots as rows of (event_id, seq, document_id, status, …, total). */
export const statusRowsSource = (statuses: readonly DocumentStatusEvent[], encoding: RowEncoding): SQL =>
  sourceOf(STATUS_COLUMNS, statuses, encoding);
