// Where a capture's time goes against the bare durable commit (issue 17, decision 0037), on the register being
// measured. Every variant runs interleaved in rounds in one process (load drifts, so no variant gets a quiet minute
// the others did not) and reports p50 wall time AND CPU per operation (process.cpuUsage, load-insensitive):
// - floor: one-row commit at synchronous=FULL, and the same at OFF (its CPU; the difference is the fsync);
// - validation: captureSale on a series blocked by a number collision: the whole validation, then the transaction
//   refuses at the number and rolls back, nothing written (the cheapest real path that validates);
// - capture at OFF (validation + the transaction's CPU) and at FULL (+ the fsync of its 27–40 WAL pages);
// - journal-first's durable part: one FULL commit of a counter row and one journal row holding the validated sale (the
//   document's JSON), and journal-first as the cashier would wait for it, each measured as one operation: validation
//   then the durable part (rows built after returning), or the durable part then the capture at OFF (built before).
// The raw-disk part (fsync and fdatasync of 1 to 40 pages written in place, next to the database) says whether the disk
// charges by bytes, by sync call, or for the metadata (mtime) a full fsync also commits.
import { closeSync, fdatasyncSync, fsyncSync, openSync, rmSync, writeSync } from 'node:fs';
import { captureSale, type CaptureDeps, type SaleDraft } from '../src/core/sales/capture-sale';
import type { OpenedDatabase } from '../src/core/store/open-database';
import { DEFAULT_ISSUER_SETTINGS } from '../src/core/store/settings-repo';
import { draftWithItems } from './capture-drafts';
import { fmt, percentile } from './stats';

interface VariantResult {
  p50: number;
  p99: number;
  cpuMs: number;
}

type Variant = () => void;
/** A variant with untimed work around each of its rounds (e.g. blocking a series for the refused-capture path). */
interface Framed {
  run: Variant;
  before: () => void;
  after: () => void;
}

/** Runs each variant `perRound` times per round, `rounds` rounds, interleaved; p50/p99 wall and mean CPU each. */
export function interleaved(
  variants: Record<string, Variant | Framed>,
  rounds: number,
  perRound: number,
  between?: () => void,
): Record<string, VariantResult> {
  const samples: Record<string, number[]> = {};
  const cpu: Record<string, number> = {};
  for (const name of Object.keys(variants)) [samples[name], cpu[name]] = [[], 0];
  for (let round = 0; round < rounds; round++) {
    for (const [name, variant] of Object.entries(variants)) {
      between?.(); // the app checkpoints on a timer; each variant starts from the same short WAL
      const run = typeof variant === 'function' ? variant : variant.run;
      if (typeof variant !== 'function') variant.before();
      try {
        const c0 = process.cpuUsage();
        for (let i = 0; i < perRound; i++) {
          const t0 = performance.now();
          run();
          samples[name]!.push(performance.now() - t0);
        }
        const used = process.cpuUsage(c0);
        cpu[name]! += (used.user + used.system) / 1000;
      } finally {
        if (typeof variant !== 'function') variant.after();
      }
    }
  }
  const result: Record<string, VariantResult> = {};
  for (const [name, s] of Object.entries(samples)) {
    s.sort((a, b) => a - b);
    result[name] = { p50: percentile(s, 50), p99: percentile(s, 99), cpuMs: cpu[name]! / s.length };
  }
  return result;
}

const depsOf = (store: OpenedDatabase): CaptureDeps => ({
  db: store.db,
  issuer: DEFAULT_ISSUER_SETTINGS,
  emissionMode: () => ({ tipoEmision: '01' as const }),
  clock: () => new Date(),
  actor: 'bench',
});

function captureVariant(deps: CaptureDeps, draft: SaleDraft, expectOk: boolean): Variant {
  return () => {
    const result = captureSale(deps, draft);
    if (result.ok !== expectOk) throw new Error(`capture: unexpected ${JSON.stringify(result).slice(0, 200)}`);
  };
}

