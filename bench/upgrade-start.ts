// `npm run bench -- --upgrade-start [--docs N | --db file] [--rounds N]` (issue 17, decision 0040): the first open of a
// register after an app upgrade — one pending migration, so openDatabase copies the file first — the old way (VACUUM
// INTO) against the new one (checkpointed file copy, quick_check) and the file copy with integrity_check, in THIS
// process, rotating which goes first each round, each on a fresh copy of the same register. Prints CPU (user + system
// of this process) and wall time of the whole open and of its copy step (medians) and the ratios to the old way; then
// integrity_check against quick_check on the copy. The register is a year's file written by bench/year (default
// 60 000 documents), or a copy of `--db file`.
import {
  closeSync,
  copyFileSync,
  fsyncSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  rmSync,
  statSync,
} from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { addMigration, programWithMigrations } from '../tests/fixtures/migrations';
import { checkDatabaseFile, writeBackupSync } from '../src/core/backups/backup-file';
import { writePreMigrationCopy, type CopyBeforeMigration } from '../src/core/backups/pre-migration-copy';
import { openDatabase } from '../src/core/store/open-database';
import { writeYearFile } from './year/write-year-file';

interface Spent {
  cpuMs: number;
  wallMs: number;
}

interface Way {
  name: string;
  copy: CopyBeforeMigration;
  opens: Spent[];
  copies: Spent[];
}

