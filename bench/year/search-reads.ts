// `npm run bench -- --search --db <copy of a year file>`: the documents list's searches and pages and the audit trail
// on a year's file (issue 17, decision 0034), without the year bench's capture and VACUUM parts. Each search is also
// run as the straightforward query it replaces (every document read newest first and tested with the same LIKE, no
// index: the baseline, measured in this run) and printed as a ratio to it. Wall time per call (p50/p99) and CPU time
// per call (process.cpuUsage, which other processes inflate less); the load average is printed with them.
import { loadavg } from 'node:os';
import { listDocuments, type DocumentsQuery } from '../../src/core/app/documents-list';
import { searchFilter } from '../../src/core/app/documents-search';
import { listAudit } from '../../src/core/settings/audit-list';
import { openDatabase, type OpenedDatabase } from '../../src/core/store/open-database';
import { fmt, measure, type LatencyStats } from '../stats';

interface Sample {
  id: string;
  numero: number;
  cufe: string;
  nombre: string | null;
  ruc: string | null;
}

const BUDGET_MS = 5;

/** Busy for 0.5 ms of wall time: longer only when the process was not running. */
function spin(): void {
  const start = performance.now();
  while (performance.now() - start < 0.5) {
    // busy
  }
}

/** CPU milliseconds per call of `fn` over `n` calls. */
function cpuPerCall(n: number, fn: (i: number) => unknown): number {
  const before = process.cpuUsage();
  for (let i = 0; i < n; i++) fn(i);
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000 / n;
}

const row = (label: string, s: LatencyStats, cpu: number, baseline?: number) =>
  `  ${label.padEnd(42)} p50 ${fmt(s.p50)}  p99 ${fmt(s.p99)}  cpu ${fmt(cpu)}${
    baseline === undefined ? '' : `  baseline cpu ${fmt(baseline)} → ${(cpu / baseline).toFixed(4)}×`
  }  target p99 < ${BUDGET_MS} ms: ${s.p99 < BUDGET_MS ? 'met' : 'NOT met'}`;

/** The search without indexes: every document newest first, tested with the list's own LIKE, one page. */
function baselineSearch(store: OpenedDatabase, text: string): unknown[] {
  const search = searchFilter(store.sqlite, text);
  if (!search) throw new Error('empty search');
  return store.sqlite
    .prepare(
      `SELECT d.id FROM documents d NOT INDEXED WHERE ${search.where} ORDER BY d.created_at DESC, d.id DESC LIMIT 51`,
    )
    .all(...search.params);
}

export async function runSearchReadsBench(path: string): Promise<void> {
  const t0 = performance.now();
  const store = openDatabase({ path, checkpointIntervalMs: 0 });
  console.log(`Year database ${path}: opened (backup + pending migrations) in ${fmt(performance.now() - t0)}`);
  try {
    const { sqlite, db } = store;
    const count = (sql: string) => sqlite.prepare(sql).pluck().get() as number;
    console.log(
      `${count('SELECT count(*) FROM documents')} documents, ${count('SELECT count(*) FROM document_search')} named, ${count('SELECT count(*) FROM document_search_keys')} distinct customers, ${count('SELECT count(*) FROM audit_log')} audit entries; load ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
    const samples = sqlite
      .prepare(
        `SELECT id, numero, cufe, receptor_nombre AS nombre, json_extract(body, '$.cliente.numeroRUC') AS ruc
         FROM documents WHERE rowid % 211 = 0 AND cufe IS NOT NULL`,
      )
      .all() as Sample[];
    const named = samples.filter((s) => s.nombre !== null);
    const withRuc = samples.filter((s) => s.ruc !== null);
    const pick = <T>(list: T[], i: number): T => list[((i % list.length) + list.length) % list.length] as T;
    const list = (q: DocumentsQuery) => listDocuments(db, q);
    let cursor: string | undefined = list({ limit: 50 }).nextCursor ?? undefined;
    for (let i = 0; i < 200 && cursor; i++) cursor = list({ limit: 50, cursor }).nextCursor ?? undefined;
    const lastDay = sqlite.prepare('SELECT max(substr(fecha_emision, 1, 10)) FROM documents').pluck().get() as string;
    const reads: [string, (i: number) => unknown, ((i: number) => unknown)?][] = [
      // The machine's floor: 0.5 ms of plain JavaScript; its p99 above 0.5 ms is what other processes' time slices
      // add to any read of that length below (a load figure, not the reads' own cost).
      ['floor: 0.5 ms of JavaScript (load)', spin],
      ['search by number', (i) => list({ limit: 50, query: String(pick(samples, i).numero) })],
      ['search by CUFE', (i) => list({ limit: 50, query: pick(samples, i).cufe })],
      [
        'search by customer name (full name)',
        (i) => list({ limit: 50, query: pick(named, i).nombre ?? '' }),
        (i) => baselineSearch(store, pick(named, i).nombre ?? ''),
      ],
      [
        'search by one common word ("maria")',
        () => list({ limit: 50, query: 'maria' }),
        () => baselineSearch(store, 'maria'),
      ],
      [
        'search by RUC',
        (i) => list({ limit: 50, query: pick(withRuc, i).ruc ?? '' }),
        (i) => baselineSearch(store, pick(withRuc, i).ruc ?? ''),
      ],
      ['list: first page', () => list({ limit: 50 })],
      ['list: page 200 (cursor)', () => list({ limit: 50, cursor })],
      ['list: needs attention (REJECTED, FAILED)', () => list({ limit: 50, status: ['REJECTED', 'FAILED'] })],
      ['list: AUTHORIZED, page 200', () => list({ limit: 50, status: ['AUTHORIZED'], cursor })],
      ['audit trail: first page', () => listAudit(db, { limit: 50 })],
      ['audit trail: one document', (i) => listAudit(db, { limit: 50, documentId: pick(samples, i).id })],
      ['audit trail: one day', () => listAudit(db, { limit: 50, from: lastDay, to: lastDay })],
    ];
    console.log('\nSearches and pages at this size (issue 17 targets; baseline = no index, same LIKE, same run):');
    for (const [label, read, baseline] of reads) {
      const stats = await measure(300, 20, read);
      const cpu = cpuPerCall(300, read);
      const base = baseline ? cpuPerCall(3, baseline) : undefined;
      console.log(row(label, stats, cpu, base));
    }
  } finally {
    store.close();
  }
}
