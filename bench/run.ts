// `npm run bench`: capture latency and throughput on a real SQLite file (synchronous=FULL, our choice, and NORMAL
// to show FULL's cost), and the seed design's PostgreSQL + BullMQ path in the same process, with ratios.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { captureSale, type SaleDraft } from '../src/core/sales/capture-sale';
import { openDatabase } from '../src/core/store/open-database';
import { DEFAULT_ISSUER_SETTINGS } from '../src/core/store/settings-repo';
import { openPostgresPath } from './capture-postgres';
import { runIngestBench } from './ingest';
import { runIngestStoreAb } from './ingest-store-ab';
import { runIngestPathAb } from './ingest-path-ab';
import { runMonitorBench } from './monitor';
import { benchDocumentsList, formatDocumentsListBench } from '../src/core/app/documents-bench';
import { draftWithItems } from './capture-drafts';
import { captureAgainstFloor } from './capture-floor';
import { captureAnswerAb } from './capture-answer';
import { captureBreakdown, rawSyncByPages } from './capture-breakdown';
import { fmt, measure, type LatencyStats } from './stats';
import { runReportBucketsBench } from './year/report-buckets';
import { runYearBench } from './year/year-bench';
import { runSearchReadsBench } from './year/search-reads';
import { runResponsivenessBench } from './responsiveness/responsiveness-bench';
import { runStatusAbBench } from './responsiveness/status-ab';
import { runValidateCpuBench } from './validate-cpu';
import { writeYearArgs, writeYearFile } from './year/write-year-file';
import { runUpgradeStartBench } from './upgrade-start';

const RUNS = { 5: 3000, 50: 800 } as const;
const PG_RUNS = { 5: 600, 50: 300 } as const;
const dir = mkdtempSync(join(tmpdir(), 'sago-bench-'));

async function sqliteCapture(synchronous: 'FULL' | 'NORMAL', items: 5 | 50): Promise<LatencyStats> {
  const store = openDatabase({
    path: join(dir, `capture-${synchronous}-${items}.sqlite`),
    synchronous,
    checkpointIntervalMs: 0,
  });
  const deps = {
    db: store.db,
    issuer: DEFAULT_ISSUER_SETTINGS,
    emissionMode: () => ({ tipoEmision: '01' as const }),
    clock: () => new Date(),
    actor: 'bench',
  };
  const draft: SaleDraft = draftWithItems(items);
  try {
    // The app checkpoints on a 10 s timer; at a busy register's pace that is every few hundred sales at most.
    return await measure(
      RUNS[items],
      500,
      () => {
        const result = captureSale(deps, draft);
        if (!result.ok) throw new Error(JSON.stringify(result.violations));
      },
      { every: 250, run: () => store.checkpoint() },
    );
  } finally {
    // The WAL checkpoint runs on a timer in the app, never inside a sale; report what it costs when it runs.
    const t0 = performance.now();
    const pages = store.checkpoint();
    checkpoints.push(`${synchronous}, ${items} items: ${pages} pages in ${fmt(performance.now() - t0)}`);
    store.close();
  }
}

const checkpoints: string[] = [];

function line(label: string, s: LatencyStats): string {
  return `${label.padEnd(38)} n=${String(s.n).padStart(5)}  p50 ${fmt(s.p50)}  p99 ${fmt(s.p99)}  ${s.throughputPerSec.toFixed(0).padStart(6)} docs/s`;
}

/**
 * `npm run bench -- --capture-only [--db file]`: the SQLite capture part alone (e.g. to compare two designs of the
 * transaction), then the capture against the bare one-row commit on an empty register, or only on `--db file` (a copy
 * of a large register: the run adds documents to it).
 */
const CAPTURE_ONLY = process.argv.includes('--capture-only');
const CAPTURE_DB =
  CAPTURE_ONLY && process.argv.includes('--db') ? process.argv[process.argv.indexOf('--db') + 1] : undefined;
/** `npm run bench -- --year [--docs N] [--db file]`: the year of a busy register alone (bench/year/year-bench.ts). */
const YEAR = process.argv.includes('--year');
/** `npm run bench -- --search --db file`: the list's searches and pages on a year's file alone (bench/year/search-reads.ts). */
const SEARCH_DB = process.argv.includes('--search') ? process.argv[process.argv.indexOf('--db') + 1] : undefined;
/** `npm run bench -- --ingest [--batches N]`: the central sync API's ingest alone (bench/ingest.ts), N batches a register. */
const INGEST = process.argv.includes('--ingest');
/** `npm run bench -- --ingest-ab [--batches N]`: the ingest statement's PostgreSQL cost, before/after 0035, same run. */
const INGEST_AB = process.argv.includes('--ingest-ab');
/** `npm run bench -- --responsiveness [--docs N | --db file]`: a trivial IPC call while the heaviest report runs, startup, RSS. */
const RESPONSIVENESS = process.argv.includes('--responsiveness');
/** `npm run bench -- --report-buckets --db file [--before file]`: reports over any window and monitoring, A/B (0033). */
const REPORT_BUCKETS = process.argv.includes('--report-buckets');
/** `npm run bench -- --validate-cpu [--baseline <git ref>]`: validateDocument's CPU against a git ref's (bench/validate-cpu.ts). */
const VALIDATE_CPU = process.argv.includes('--validate-cpu');

