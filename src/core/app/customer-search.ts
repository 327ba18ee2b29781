// A documents search by customer (every word in the name, or the text in the RUC/cédula, or the document's id) served
// from the distinct customers of migration 0014 (issue 17, decision 0034). The trigram index over the customers finds
// them (a shop has a few thousand, whatever its history's length); the list's LIKE meaning (containment in the folded
// text) tests each one, so the matching customers are exactly the matches' customers; their documents are then read newest first from
// document_search's indexes, and their stored counts give the total without counting documents.
import type Database from 'better-sqlite3';
import { cachedStatement } from '../store/statement-cache';
import { foldText } from './text-search';

export interface CustomerMatch {
  /** FTS5 query over document_search_keys_fts (a superset of the matching customers). */
  match: string;
  /** The exact test of each customer found: every folded word in the name, or `ruc` (folded) in the RUC/cédula. */
  words: string[];
  ruc: string | undefined;
  /** The search as typed: a document whose id it is matches too. */
  text: string;
}

export interface Position {
  createdAt: string;
  id: string;
}

export interface CustomerPageQuery {
  statuses: readonly string[] | undefined;
  /** Newest-first position to continue after: [created_at, id]. */
  cursor: [string, string] | undefined;
  /** Rows wanted (a page and one more, to know whether there is a next page). */
  take: number;
  /** Counted up to this many; beyond it the total is "cap or more". */
  cap: number;
  /** Documents in the register (the status counts' sum), for the cost estimates. */
  documents: number;
}

export interface CustomerPage {
  positions: Position[];
  total: number;
  capped: boolean;
}

/**
 * How a page is read (the results are the same whichever; the choice only sets how many rows it reads):
 * - 'lanes': the matching customers' documents by customer (key_id, created_at) — few customers or matches;
 * - 'named-walk': every named document newest first (created_at), keeping the matching customers' — a common word;
 * - 'status-walk': each wanted status's documents newest first, keeping the matching customers' — a rare status.
 */
export type Strategy = 'lanes' | 'named-walk' | 'status-walk';

interface Key {
  id: number;
  n: number;
}

interface KeyRow extends Key {
  nombre: string | null;
  ruc: string | null;
}

interface IdDocument extends Position {
  status: string;
  keyId: number | null;
}

const newestFirst = (a: Position, b: Position): number =>
  a.createdAt === b.createdAt ? (a.id < b.id ? 1 : a.id > b.id ? -1 : 0) : a.createdAt < b.createdAt ? 1 : -1;

const placeholders = (list: readonly unknown[]) => list.map(() => '?').join(', ');

/** Keyset condition on (createdAt, id) columns, written so SQLite range-scans the index on the first. */
function cursorWhere(q: CustomerPageQuery, createdAt: string, id: string): { sql: string; params: unknown[] } {
  if (!q.cursor) return { sql: '', params: [] };
  const [at, last] = q.cursor;
  return { sql: ` AND ${createdAt} <= ? AND (${createdAt} < ? OR ${id} < ?)`, params: [at, at, last] };
}

const statusWhere = (q: CustomerPageQuery) =>
  q.statuses ? { sql: ` AND d.status IN (${placeholders(q.statuses)})`, params: [...q.statuses] } : undefined;

/** Folded name and RUC per customer and connection: a customer row never changes, folding it costs a JS call. */
type Folded = { raw: string; nombre: string; ruc: string };
const folds = new WeakMap<Database.Database, Map<number, Folded>>();

function foldedKey(sqlite: Database.Database, k: KeyRow): Folded {
  let cache = folds.get(sqlite);
  if (!cache) folds.set(sqlite, (cache = new Map<number, Folded>()));
  const raw = `${k.nombre ?? ''}\u0000${k.ruc ?? ''}`;
  let folded = cache.get(k.id);
  if (folded?.raw !== raw) {
    folded = { raw, nombre: foldText(k.nombre ?? ''), ruc: foldText(k.ruc ?? '') };
    cache.set(k.id, folded);
  }
  return folded;
}

/**
 * The customers the search matches: the trigram index gives a superset, and each is tested exactly as the list's
 * LIKE tests a document ("contains" on the folded text; escaped LIKE patterns on folded text are plain containment).
 */
