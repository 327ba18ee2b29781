// `npm run bench -- --write-year <path> [--docs N] [--days N]`: writes a busy register's year (generate-year.ts) into a
// new file and keeps it, so that the other benches (`--year --db`, `--responsiveness --db`, `--capture-only --db`) and
// several people can measure the same year without paying the generation again (~6 min per 100 000 documents on
// one free core). It never writes into an existing file: a year is generated once, then copied before each use.
import { existsSync } from 'node:fs';
import { openDatabase } from '../../src/core/store/open-database';
import { generateYear } from './generate-year';

export interface WriteYearArgs {
  path: string;
  docs: number;
  days: number;
}

/** Reads `--write-year <path> [--docs N] [--days N]`; days default to a year, or fewer for a small file (~700 a day). */
export function writeYearArgs(argv: readonly string[]): WriteYearArgs {
  const value = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const path = value('--write-year');
  if (!path || path.startsWith('--')) throw new Error('--write-year needs the path of the new year file');
  const docs = Number(value('--docs') ?? 700_000);
  if (!Number.isInteger(docs) || docs < 1) throw new Error('--docs needs a whole number of documents (1 or more)');
  const days = Number(value('--days') ?? Math.min(365, Math.max(10, Math.round(docs / 700))));
  if (!Number.isInteger(days) || days < 1) throw new Error('--days needs a whole number of days (1 or more)');
  return { path, docs, days };
}

export async function writeYearFile({ path, docs, days }: WriteYearArgs): Promise<void> {
  if (existsSync(path)) throw new Error(`${path} already exists: a year file is written once (copy it to reuse it)`);
  const store = openDatabase({ path, checkpointIntervalMs: 0 });
  const t0 = performance.now();
  try {
    const year = await generateYear(store, {
      docs,
      days,
      onDay: (day, n) => {
        if (day % 30 === 0)
          console.log(`  day ${day}: ${n} documents, ${((performance.now() - t0) / 1000).toFixed(0)} s`);
      },
    });
    console.log(
      `${path}: ${year.documents} sales, ${year.creditNotes} credit notes, ${year.annulled} annulled, ${year.contingency} in contingency, ${year.shifts} shifts over ${days} days in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
    );
  } finally {
    store.close(); // checkpoints the WAL into the file: the year is one file, ready to copy
  }
}