/** Runs `fn` with the connection at `synchronous`, then puts FULL back (what the app always uses). */
function at(store: OpenedDatabase, synchronous: 'FULL' | 'OFF', fn: Variant): Variant {
  return () => {
    store.sqlite.pragma(`synchronous = ${synchronous}`);
    try {
      fn();
    } finally {
      store.sqlite.pragma('synchronous = FULL');
    }
  };
}

/** The invoice series the bench's drafts land in, blocked or unblocked (nothing else reads it during the bench). */
function blockSeries(store: OpenedDatabase, blocked: boolean): void {
  const { codigoSucursalEmisor, puntoFacturacionFiscal } = DEFAULT_ISSUER_SETTINGS;
  store.sqlite
    .prepare(
      `UPDATE fiscal_series SET blocked_by_collision = ?
       WHERE codigo_sucursal = ? AND punto_facturacion = ? AND tipo_documento = '01'`,
    )
    .run(blocked ? 1 : 0, codigoSucursalEmisor, puntoFacturacionFiscal);
}

/** Journal-first's durable commit: the next number in a counter row and one journal row with the sale's JSON. */
function journalCommit(store: OpenedDatabase, saleJson: string): Variant {
  const { sqlite } = store;
  const next = sqlite.prepare('UPDATE bench_journal_series SET last_number = last_number + 1 RETURNING last_number');
  const insert = sqlite.prepare('INSERT INTO bench_journal (numero, sale) VALUES (?, ?)');
  const commit = sqlite.transaction(() => {
    const { last_number: numero } = next.get() as { last_number: number };
    insert.run(numero, saleJson);
  });
  return () => commit.immediate();
}

const SCRATCH_TABLES = `
  CREATE TABLE IF NOT EXISTS bench_floor (id INTEGER PRIMARY KEY, at TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS bench_journal_series (last_number INTEGER NOT NULL);
  INSERT INTO bench_journal_series SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM bench_journal_series);
  CREATE TABLE IF NOT EXISTS bench_journal (id INTEGER PRIMARY KEY, numero INTEGER NOT NULL, sale TEXT NOT NULL);`;
const DROP_SCRATCH = 'DROP TABLE bench_floor; DROP TABLE bench_journal_series; DROP TABLE bench_journal;';

/** Operations per variant per round: enough for a stable p50, few enough that the WAL stays short between rounds. */
export const BREAKDOWN_PER_ROUND = { 5: 40, 50: 15 } as const;

/** The capture split into floor, validation, transaction CPU, fsync and journal-first's durable part. */
export function captureBreakdown(store: OpenedDatabase, rounds = 10): string[] {
  const { sqlite } = store;
  const deps = depsOf(store);
  captureVariant(deps, draftWithItems(5), true)(); // the series row exists before it is blocked
  sqlite.exec(SCRATCH_TABLES);
  const floorInsert = sqlite.prepare('INSERT INTO bench_floor (at) VALUES (?)');
  const floor: Variant = () => floorInsert.run('x');
  const lines: string[] = [];
  try {
    for (const items of [5, 50] as const) {
      const draft = draftWithItems(items);
      const captured = captureSale(deps, draft);
      if (!captured.ok) throw new Error('capture refused');
      const saleJson = JSON.stringify({ document: captured.captured.document, totals: captured.captured.totals });
      const capture = captureVariant(deps, draft, true);
      const refused = captureVariant(deps, draft, false);
      const journal = journalCommit(store, saleJson);
      const captureOff = at(store, 'OFF', capture);
      const r = interleaved(
        {
          floor,
          floorOff: at(store, 'OFF', floor),
          validation: { before: () => blockSeries(store, true), run: refused, after: () => blockSeries(store, false) },
          captureOff,
          capture,
          journal,
          // Journal-first as the cashier would wait for it, measured as one operation each: with the rows built
          // after returning (validation, then the durable part; the build runs between sales, untimed here), and
          // with them built before returning (the durable part, then the rows' transaction at OFF; the capture at
          // OFF stands for validation + that transaction).
          journalFirstAfter: {
            before: () => blockSeries(store, true),
            run: () => (refused(), journal()),
            after: () => blockSeries(store, false),
          },
          journalFirstBefore: () => (journal(), captureOff()),
        },
        rounds,
        BREAKDOWN_PER_ROUND[items],
        () => store.checkpoint(),
      );
      lines.push(...formatBreakdown(items, saleJson.length, r));
    }
  } finally {
    sqlite.exec(DROP_SCRATCH);
  }
  return lines;
}