function batchesArg(): number | undefined {
  const at = process.argv.indexOf('--batches');
  if (at < 0) return undefined;
  const n = Number(process.argv[at + 1]);
  if (!Number.isInteger(n) || n < 1) throw new Error('--batches needs a whole number of batches (1 or more)');
  return n;
}

async function captureFloorOn(path: string, label: string): Promise<void> {
  const store = openDatabase({ path, checkpointIntervalMs: 0 });
  try {
    const documents = store.sqlite.prepare('SELECT count(*) FROM documents').pluck().get() as number;
    console.log(`\nCapture against the bare durable commit, ${label} (${documents} documents, synchronous=FULL):`);
    for (const l of await captureAgainstFloor(store, path)) console.log(`  ${l}`);
    console.log(`\nWhere the time goes (interleaved, decision 0037); ${rawSyncByPages(dirname(path))}`);
    for (const l of captureBreakdown(store)) console.log(`  ${l}`);
    console.log("\nThe cashier's call: the capture and its answer (decision 0045), interleaved:");
    for (const l of captureAnswerAb(store)) console.log(`  ${l}`);
  } finally {
    store.close();
  }
}

async function main(): Promise<void> {
  if (process.argv.includes('--write-year')) return writeYearFile(writeYearArgs(process.argv));
  if (process.argv.includes('--upgrade-start')) return console.log((await runUpgradeStartBench()).join('\n'));
  if (YEAR) return runYearBench();
  if (REPORT_BUCKETS) return runReportBucketsBench();
  if (SEARCH_DB) return runSearchReadsBench(SEARCH_DB);
  if (CAPTURE_DB) return captureFloorOn(CAPTURE_DB, `register ${CAPTURE_DB}`);
  if (process.argv.includes('--status-ab')) return runStatusAbBench(); // app:status under the report, A/B (0041)
  if (RESPONSIVENESS) return runResponsivenessBench();
  if (INGEST_AB) {
    for (const l of await runIngestStoreAb(batchesArg())) console.log(l);
    return;
  }
  // `--ingest-path-ab [--batches N]`: the ingest path before/after 0042 (token lookup, row encoding), same run.
  if (process.argv.includes('--ingest-path-ab')) return console.log((await runIngestPathAb(batchesArg())).join('\n'));
  if (VALIDATE_CPU) return console.log((await runValidateCpuBench(process.argv)).join('\n'));
  if (INGEST) {
    for (const l of await runIngestBench(batchesArg())) console.log(l);
    return;
  }
  console.log(`Capture benchmark (node ${process.version}, SQLite file in ${dir})`);
  const results: Record<string, LatencyStats> = {};
  for (const items of [5, 50] as const) {
    for (const sync of ['FULL', 'NORMAL'] as const) {
      results[`sqlite-${sync}-${items}`] = await sqliteCapture(sync, items);
      console.log(line(`SQLite synchronous=${sync}, ${items} items`, results[`sqlite-${sync}-${items}`]!));
    }
  }
  await captureFloorOn(join(dir, 'capture-floor-empty.sqlite'), 'empty register');
  if (CAPTURE_ONLY) return;
  const pgUrl = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  try {
    const pgPath = await openPostgresPath(pgUrl, { host: '127.0.0.1', port: 6379 });
    try {
      for (const items of [5, 50] as const) {
        const draft = draftWithItems(items);
        results[`pg-${items}`] = await measure(PG_RUNS[items], 30, () => pgPath.capture(draft));
        console.log(line(`PostgreSQL + BullMQ, ${items} items`, results[`pg-${items}`]!));
      }
    } finally {
      await pgPath.close();
    }
  } catch (error) {
    console.log(`PostgreSQL + BullMQ path skipped: ${(error as Error).message}`);
  }
  console.log('\nRatios (same process):');
  for (const items of [5, 50] as const) {
    const full = results[`sqlite-FULL-${items}`]!;
    const normal = results[`sqlite-NORMAL-${items}`]!;
    console.log(
      `  ${items} items: FULL/NORMAL p50 ${(full.p50 / normal.p50).toFixed(2)}x, p99 ${(full.p99 / normal.p99).toFixed(2)}x`,
    );
    const pgStats = results[`pg-${items}`];
    if (pgStats)
      console.log(
        `  ${items} items: PostgreSQL+BullMQ / SQLite FULL p50 ${(pgStats.p50 / full.p50).toFixed(1)}x, p99 ${(pgStats.p99 / full.p99).toFixed(1)}x`,
      );
  }
  console.log('\nDocuments list with 100 000 documents (keyset pages):');
  console.log(formatDocumentsListBench(benchDocumentsList()).join('\n'));
  console.log('\nMonitoring panel read (monitor:overview) on a busy week vs an empty register:');
  for (const l of await runMonitorBench()) console.log(`  ${l}`);
  console.log('\nCentral sync API ingest (PostgreSQL, batches of 500):');
  try {
    for (const l of await runIngestBench()) console.log(`  ${l}`);
  } catch (error) {
    console.log(`  skipped: ${(error as Error).message}`);
  }
  console.log('\nLast WAL checkpoint of each run (a timer does this in the app, every 250 sales here, untimed):');
  for (const c of checkpoints) console.log(`  ${c}`);
  const target = results['sqlite-FULL-5']!;
  console.log(`\nTarget p99 < 2 ms for 5 items at FULL: ${target.p99 < 2 ? 'met' : 'NOT met'} (${fmt(target.p99)})`);
}

await main().finally(() => rmSync(dir, { recursive: true, force: true }));
