// The documents list at scale: seeds N documents (default 100 000) into a fresh register database and measures the
// list queries the UI makes (first page, a deep page by cursor, status filters, searches). Exported for
// bench/run.ts; documents-list.bench.test.ts holds the same queries to a budget.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type StoreDb } from '../store/open-database';
import { encodeCursor, listDocuments, type DocumentsQuery } from './documents-list';

const NAMES = [
  'María Fernández',
  'José Rodríguez',
  'Comercial Los Andes, S.A.',
  'Ana Gómez',
  'Distribuidora Istmo',
  'Luis Núñez',
];

export interface SeedOptions {
  /** created_at of the first document (default 2026-01-01). */
  start?: Date;
  /** Milliseconds between documents; every 10th shares its predecessor's timestamp, to exercise the id tie-break. */
  stepMs?: number;
}

/** A status mix like a real register's history: mostly authorised, a few waiting, rejected and failed. */
export function seededStatus(i: number): string {
  const bucket = i % 100;
  if (bucket < 90) return 'AUTHORIZED';
  if (bucket < 95) return 'QUEUED';
  if (bucket < 98) return 'REJECTED';
  return 'FAILED';
}

/**
 * Inserts `count` documents (numbers 1..count of series 0000/001/01) in one transaction, straight into the tables:
 * for list tests and benchmarks on an empty database, not a substitute for captureSale.
 */
/** The totals fields migration 0011's rollup triggers read (a real capture stores the full computed totals). */
const SEED_TOTALS = JSON.stringify({ totalITBMS: '0.00', vuelto: '0.00', porTasa: [] });

export function seedDocuments(db: StoreDb, count: number, options: SeedOptions = {}): void {
  const sqlite = db.$client;
  const start = (options.start ?? new Date('2026-01-01T12:00:00Z')).getTime();
  const step = options.stepMs ?? 1_000;
  const insert =
    sqlite.prepare(`INSERT INTO documents (id, codigo_sucursal, punto_facturacion, tipo_documento, numero, tipo_emision,
    fecha_emision, status, body, totals, total_factura, receptor_nombre, cufe, created_by, created_at, updated_at)
    VALUES (?, '0000', '001', '01', ?, '01', ?, ?, '{}', '${SEED_TOTALS}', ?, ?, ?, 'seed', ?, ?)`);
  sqlite.transaction(() => {
    let at = start;
    for (let i = 1; i <= count; i++) {
      if (i % 10 !== 0) at += step;
      const stamp = new Date(at).toISOString();
      const status = seededStatus(i);
      const cufe =
        status === 'AUTHORIZED'
          ? `FE01200001555967132201559000020260101${String(i).padStart(10, '0')}0010129999999999`
          : null;
      const name = i % 5 < 2 ? (NAMES[i % NAMES.length] ?? null) : null;
      const id = `doc-${String(i).padStart(8, '0')}`;
      insert.run(
        id,
        i,
        stamp.replace('Z', '-05:00').slice(0, 19) + '-05:00',
        status,
        `${(i % 97) + 1}.25`,
        name,
        cufe,
        stamp,
        stamp,
      );
    }
    sqlite
      .prepare(
        `INSERT INTO fiscal_series (codigo_sucursal, punto_facturacion, tipo_documento, last_number) VALUES ('0000', '001', '01', ?)
      ON CONFLICT DO UPDATE SET last_number = max(last_number, excluded.last_number)`,
      )
      .run(count);
  })();
}

export interface ListTiming {
  label: string;
  p50Ms: number;
  p99Ms: number;
  /** Rows on the page (to show the query found something). */
  rows: number;
}

export interface DocumentsListBench {
  count: number;
  seedMs: number;
  timings: ListTiming[];
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

function time(db: StoreDb, label: string, query: DocumentsQuery, rounds: number): ListTiming {
  const samples: number[] = [];
  let rows = 0;
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    rows = listDocuments(db, query).items.length;
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return { label, p50Ms: percentile(samples, 50), p99Ms: percentile(samples, 99), rows };
}

export function benchDocumentsList(
  options: { count?: number; rounds?: number; pageSize?: number } = {},
): DocumentsListBench {
  const count = options.count ?? 100_000;
  const rounds = options.rounds ?? 100;
  const limit = options.pageSize ?? 50;
  const dir = mkdtempSync(join(tmpdir(), 'sago-bench-docs-'));
  const store = openDatabase({ path: join(dir, 'documents.sqlite'), checkpointIntervalMs: 0 });
  try {
    const t0 = performance.now();
    seedDocuments(store.db, count);
    const seedMs = performance.now() - t0;
    const middle = store.sqlite
      .prepare('SELECT created_at AS createdAt, id FROM documents ORDER BY created_at DESC, id DESC LIMIT 1 OFFSET ?')
      .get(Math.floor(count / 2)) as { createdAt: string; id: string } | undefined;
    const deep = middle ? encodeCursor(middle.createdAt, middle.id) : undefined;
    const timings = [
      time(store.db, 'first page', { limit }, rounds),
      time(store.db, 'middle page (cursor)', { limit, cursor: deep }, rounds),
      time(store.db, 'needs attention (REJECTED, FAILED)', { limit, status: ['REJECTED', 'FAILED'] }, rounds),
      time(store.db, 'AUTHORIZED, middle page', { limit, status: ['AUTHORIZED'], cursor: deep }, rounds),
      time(store.db, 'search by name "maria"', { limit, query: 'maria' }, rounds),
      time(store.db, 'search by number', { limit, query: String(Math.floor(count / 3)) }, rounds),
    ];
    return { count, seedMs, timings };
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export function formatDocumentsListBench(result: DocumentsListBench): string[] {
  return [
    `Documents list, ${result.count} documents (seeded in ${result.seedMs.toFixed(0)} ms), page queries incl. total count:`,
    ...result.timings.map(
      (t) => `  ${t.label.padEnd(38)} p50 ${t.p50Ms.toFixed(2)} ms  p99 ${t.p99Ms.toFixed(2)} ms  (${t.rows} rows)`,
    ),
  ];
}