function argValue(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

function wholeArg(name: string, fallback: number): number {
  const n = Number(argValue(name) ?? fallback);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} needs a whole number (1 or more)`);
  return n;
}

function timed<T>(work: () => T): [T, Spent] {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const result = work();
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return [result, { cpuMs: (cpu.user + cpu.system) / 1000, wallMs }];
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

/** The first open after an upgrade, on a fresh copy of `source` in `work`; its copy step is timed inside it. */
function firstOpen(source: string, work: string, migrationsFolder: string, way: Way): void {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work);
  const path = join(work, 'register.sqlite');
  copyFileSync(source, path); // untimed; the page cache then holds the file for both ways alike
  // Flushed before timing: otherwise the kernel's writeback of this setup copy (throttling whoever writes next) lands
  // in the timed copy step as system CPU (seen: the same file copy 0.2 s or 1.4 s).
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  const [store, open] = timed(() =>
    openDatabase({
      path,
      migrationsFolder,
      checkpointIntervalMs: 0,
      copyBeforeMigration: (sqlite, target) => {
        const [written, copy] = timed(() => way.copy(sqlite, target));
        way.copies.push(copy);
        return written;
      },
    }),
  );
  try {
    if (!store.backupPath) throw new Error(`${way.name}: no copy was taken (was the migration pending?)`);
    way.opens.push(open);
  } finally {
    store.close();
  }
}

function checkCost(path: string, pragma: 'integrity_check' | 'quick_check'): Spent {
  const copy = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const [rows, spent] = timed(() => copy.pragma(pragma) as Record<string, string>[]);
    if (rows.length !== 1 || Object.values(rows[0] ?? {})[0] !== 'ok') throw new Error(`${pragma} did not say ok`);
    return spent;
  } finally {
    copy.close();
  }
}

async function bench(dir: string): Promise<string[]> {
  const rounds = wholeArg('--rounds', 5);
  let source = argValue('--db');
  if (!source) {
    source = join(dir, 'year.sqlite');
    const docs = wholeArg('--docs', 60_000);
    await writeYearFile({ path: source, docs, days: Math.min(365, Math.max(10, Math.round(docs / 700))) });
  }
  const { dir: program, folder } = programWithMigrations('upgrade-start-');
  try {
    return measure(source, folder, dir, rounds);
  } finally {
    rmSync(program, { recursive: true, force: true });
  }
}

function measure(source: string, folder: string, dir: string, rounds: number): string[] {
  addMigration(folder, '0099_upgrade_note', 'ALTER TABLE `settings` ADD `upgrade_note` text;');
  const ways: Way[] = [
    { name: 'old: VACUUM INTO', copy: (s, t) => writeBackupSync(s, t), opens: [], copies: [] },
    { name: 'new: checkpointed file copy', copy: (s, t) => writePreMigrationCopy(s, t), opens: [], copies: [] },
    // The file copy with the old check, to tell the copy's share of the gain from quick_check's.
    {
      name: 'file copy + integrity_check',
      copy: (s, t) => writePreMigrationCopy(s, t, { check: (path) => checkDatabaseFile(path, 'integrity_check') }),
      opens: [],
      copies: [],
    },
  ];
  const work = join(dir, 'work');
  const loads: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    // Rotated each round, so no way always runs first (or right after the same other).
    for (let i = 0; i < ways.length; i += 1) firstOpen(source, work, folder, ways[(round + i) % ways.length]!);
    loads.push(loadavg()[0] ?? 0);
  }
  // Counted and checked on the last copy taken (one file in rollback-journal mode): a read-only open of the source,
  // a WAL file, would leave -wal/-shm beside a --db file.
  const lastCopy = join(work, 'backups', readdirSync(join(work, 'backups')).find((f) => f.endsWith('.sqlite')) ?? '');
  const documents = (() => {
    const db = new Database(lastCopy, { readonly: true, fileMustExist: true });
    try {
      return db.prepare('SELECT COUNT(*) FROM documents').pluck().get() as number;
    } finally {
      db.close();
    }
  })();
  const lines = [
    `First open after an upgrade (one pending migration), ${documents} documents, ${(statSync(source).size / 2 ** 20).toFixed(0)} MiB, ${rounds} rounds rotating, medians:`,
  ];
  for (const way of ways) {
    const cpu = median(way.opens.map((s) => s.cpuMs));
    const wall = median(way.opens.map((s) => s.wallMs));
    const copyCpu = median(way.copies.map((s) => s.cpuMs));
    const copyWall = median(way.copies.map((s) => s.wallMs));
    lines.push(
      `  ${way.name.padEnd(28)} open: CPU ${seconds(cpu)}, wall ${seconds(wall)}   of which the copy: CPU ${seconds(copyCpu)}, wall ${seconds(copyWall)}`,
    );
  }
  const oldWay = ways[0]!;
  const ratio = (way: Way, pick: (w: Way) => Spent[], of: keyof Spent) =>
    (median(pick(way).map((s) => s[of])) / median(pick(oldWay).map((s) => s[of]))).toFixed(2);
  for (const way of ways.slice(1)) {
    lines.push(
      `  ${way.name} / old: open CPU ${ratio(way, (w) => w.opens, 'cpuMs')}x, wall ${ratio(way, (w) => w.opens, 'wallMs')}x; copy step CPU ${ratio(way, (w) => w.copies, 'cpuMs')}x, wall ${ratio(way, (w) => w.copies, 'wallMs')}x`,
    );
  }
  lines.push(`  load average (1 min) after each round: ${loads.map((l) => l.toFixed(1)).join(', ')}`);
  const checks = { integrity_check: [] as Spent[], quick_check: [] as Spent[] };
  for (let round = 0; round < 3; round += 1) {
    for (const pragma of round % 2
      ? (['quick_check', 'integrity_check'] as const)
      : (['integrity_check', 'quick_check'] as const))
      checks[pragma].push(checkCost(lastCopy, pragma));
  }
  const integrity = median(checks.integrity_check.map((s) => s.cpuMs));
  const quick = median(checks.quick_check.map((s) => s.cpuMs));
  lines.push(
    `Verifying the copy of that register (3 rounds alternating, medians): integrity_check CPU ${seconds(integrity)}, quick_check CPU ${seconds(quick)} (${(quick / integrity).toFixed(2)}x)`,
  );
  return lines;
}

export async function runUpgradeStartBench(): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'upgrade-start-'));
  try {
    return await bench(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
