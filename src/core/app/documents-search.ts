// What a search in the documents list means, as SQL over the indexes of migrations 0009 and 0014 (issue 17), so its
// cost does not grow with the register's history:
// - digits: the document number (documents_numero index);
// - "FE…": a CUFE prefix, as a range on the documents_cufe index (the LIKE stays to keep the old case rules exact);
// - anything else: every word contained in the customer's name (accent- and case-insensitive, text-search.ts), or the
//   text contained in the customer's RUC/cédula (when it has a digit), or the document's id. When a word has 3+
//   letters the trigram index over the distinct customers finds them (customer-search.ts, decision 0034); the test
//   is this LIKE's meaning (containment in the folded text), applied to each customer found. Only words all shorter
//   than 3 letters walk the history newest first, testing `where`.
// Number and CUFE searches are served from their candidates, sorted; their total is exact up to CANDIDATE_CAP, beyond
// it "1 000 or more" (a customer search's total follows the same rule).
import type Database from 'better-sqlite3';
import type { CustomerMatch } from './customer-search';
import { containsPatterns, ensureSearchFunctions, foldText } from './text-search';

/** Beyond this many candidates a search is "dense": reading newest first finds a page sooner than sorting them. */
export const CANDIDATE_CAP = 1_000;

export interface SearchFilter {
  /** Exact test on a documents row aliased `d`. */
  where: string;
  params: unknown[];
  /**
   * SQL giving the ids of the matches by index (number, CUFE). `exact`: the candidates are the matches; otherwise
   * they are a superset, tested with `where`.
   */
  candidates?: { sql: string; params: unknown[]; exact: boolean } | undefined;
  /** A search by customer with a word of 3+ letters: served by customer-search.ts. */
  customer?: CustomerMatch | undefined;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
const phrase = (word: string) => `"${word.replaceAll('"', '""')}"`;

export function searchFilter(sqlite: Database.Database, raw: string | undefined): SearchFilter | undefined {
  const text = raw?.trim() ?? '';
  if (text === '') return undefined;
  if (/^\d{1,10}$/.test(text)) {
    // A cashier typing digits means the document number.
    const sql = 'SELECT id FROM documents WHERE numero = ?';
    return { where: 'd.numero = ?', params: [Number(text)], candidates: { sql, params: [Number(text)], exact: true } };
  }
  if (/^FE\d/i.test(text)) {
    const prefix = text.toUpperCase();
    const range = 'cufe >= ? AND cufe < ?';
    const bounds = [prefix, `${prefix}\u{10FFFF}`];
    return {
      where: `d.${range} AND d.cufe LIKE ? ESCAPE '\\'`,
      params: [...bounds, `${escapeLike(prefix)}%`],
      candidates: { sql: `SELECT id FROM documents WHERE ${range}`, params: bounds, exact: false },
    };
  }
  ensureSearchFunctions(sqlite);
  const words = containsPatterns(text);
  const folded = foldText(text);
  // A RUC or cédula has digits: only such a text is looked for there (it spares a lookup per row read).
  const maybeRuc = /\d/.test(text);
  const byRuc = maybeRuc
    ? " OR EXISTS (SELECT 1 FROM document_search s WHERE s.document_id = d.id AND sago_fold(s.ruc) LIKE ? ESCAPE '\\')"
    : '';
  const where = `(d.receptor_nombre IS NOT NULL AND ${words.map(() => "sago_fold(d.receptor_nombre) LIKE ? ESCAPE '\\'").join(' AND ')}
    OR d.id = ?${byRuc})`;
  const params = [...words, text, ...(maybeRuc ? [`%${escapeLike(folded)}%`] : [])];
  const all = folded.split(/\s+/).filter((w) => w.length > 0);
  const long = all.filter((w) => [...w].length >= 3);
  if (long.length === 0) return { where, params };
  // Trigram phrases match substrings: the name must hold every long word, or the RUC the whole text. The index
  // narrows the customers; the same test as `where` (without the id) decides for each of them.
  const nameMatch = `nombre : (${long.map(phrase).join(' AND ')})`;
  const match = maybeRuc && [...folded].length >= 3 ? `(${nameMatch}) OR (ruc : ${phrase(folded)})` : nameMatch;
  return { where, params, customer: { match, words: all, ruc: maybeRuc ? folded : undefined, text } };
}

/**
 * How many candidates are worth reading to serve a page from them rather than walking the history newest first: a
 * page from the candidates costs about one row per candidate, the walk about documents × page ÷ matches rows, and a
 * candidate costs about twice a walked row (trigram lookup, join, sort: measured at 159 k documents, decision 0031).
 * Reading up to √(documents × page ÷ 2) candidates (never fewer than the cap) keeps both under that many rows.
 */
export function candidateReadLimit(documents: number, page: number): number {
  return Math.max(CANDIDATE_CAP, Math.ceil(Math.sqrt((documents * page) / 2)));
}

/** The candidates' ids, at most `max` + 1 (more means more than the page can be sorted from). */
export function candidateIds(
  sqlite: Database.Database,
  candidates: NonNullable<SearchFilter['candidates']>,
  max = CANDIDATE_CAP,
): string[] {
  return sqlite
    .prepare(`${candidates.sql} LIMIT ${max + 1}`)
    .pluck()
    .all(...candidates.params) as string[];
}
