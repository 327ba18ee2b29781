// `npm run bench -- --status-ab [--db file | --docs N] [--runs N] [--rounds N] [--baseline <ref>] [--after <ref>]`
// (issue 17, decision 0041): `app:status` latency while the heaviest report (the sales report over the whole history)
// runs on the read worker. Before: the code before decision 0041 (default: BEFORE_DECISION_0041); after: HEAD.
// Both are loaded from git archives by baseline-core.ts into this process and run on the same copy of the year in
// alternating rounds (which side goes first alternates too), so the machine's load weighs on both alike. Also
// queueCounts' and the queue claim's CPU per call, before and after, in alternating blocks. `--baseline HEAD` runs
// the same code on both sides: the harness's own asymmetry (expected ratio ~1). Uncommitted changes are not measured.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { runReadQuery } from '../../src/core/reads/read-queries';
import { openDatabase, type OpenedDatabase } from '../../src/core/store/open-database';
import { fmt, percentile } from '../stats';
import { generateYear } from '../year/generate-year';
import { BEFORE_DECISION_0041, loadCoreAt, type CoreAtRef } from './baseline-core';
import { statusUnderReport } from './status-under-report';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const wholeArg = (name: string, fallback: number): number => {
  const n = Number(arg(name) ?? fallback);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} needs a whole number (1 or more)`);
  return n;
};
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ');
const median = (values: readonly number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    50,
  );

/** CPU microseconds per call of `counts`, `calls` calls. */
function cpuPerCall(counts: () => unknown, calls: number): number {
  const start = process.cpuUsage();
  for (let i = 0; i < calls; i++) counts();
  const spent = process.cpuUsage(start);
  return (spent.user + spent.system) / calls;
}

function queueCountsAb(store: OpenedDatabase, before: CoreAtRef, after: CoreAtRef): string[] {
  const old = () => before.queueCounts(store.db);
  const now = () => after.queueCounts(store.db);
  if (JSON.stringify(old()) !== JSON.stringify(now())) throw new Error('queueCounts differs from the baseline');
  const times = { old: [] as number[], now: [] as number[] };
  for (let round = 0; round < 9; round++) {
    const order = round % 2 === 0 ? (['old', 'now'] as const) : (['now', 'old'] as const);
    for (const side of order) times[side].push(cpuPerCall(side === 'old' ? old : now, 2_000));
  }
  const [o, n] = [median(times.old), median(times.now)];
  return [
    `queueCounts CPU per call (median of 9 alternating blocks of 2 000 calls; load ${load()}; counts ${JSON.stringify(now())}):`,
    `  before ${(o / 1000).toFixed(3)} ms, after ${(n / 1000).toFixed(3)} ms, after/before ${(n / o).toFixed(2)}`,
  ];
}

/**
 * The queue's claim of 5 due jobs (then given back untimed), CPU per claim, before and after in alternating blocks;
 * the claim marks the documents PROCESSING, so this runs on a copy that the A/B of app:status then starts from.
 */
function claimAb(store: OpenedDatabase, before: CoreAtRef, after: CoreAtRef): string[] {
  const now = Date.now() + 1e12; // every pending job is due
  const block = (side: CoreAtRef) => {
    let cpu = 0;
    for (let i = 0; i < 20; i++) {
      const start = process.cpuUsage();
      const claimed = side.claimDueJobs(store.db, 'bench', now, 60_000, 5);
      const spent = process.cpuUsage(start);
      cpu += spent.user + spent.system;
      side.releaseUnstartedLeases(store.db, 'bench', new Set(), now);
      if (claimed.length === 0) throw new Error('claimAb: the year has no job waiting to claim');
    }
    return cpu / 20;
  };
  const times = { old: [] as number[], now: [] as number[] };
  for (let round = 0; round < 9; round++) {
    const order = round % 2 === 0 ? (['old', 'now'] as const) : (['now', 'old'] as const);
    for (const side of order) times[side].push(block(side === 'old' ? before : after));
  }
  const [o, n] = [median(times.old), median(times.now)];
  return [
    `Queue claim of 5 jobs, CPU per claim (median of 9 alternating blocks of 20; load ${load()}):`,
    `  before ${(o / 1000).toFixed(3)} ms, after ${(n / 1000).toFixed(3)} ms, after/before ${(n / o).toFixed(2)}`,
  ];
}

function yearRange(store: OpenedDatabase): { from: string; to: string } {
  const day = (fn: string) =>
    store.sqlite.prepare(`SELECT ${fn}(substr(fecha_emision, 1, 10)) FROM documents`).pluck().get() as string;
  return { from: day('min'), to: day('max') };
}

export async function runStatusAbBench(): Promise<void> {
  const runs = wholeArg('--runs', 3);
  const rounds = wholeArg('--rounds', 4);
  const ref = arg('--baseline') ?? BEFORE_DECISION_0041;
  const afterRef = arg('--after') ?? 'HEAD';
  const given = arg('--db');
  const dir = mkdtempSync(join(tmpdir(), 'sago-bench-status-ab-'));
  const baseline = await loadCoreAt(ref);
  const after = await loadCoreAt(afterRef);
  try {
    const dataDir = join(dir, 'data');
    mkdirSync(dataDir);
    const path = join(dataDir, 'sago-simulador.sqlite');
    if (given) copyFileSync(given, path); // a copy: signing in writes to it
    const store = openDatabase({ path, checkpointIntervalMs: 0 });
    let range: { from: string; to: string };
    try {
      if (!given) await generateYear(store, { docs: wholeArg('--docs', 20_000) });
      range = yearRange(store);
      const documents = store.sqlite.prepare('SELECT count(*) FROM documents').pluck().get() as number;
      const sales = runReadQuery(store.db, 'salesReport', range);
      console.log(
        `Year: ${documents} documents over ${range.from}..${range.to}${given ? ` (copy of ${given})` : ''}; the sales report has ${sales.report.byDay.length} days and ${sales.report.byProduct.length} product lines (${(JSON.stringify(sales).length / 1e6).toFixed(2)} MB as JSON). Before ${ref.slice(0, 10)}, after ${afterRef}.`,
      );
      for (const l of queueCountsAb(store, baseline, after)) console.log(l);
      for (const l of claimAb(store, baseline, after)) console.log(l);
    } finally {
      store.close();
    }

    console.log(`\napp:status every 5 ms while the whole-history sales report runs ${runs} times a side a round:`);
    // One untimed run a side first: the first start of each side's code compiles its modules and its worker's through
    // tsx (the baseline's from a fresh folder, uncached), which would otherwise land in the first measured round.
    for (const code of [baseline.code, after.code]) await statusUnderReport(dataDir, true, range, 1, code);
    const samples = { before: [] as number[], after: [] as number[] };
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 === 0 ? (['before', 'after'] as const) : (['after', 'before'] as const);
      for (const side of order) {
        const atStart = load();
        const r = await statusUnderReport(dataDir, true, range, runs, side === 'before' ? baseline.code : after.code);
        samples[side].push(...r.samples);
        console.log(
          `  round ${round + 1} ${side.padEnd(6)} p50 ${fmt(r.status.p50)}  p99 ${fmt(r.status.p99)}  max ${fmt(r.status.max)}  (n=${r.status.n}); report p50 ${fmt(r.report.p50)}; core thread busy ${(r.coreBusy * 100).toFixed(0)} %; load ${atStart}`,
        );
      }
    }
    const pooled = (side: keyof typeof samples) => {
      const sorted = [...samples[side]].sort((a, b) => a - b);
      return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), n: sorted.length };
    };
    const [b, a] = [pooled('before'), pooled('after')];
    console.log(`  pooled before: p50 ${fmt(b.p50)}  p99 ${fmt(b.p99)}  (n=${b.n})`);
    console.log(`  pooled after:  p50 ${fmt(a.p50)}  p99 ${fmt(a.p99)}  (n=${a.n})`);
    console.log(
      `  after/before: p50 ${(a.p50 / b.p50).toFixed(2)}, p99 ${(a.p99 / b.p99).toFixed(2)}; target p99 < 20 ms: ${a.p99 < 20 ? 'met' : 'NOT met'}; load at the end ${load()}`,
    );
  } finally {
    baseline.cleanup();
    after.cleanup();
    rmSync(dir, { recursive: true, force: true });
  }
}
