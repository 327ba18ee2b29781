// `npm run bench -- --report-buckets --db <year copy> [--before <copy without migration 0013>]`: the sales report over
// the windows a manager picks (a month, 30 days across two months, a quarter, a week, one day, random windows) and the
// monitoring overview, with a same-run A/B: each window is read alternately by decision 0031's plan (months and days;
// on --before, the file as it was before 0013 pruned its zero rows, else on the same file) and by 0033's (dekads),
// in wall and CPU time (process.cpuUsage, which neighbours on a shared machine inflate less). Both files are opened as
// given, so pass copies: opening --db applies pending migrations; --before is opened read-only and never migrated.
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { loadavg } from 'node:os';
import { monitorOverview } from '../../src/core/monitor/overview';
import { MONTHS_AND_DAYS } from '../../src/core/reports/report-segments';
import { salesReport } from '../../src/core/reports/sales-report';
import { openDatabase } from '../../src/core/store/open-database';
import type { StoreDb } from '../../src/core/store/open-database';
import * as schema from '../../src/core/store/schema';
import { seededRandom } from './catalogue';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};

interface Timing {
  wall: number[];
  cpu: number[];
}

function timed(t: Timing, fn: () => unknown): unknown {
  const c0 = process.cpuUsage();
  const w0 = performance.now();
  const result = fn();
  t.wall.push(performance.now() - w0);
  const c = process.cpuUsage(c0);
  t.cpu.push((c.user + c.system) / 1000);
  return result;
}

const pct = (list: number[], p: number) => {
  const sorted = [...list].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
};
const ms = (v: number) => `${v.toFixed(1).padStart(6)} ms`;
const summary = (t: Timing) =>
  `wall p50 ${ms(pct(t.wall, 50))} p99 ${ms(pct(t.wall, 99))} · cpu p50 ${ms(pct(t.cpu, 50))} p99 ${ms(pct(t.cpu, 99))}`;

const DAY_MS = 86_400_000;
const dayBefore = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) - days * DAY_MS).toISOString().slice(0, 10);

/** The windows a manager picks, ending at the file's last day; `random` adds windows of 1–100 days (fixed seed). */
function windows(lastDay: string, firstDay: string, random: number): { label: string; from: string; to: string }[] {
  const lastWholeMonthEnd = dayBefore(`${lastDay.slice(0, 8)}01`, 1);
  const list = [
    { label: 'one day', from: lastDay, to: lastDay },
    { label: 'a week', from: dayBefore(lastDay, 6), to: lastDay },
    { label: 'a whole month', from: `${lastWholeMonthEnd.slice(0, 8)}01`, to: lastWholeMonthEnd },
    { label: '30 days across two months', from: dayBefore(lastDay, 45), to: dayBefore(lastDay, 16) },
    { label: 'a quarter (90 days)', from: dayBefore(lastDay, 89), to: lastDay },
  ];
  const next = seededRandom(33);
  const span = Math.round((Date.parse(lastDay) - Date.parse(firstDay)) / DAY_MS);
  for (let i = 0; i < random; i++) {
    const days = 1 + Math.floor(next() * 100);
    const to = dayBefore(lastDay, Math.floor(next() * Math.max(1, span - days)));
    list.push({ label: `random ${days} days`, from: dayBefore(to, days - 1), to });
  }
  return list;
}

export function runReportBucketsBench(): void {
  const path = arg('--db');
  if (!path) throw new Error('--report-buckets needs --db <copy of a year file>');
  const runs = Number(arg('--runs') ?? 7);
  const t0 = performance.now();
  const store = openDatabase({ path, checkpointIntervalMs: 0 });
  console.log(
    `Opened ${path} (pending migrations applied) in ${ms(performance.now() - t0)}; load ${loadavg()[0]?.toFixed(2)}`,
  );
  const beforePath = arg('--before');
  const beforeSqlite = beforePath ? new Database(beforePath, { readonly: true }) : undefined;
  const before: StoreDb = beforeSqlite ? drizzle(beforeSqlite, { schema }) : store.db;
  const { sqlite, db } = store;
  const count = (table: string) => sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  const [firstDay, lastDay] = sqlite
    .prepare('SELECT min(substr(fecha_emision, 1, 10)), max(substr(fecha_emision, 1, 10)) FROM documents')
    .raw()
    .get() as [string, string];
  console.log(
    `${count('documents')} documents ${firstDay}..${lastDay}; rollup rows: day ${count('product_rollups')}, dekad ${count('product_dekad_rollups')}, month ${count('product_month_rollups')}` +
      (beforeSqlite
        ? `; before 0013: day ${beforeSqlite.prepare('SELECT count(*) FROM product_rollups').pluck().get() as number}`
        : ''),
  );
  console.log(
    `\nSales report, ${runs} runs each, A = 0031 plan${beforeSqlite ? ' on the file before 0013' : ''}, B = 0033:`,
  );
  const all = { a: { wall: [], cpu: [] } as Timing, b: { wall: [], cpu: [] } as Timing };
  for (const w of windows(lastDay, firstDay, Number(arg('--random') ?? 20))) {
    const a: Timing = { wall: [], cpu: [] };
    const b: Timing = { wall: [], cpu: [] };
    salesReport(before, w.from, w.to, MONTHS_AND_DAYS); // warm-up, both
    salesReport(db, w.from, w.to);
    for (let i = 0; i < runs; i++) {
      timed(a, () => salesReport(before, w.from, w.to, MONTHS_AND_DAYS));
      timed(b, () => salesReport(db, w.from, w.to));
    }
    for (const k of ['wall', 'cpu'] as const) {
      all.a[k].push(...a[k]);
      all.b[k].push(...b[k]);
    }
    const named = !w.label.startsWith('random');
    if (named || arg('--verbose') !== undefined)
      console.log(
        `  ${`${w.label} ${w.from}..${w.to}`.padEnd(50)} A ${summary(a)}\n  ${''.padEnd(50)} B ${summary(b)} → cpu p50 ${(pct(b.cpu, 50) / pct(a.cpu, 50)).toFixed(2)}×`,
      );
  }
  console.log(`  ${'every window above'.padEnd(50)} A ${summary(all.a)}\n  ${''.padEnd(50)} B ${summary(all.b)}`);
  const now = new Date(
    Date.parse(sqlite.prepare('SELECT max(created_at) FROM documents').pluck().get() as string) + 3_600_000,
  );
  const inputs = {
    queue: { waiting: 0, inFlight: 0, parked: 0, failed: 0 },
    contingency: { active: false, needsExtendedReason: false },
  };
  const overview: Timing = { wall: [], cpu: [] };
  for (let i = 0; i < 5; i++) monitorOverview(db, now, 48, inputs);
  for (let i = 0; i < 100; i++) timed(overview, () => monitorOverview(db, now, 48, inputs));
  console.log(
    `\nMonitoring overview 48 h (target p99 < 20 ms): ${summary(overview)}; load ${loadavg()[0]?.toFixed(2)}`,
  );
  beforeSqlite?.close();
  store.close();
}