export function matchingCustomers(sqlite: Database.Database, m: CustomerMatch): Key[] {
  const found = cachedStatement(
    sqlite,
    `SELECT k.id, k.n, k.nombre, k.ruc FROM document_search_keys_fts f JOIN document_search_keys k ON k.id = f.rowid
     WHERE document_search_keys_fts MATCH ?`,
  ).all(m.match) as KeyRow[];
  return found
    .filter((k) => {
      const folded = foldedKey(sqlite, k);
      return (
        (k.nombre !== null && m.words.every((w) => folded.nombre.includes(w))) ||
        (m.ruc !== undefined && k.ruc !== null && folded.ruc.includes(m.ruc))
      );
    })
    .map(({ id, n }) => ({ id, n }));
}

/** Up to this many customers, each one's newest `take` documents are read apart (a seek and `take` rows each). */
const APART = 8;

/**
 * The matching customers' documents from document_search_key_created (a seek per customer): each customer's newest
 * `take` apart when they are few (a full name, a RUC: as many rows whatever the history's length), otherwise all of
 * them older than the cursor in one statement, sorted by SQLite's bounded sorter (cheap while the matches are few).
 */
function lanes(sqlite: Database.Database, keys: Key[], q: CustomerPageQuery): Position[] {
  const status = statusWhere(q);
  const cursor = cursorWhere(q, 's.created_at', 's.document_id');
  const join = status ? 'CROSS JOIN documents d ON d.id = s.document_id' : '';
  const order = `${cursor.sql}${status?.sql ?? ''} ORDER BY s.created_at DESC, s.document_id DESC LIMIT ?`;
  const after = [...cursor.params, ...(status?.params ?? []), q.take];
  if (keys.length <= APART) {
    const lane = cachedStatement(
      sqlite,
      `SELECT s.document_id AS id, s.created_at AS createdAt FROM document_search s ${join} WHERE s.key_id = ?${order}`,
    );
    return keys.flatMap((k) => lane.all(k.id, ...after) as Position[]);
  }
  return cachedStatement(
    sqlite,
    `SELECT s.document_id AS id, s.created_at AS createdAt FROM json_each(?) j
     CROSS JOIN document_search s ON s.key_id = j.value ${join} WHERE 1${order}`,
  ).all(JSON.stringify(keys.map((k) => k.id)), ...after) as Position[];
}

/** Every named document newest first on document_search_created, keeping the matching customers' (`+`: not by key). */
function namedWalk(sqlite: Database.Database, keys: Key[], q: CustomerPageQuery): Position[] {
  const status = statusWhere(q);
  const cursor = cursorWhere(q, 's.created_at', 's.document_id');
  return cachedStatement(
    sqlite,
    `SELECT s.document_id AS id, s.created_at AS createdAt FROM document_search s
       ${status ? 'CROSS JOIN documents d ON d.id = s.document_id' : ''}
       WHERE +s.key_id IN (SELECT value FROM json_each(?))${cursor.sql}${status?.sql ?? ''}
       ORDER BY s.created_at DESC, s.document_id DESC LIMIT ?`,
  ).all(JSON.stringify(keys.map((k) => k.id)), ...cursor.params, ...(status?.params ?? []), q.take) as Position[];
}

/** Each wanted status's documents newest first on documents_status_created, keeping the matching customers'. */
function statusWalk(sqlite: Database.Database, keys: Key[], q: CustomerPageQuery): Position[] {
  const cursor = cursorWhere(q, 'd.created_at', 'd.id');
  const lane = cachedStatement(
    sqlite,
    `SELECT d.id, d.created_at AS createdAt FROM documents d CROSS JOIN document_search s ON s.document_id = d.id
     WHERE d.status = ?${cursor.sql} AND +s.key_id IN (SELECT value FROM json_each(?))
     ORDER BY d.created_at DESC, d.id DESC LIMIT ?`,
  );
  const ids = JSON.stringify(keys.map((k) => k.id));
  return (q.statuses ?? []).flatMap((status) => lane.all(status, ...cursor.params, ids, q.take) as Position[]);
}

/**
 * The cheaper way, by rows each is expected to read (estimates: they choose the way, never the results): the lanes
 * read every match, a walk reads rows until `take` matches came by. A row joined to documents (for its status)
 * costs about five index rows.
 */
