// `npm run bench -- --responsiveness [--docs N | --db file] [--runs N] [--day-sales N]` (issue 17, decisions 0024,
// 0031): on a year's database (generate-year.ts, N documents; default 100 000 on this shared machine, 700 000 is the
// issue's year; or a copy of an existing year file, left untouched):
// - `app:status` latency p50/p99 while the heaviest report (the sales report over the whole history) runs, with the
//   reads on the core's thread (before) and on the read worker (after), and their ratio;
// - web host start to "ready for the first sale" from process start, and RSS after a day of sales on top of it;
// - the register core's import time with the HKA simulator (before issue 16) and without it (a production start).
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../src/core/store/open-database';
import { fmt } from '../stats';
import { generateYear } from '../year/generate-year';
import { startupFigures } from './startup-runs';
import { statusUnderReport, type UnderReport } from './status-under-report';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

function child(script: string, args: string[]): Record<string, number> {
  const out = execFileSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, script), ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as Record<string, number>;
}

const line = (label: string, r: UnderReport) =>
  `  ${label.padEnd(26)} app:status p50 ${fmt(r.status.p50)}  p99 ${fmt(r.status.p99)}  max ${fmt(r.status.max)}  (n=${r.status.n}); report p50 ${fmt(r.report.p50)}`;

export async function runResponsivenessBench(): Promise<void> {
  const docs = arg('--docs', 100_000);
  const runs = arg('--runs', 5);
  const daySales = arg('--day-sales', 1_500);
  const dir = mkdtempSync(join(tmpdir(), 'sago-bench-resp-'));
  try {
    const dataDir = join(dir, 'data');
    mkdirSync(dataDir);
    const t0 = performance.now();
    const given = process.argv.includes('--db') ? process.argv[process.argv.indexOf('--db') + 1] : undefined;
    if (given) copyFileSync(given, join(dataDir, 'sago-simulador.sqlite')); // a copy: the day of sales writes to it
    const store = openDatabase({ path: join(dataDir, 'sago-simulador.sqlite'), checkpointIntervalMs: 0 });
    const year = given
      ? { documents: store.sqlite.prepare('SELECT count(*) FROM documents').pluck().get() as number }
      : await generateYear(store, { docs });
    const first = store.sqlite
      .prepare('SELECT min(substr(fecha_emision, 1, 10)) FROM documents')
      .pluck()
      .get() as string;
    const last = store.sqlite
      .prepare('SELECT max(substr(fecha_emision, 1, 10)) FROM documents')
      .pluck()
      .get() as string;
    store.close();
    console.log(
      `Year database${given ? ` (copy of ${given})` : ''}: ${year.documents} ${given ? 'documents' : 'sales'} over ${first}..${last}, generated in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
    );

    console.log(
      `\napp:status every 5 ms while the sales report ${first}..${last} runs ${runs} times (target p99 < 20 ms):`,
    );
    const report = { from: first, to: last };
    const before = await statusUnderReport(dataDir, false, report, runs);
    console.log(line('reads on the core thread', before));
    const after = await statusUnderReport(dataDir, true, report, runs);
    console.log(line('reads on the read worker', after));
    console.log(
      `  ratio worker/core thread: p50 ${(after.status.p50 / before.status.p50).toFixed(3)}, p99 ${(after.status.p99 / before.status.p99).toFixed(3)}; target p99 < 20 ms: ${after.status.p99 < 20 ? 'met' : 'NOT met'}`,
    );

    const imports = (mode: string) => median([0, 1, 2].map(() => child('import-child.ts', [mode]).importMs ?? NaN));
    child('import-child.ts', ['simulator']); // warm tsx's transform cache, as every later start finds it
    const withSim = imports('simulator');
    const lazy = imports('production');
    console.log(
      `\nRegister core import, cold process (median of 3): with the simulator (before) ${fmt(withSim)}, production start (after) ${fmt(lazy)}, ratio ${(lazy / withSim).toFixed(3)}`,
    );

    const rendererDir = join(dir, 'renderer');
    mkdirSync(rendererDir);
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>bench</title>');
    for (const l of await startupFigures(dataDir, rendererDir, daySales)) console.log(l);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