function formatBreakdown(items: number, saleBytes: number, r: Record<string, VariantResult>): string[] {
  const floor = r['floor']!.p50;
  const row = (label: string, v: VariantResult): string =>
    `  ${label.padEnd(52)} p50 ${fmt(v.p50)} (${(v.p50 / floor).toFixed(2)}x)  p99 ${fmt(v.p99)}  CPU ${fmt(v.cpuMs)}`;
  const validation = r['validation']!;
  const after = r['journalFirstAfter']!;
  // How much of today's capture is the sync: small on a quiet fast disk (CPU-bound), most of it on a busy/slow one.
  const syncShare = (r['capture']!.p50 - r['captureOff']!.p50) / r['capture']!.p50;
  return [
    `${items} items (journal row ${saleBytes} bytes; the sync is ${(syncShare * 100).toFixed(0)} % of today's capture, ${syncShare < 0.5 ? 'CPU-bound' : 'sync-bound'}):`,
    row('floor: one-row commit, synchronous=FULL', r['floor']!),
    row('floor at synchronous=OFF (its CPU)', r['floorOff']!),
    row('validation (captureSale refused at the number)', validation),
    row('capture at synchronous=OFF (no fsync)', r['captureOff']!),
    row('capture at synchronous=FULL (the app)', r['capture']!),
    row('journal-first durable part (number + journal row)', r['journal']!),
    row('journal-first, rows built after returning', after),
    row('journal-first, rows built before returning', r['journalFirstBefore']!),
    `  journal-first with the rows built after returning: ${(after.p50 / floor).toFixed(2)}x the floor (target ≤ 1.5x: ${after.p50 / floor <= 1.5 ? 'met' : 'NOT met'}; today ${(r['capture']!.p50 / floor).toFixed(2)}x); validation alone is ${(validation.p50 / floor).toFixed(2)}x`,
  ];
}

/**
 * The disk alone, next to the database: `pages` pages written in place (no file growth, like a WAL after a checkpoint),
 * then fsync (what SQLite calls here: better-sqlite3 builds it without HAVE_FDATASYNC, so every commit also syncs the
 * file's mtime through the filesystem journal) or fdatasync (data only). p50 per size and call, ratios to 1 page fsync.
 */
export function rawSyncByPages(folder: string, pageSize = 4096, sizes = [1, 8, 40], n = 200): string {
  const path = `${folder}/bench-fsync-probe.bin`;
  const buf = Buffer.alloc(pageSize * Math.max(...sizes), 7);
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, buf, 0, buf.length, 0);
    fsyncSync(fd);
    const variants: Record<string, Variant> = {};
    for (const pages of sizes) {
      const write = (): number => writeSync(fd, buf, 0, pages * pageSize, 0);
      variants[`${pages} fsync`] = () => (write(), fsyncSync(fd));
      variants[`${pages} fdatasync`] = () => (write(), fdatasyncSync(fd));
    }
    const r = interleaved(variants, 10, Math.ceil(n / 10));
    const one = r[`${sizes[0]} fsync`]!.p50;
    const at = (key: string): string => `${fmt(r[key]!.p50)} (${(r[key]!.p50 / one).toFixed(2)}x)`;
    const bySize = sizes.map((p) => `${p} page${p > 1 ? 's' : ''} ${at(`${p} fsync`)} | ${at(`${p} fdatasync`)}`);
    return `raw disk, write in place then fsync | fdatasync: ${bySize.join(', ')}`;
  } finally {
    closeSync(fd);
    rmSync(path, { force: true });
  }
}