export function chooseStrategy(sqlite: Database.Database, keys: Key[], q: CustomerPageQuery): Strategy {
  const matches = keys.reduce((sum, k) => sum + k.n, 0);
  const named =
    (cachedStatement(sqlite, 'SELECT max(seq) AS n FROM document_search').get() as { n: number | null }).n ?? 0;
  const inStatus = q.statuses ? statusCount(sqlite, q.statuses) : q.documents;
  const share = q.documents > 0 ? inStatus / q.documents : 1; // of the matches, those in the wanted statuses
  const wanted = Math.max(matches * share, 1);
  const join = q.statuses ? 5 : 1;
  const cost: Record<Strategy, number> = {
    lanes: (keys.length <= APART ? Math.min(matches, keys.length * q.take) : matches) * join,
    'named-walk': Math.min(named, (named * q.take) / wanted) * join,
    'status-walk': q.statuses ? Math.min(inStatus, (inStatus * q.take) / wanted) * 5 : Number.POSITIVE_INFINITY,
  };
  return (Object.keys(cost) as Strategy[]).reduce((best, s) => (cost[s] < cost[best] ? s : best));
}

const statusCount = (sqlite: Database.Database, statuses: readonly string[]) =>
  (
    cachedStatement(
      sqlite,
      `SELECT coalesce(sum(n), 0) AS n FROM document_status_counts WHERE status IN (${placeholders(statuses)})`,
    ).get(...statuses) as { n: number }
  ).n;

/** How many documents of these customers have the wanted statuses, up to cap + 1 (read from the smaller side). */
function countInStatus(sqlite: Database.Database, keys: Key[], q: CustomerPageQuery & { statuses: readonly string[] }) {
  const matches = keys.reduce((sum, k) => sum + k.n, 0);
  const ids = JSON.stringify(keys.map((k) => k.id));
  const byStatus = statusCount(sqlite, q.statuses) < matches;
  const from = byStatus
    ? `documents d CROSS JOIN document_search s ON s.document_id = d.id WHERE d.status IN (${placeholders(q.statuses)}) AND +s.key_id IN (SELECT value FROM json_each(?))`
    : `document_search s CROSS JOIN documents d ON d.id = s.document_id WHERE s.key_id IN (SELECT value FROM json_each(?)) AND d.status IN (${placeholders(q.statuses)})`;
  const params = byStatus ? [...q.statuses, ids] : [ids, ...q.statuses];
  return (
    cachedStatement(sqlite, `SELECT count(*) AS n FROM (SELECT 1 FROM ${from} LIMIT ${q.cap + 1})`).get(...params) as {
      n: number;
    }
  ).n;
}

const READ: Record<Strategy, typeof lanes> = { lanes, 'named-walk': namedWalk, 'status-walk': statusWalk };

/** The page's positions (newest first, at most `take`) and the total; `strategy` forces a way (tests). */
export function customerSearchPage(
  sqlite: Database.Database,
  m: CustomerMatch,
  q: CustomerPageQuery,
  strategy?: Strategy,
): CustomerPage {
  const keys = matchingCustomers(sqlite, m);
  const byId = cachedStatement(
    sqlite,
    `SELECT d.id, d.created_at AS createdAt, d.status, s.key_id AS keyId FROM documents d
     LEFT JOIN document_search s ON s.document_id = d.id WHERE d.id = ?`,
  ).get(m.text) as IdDocument | undefined;
  // The document whose id was typed matches too; counted once if its customer matches as well.
  const extra =
    byId && (!q.statuses || q.statuses.includes(byId.status)) && !keys.some((k) => k.id === byId.keyId)
      ? byId
      : undefined;
  const read = keys.length === 0 ? [] : READ[strategy ?? chooseStrategy(sqlite, keys, q)](sqlite, keys, q);
  const [at, last] = q.cursor ?? [];
  const extraOnPage =
    extra && (at === undefined || extra.createdAt < at || (extra.createdAt === at && extra.id < (last ?? '')));
  const positions = [...read, ...(extraOnPage ? [{ id: extra.id, createdAt: extra.createdAt }] : [])]
    .sort(newestFirst)
    .slice(0, q.take);
  const counted = q.statuses
    ? keys.length === 0
      ? 0
      : countInStatus(sqlite, keys, { ...q, statuses: q.statuses })
    : keys.reduce((sum, k) => sum + k.n, 0);
  const total = counted + (extra ? 1 : 0);
  return { positions, total: Math.min(total, q.cap), capped: total > q.cap };
}
