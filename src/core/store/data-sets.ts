// One register database per HKA environment (docs/decisions/0009-one-data-set-per-environment.md): training
// (Simulador) sales, numbers, shifts, queue and audit never share a file with Demo's or Producción's, so they cannot
// reach a real Z, report, list, central sync or a real HKA. Which data set the register opens is kept beside the
// files in environment.json; a register from before this split has a single sago.sqlite, adopted once under the
// environment its own HKA settings name.
import Database from 'better-sqlite3';
import { existsSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { HkaEnvironment } from '../hka/contract';
import { writeAtomically } from './atomic-file';

const environmentSchema = z.enum(['simulador', 'demo', 'produccion']);
const activeFileSchema = z.object({ environment: environmentSchema });

const ACTIVE_FILE = 'environment.json';
const LEGACY_FILE = 'sago.sqlite';

export function dataSetPath(dataDir: string, environment: HkaEnvironment): string {
  return join(dataDir, `sago-${environment}.sqlite`);
}

export function dataSetExists(dataDir: string, environment: HkaEnvironment): boolean {
  return existsSync(dataSetPath(dataDir, environment));
}

/**
 * The environment whose data set the register opens. A missing file means a first launch (Simulador) or a
 * register from before the split (adopted by `adoptLegacyDataSet`). A file that does not parse is an error the
 * manager must see: guessing could open the training data set on a real till, or the other way round.
 */
export function readActiveEnvironment(dataDir: string): HkaEnvironment | undefined {
  const path = join(dataDir, ACTIVE_FILE);
  if (!existsSync(path)) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    throw new Error(`${path} is not valid JSON: fix or delete it (it names the active HKA environment)`);
  }
  const parsed = activeFileSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`${path} does not name an HKA environment (simulador, demo or produccion)`);
  return parsed.data.environment;
}

export function writeActiveEnvironment(dataDir: string, environment: HkaEnvironment): void {
  writeAtomically(join(dataDir, ACTIVE_FILE), `${JSON.stringify({ environment }, null, 2)}\n`);
}

/** The environment a register database's HKA settings name; Simulador when they say nothing (the default). */
export function environmentOfDatabase(sqlite: Database.Database): HkaEnvironment {
  const hasSettings = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'settings'").get();
  if (!hasSettings) return 'simulador';
  const row = sqlite.prepare("SELECT value FROM settings WHERE key = 'hka'").get() as { value: string } | undefined;
  if (!row) return 'simulador';
  let raw: unknown;
  try {
    raw = JSON.parse(row.value);
  } catch {
    return 'simulador';
  }
  const parsed = z.object({ environment: environmentSchema }).safeParse(raw);
  return parsed.success ? parsed.data.environment : 'simulador';
}

/** The environment a pre-split sago.sqlite was saved for. */
function legacyEnvironment(path: string, nativeBinding: string | undefined): HkaEnvironment {
  const sqlite = new Database(path, { readonly: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    return environmentOfDatabase(sqlite);
  } finally {
    sqlite.close();
  }
}

/**
 * Resolves the active environment, adopting a pre-split sago.sqlite on the way: the file (with its WAL and shared
 * memory files, so nothing committed is lost) is renamed to the data set of the environment its settings name.
 * A legacy file is never adopted over an existing data set of the same environment: that needs a person.
 */
export function resolveActiveEnvironment(dataDir: string, nativeBinding?: string): HkaEnvironment {
  const legacy = join(dataDir, LEGACY_FILE);
  if (existsSync(legacy)) {
    const environment = legacyEnvironment(legacy, nativeBinding);
    const target = dataSetPath(dataDir, environment);
    if (existsSync(target)) {
      throw new Error(
        `Both ${legacy} and ${target} exist: move one away so the register knows which holds the ${environment} data`,
      );
    }
    for (const suffix of ['-wal', '-shm']) {
      if (existsSync(legacy + suffix)) renameSync(legacy + suffix, target + suffix);
    }
    renameSync(legacy, target);
    writeActiveEnvironment(dataDir, environment);
    return environment;
  }
  const active = readActiveEnvironment(dataDir);
  if (active !== undefined) return active;
  writeActiveEnvironment(dataDir, 'simulador');
  return 'simulador';
}
