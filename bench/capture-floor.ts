// Capture cost against the physical floor (issue 17): one durable (synchronous=FULL) commit of one row into a
// scratch table of the same file, interleaved in rounds with captureSale for 5 and 50 items, with the ratios.
// Then where the time goes: the WAL pages one capture writes (each B-tree it touches: tables, indexes, counters), a
// durable commit of that many one-row tables (the floor for that many pages), and the capture's CPU alone (the same
// capture on a scratch file at synchronous=OFF, no fsync). Used by `npm run bench -- --capture-only` (an empty
// register, and `--db file` for a large one) and by `--year`.
import { readFileSync, rmSync } from 'node:fs';
import { captureSale, type CaptureDeps } from '../src/core/sales/capture-sale';
import { openDatabase, type OpenedDatabase } from '../src/core/store/open-database';
import { DEFAULT_ISSUER_SETTINGS } from '../src/core/store/settings-repo';
import { draftWithItems } from './capture-drafts';
import { interleaved } from './capture-breakdown';
import { fmt, measure, type LatencyStats } from './stats';

export interface CaptureFloorRuns {
  five: number;
  fifty: number;
}

/** Captures of each size, and as many one-row commits interleaved with them. */
export const CAPTURE_FLOOR_RUNS: CaptureFloorRuns = { five: 1_000, fifty: 300 };

const depsOf = (store: OpenedDatabase): CaptureDeps => ({
  db: store.db,
  issuer: DEFAULT_ISSUER_SETTINGS,
  emissionMode: () => ({ tipoEmision: '01' as const }),
  clock: () => new Date(),
  actor: 'bench',
});

const captureOnce = (deps: CaptureDeps, items: number) => {
  const draft = draftWithItems(items);
  return () => {
    const result = captureSale(deps, draft);
    if (!result.ok) throw new Error(JSON.stringify(result.violations));
  };
};

/** WAL frames (pages) one capture writes, averaged over 10 captures right after a full checkpoint. */
function pagesPerCapture(store: OpenedDatabase, path: string, items: number): number {
  const capture = captureOnce(depsOf(store), items);
  store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  for (let i = 0; i < 10; i++) capture();
  const wal = readFileSync(`${path}-wal`);
  const pageSize = wal.readUInt32BE(8);
  return Math.round((wal.length - 32) / (24 + pageSize) / 10);
}

/** A durable commit of one row in each of `tables` scratch tables: the floor for a commit of that many pages. */
async function pagesFloor(store: OpenedDatabase, tables: number, runs: number): Promise<LatencyStats> {
  const { sqlite } = store;
  const names = Array.from({ length: tables }, (_, i) => `bench_pages_${i}`);
  for (const n of names) sqlite.exec(`CREATE TABLE IF NOT EXISTS ${n} (id INTEGER PRIMARY KEY, at TEXT NOT NULL)`);
  const inserts = names.map((n) => sqlite.prepare(`INSERT INTO ${n} (at) VALUES (?)`));
  const commit = sqlite.transaction(() => inserts.forEach((s) => s.run('x')));
  const s = await measure(runs, 50, () => commit.immediate(), { every: 250, run: () => store.checkpoint() });
  for (const n of names) sqlite.exec(`DROP TABLE ${n}`);
  return s;
}

/** The capture's CPU alone: the same capture on a fresh scratch register at synchronous=OFF (no fsync). */
async function cpuOnly(path: string, items: number, runs: number): Promise<LatencyStats> {
  const scratch = openDatabase({ path, checkpointIntervalMs: 0 });
  scratch.sqlite.pragma('synchronous = OFF'); // a bench-only setting: the app has no such option
  try {
    return await measure(runs, 50, captureOnce(depsOf(scratch), items), {
      every: 250,
      run: () => scratch.checkpoint(),
    });
  } finally {
    scratch.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
  }
}

/** Prints the floor, the capture p50/p99 for 5 and 50 items, their ratios to the floor and where the time goes. */
export async function captureAgainstFloor(
  store: OpenedDatabase,
  path: string,
  runs: CaptureFloorRuns = CAPTURE_FLOOR_RUNS,
): Promise<string[]> {
  const { sqlite } = store;
  sqlite.exec('CREATE TABLE IF NOT EXISTS bench_floor (id INTEGER PRIMARY KEY, at TEXT NOT NULL)');
  const insert = sqlite.prepare('INSERT INTO bench_floor (at) VALUES (?)');
  const lines: string[] = [];
  const deps = depsOf(store);
  for (const items of [5, 50] as const) {
    const n = items === 5 ? runs.five : runs.fifty;
    // The floor and the capture alternate in rounds (decision 0037): the disk's sync cost drifts with the machine's
    // load by 10× within minutes, so a floor measured in another minute than the capture gives a ratio of that drift.
    // The app checkpoints on a timer; every round starts after the same untimed checkpoint.
    const capture = captureOnce(deps, items);
    for (let i = 0; i < 50; i++) capture(); // warm-up: statements prepared, pages cached
    const rounds = 10;
    const r = interleaved({ floor: () => insert.run('x'), capture }, rounds, Math.ceil(n / rounds), () =>
      store.checkpoint(),
    );
    const floor = r['floor']!;
    const s = r['capture']!;
    const ratio = s.p50 / floor.p50;
    lines.push(
      `${String(items).padStart(2)} items: p50 ${fmt(s.p50)}  p99 ${fmt(s.p99)}; floor (one-row durable commit, same file, same rounds) p50 ${fmt(floor.p50)}  p99 ${fmt(floor.p99)} = ${ratio.toFixed(2)}x the floor at p50, ${(s.p99 / floor.p99).toFixed(2)}x at p99 (target ≤ 1.5x at p50: ${ratio <= 1.5 ? 'met' : 'NOT met'})`,
    );
    const pages = pagesPerCapture(store, path, items);
    const paged = await pagesFloor(store, pages, Math.min(n, 500));
    const cpu = await cpuOnly(`${path}.cpu-only`, items, n);
    lines.push(
      `   where it goes: ${pages} WAL pages per capture; a durable commit of ${pages} one-row tables p50 ${fmt(paged.p50)} (${(paged.p50 / floor.p50).toFixed(2)}x the floor); the capture's CPU (synchronous=OFF) p50 ${fmt(cpu.p50)}`,
    );
  }
  sqlite.exec('DROP TABLE bench_floor');
  return lines;
}
