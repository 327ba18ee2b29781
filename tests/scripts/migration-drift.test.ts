// The gate's migration drift check: drizzle-kit, given the committed migrations and the schema in the code, must
// find nothing to generate. A schema edit without its migration (or a migration hand-edited away from the schema)
// fails here instead of on a shop's register at start. drizzle-kit writes into a temporary copy, never into drizzle/.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import sqliteConfig from '../../drizzle.config';
import pgConfig from '../../drizzle.pg.config';

const root = join(import.meta.dirname, '../..');
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The schema files a drizzle config names, as one glob drizzle-kit's --schema takes (a repeated flag keeps only the last). */
function schemaGlob(schema: string | string[] | undefined): string {
  const files = [schema ?? []].flat();
  if (files.length === 0) throw new Error('drizzle config names no schema');
  return files.length === 1 ? files[0]! : `{${files.join(',')}}`;
}

interface Db {
  name: string;
  folder: string;
  dialect: 'sqlite' | 'postgresql';
  schema: string;
}
const databases: Db[] = [
  { name: 'register (SQLite)', folder: 'drizzle/sqlite', dialect: 'sqlite', schema: schemaGlob(sqliteConfig.schema) },
  {
    name: 'central server (PostgreSQL)',
    folder: 'drizzle/pg',
    dialect: 'postgresql',
    schema: schemaGlob(pgConfig.schema),
  },
];

/** A temporary copy of a migrations folder; `firstOnly` keeps only the first migration, as schema edits left unmigrated. */
function copyOf(db: Db, firstOnly = false): string {
  const dir = mkdtempSync(join(tmpdir(), 'sago-drift-'));
  dirs.push(dir);
  cpSync(join(root, db.folder), dir, { recursive: true });
  if (firstOnly) {
    const journalPath = join(dir, 'meta/_journal.json');
    const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { idx: number; tag: string }[] };
    for (const later of journal.entries.splice(1)) {
      rmSync(join(dir, `${later.tag}.sql`));
      rmSync(join(dir, `meta/${String(later.idx).padStart(4, '0')}_snapshot.json`));
    }
    writeFileSync(journalPath, JSON.stringify(journal, null, 2));
  }
  return dir;
}

/** Runs drizzle-kit generate into `out` (its --out must be relative to the working folder) and lists what it wrote. */
function generate(db: Db, out: string): { sql: string[]; output: string } {
  const before = new Set(readdirSync(out));
  const run = spawnSync(
    'npx',
    ['drizzle-kit', 'generate', '--dialect', db.dialect, '--schema', db.schema, '--out', relative(root, out)],
    {
      cwd: root,
      encoding: 'utf8',
      timeout: 120_000,
    },
  );
  expect(run.status, run.stderr).toBe(0);
  return { sql: readdirSync(out).filter((f) => f.endsWith('.sql') && !before.has(f)), output: run.stdout };
}

describe('migration drift (generated schema equals the committed migrations)', () => {
  for (const db of databases) {
    it(`${db.name}: nothing to generate`, () => {
      const { sql, output } = generate(db, copyOf(db));
      expect(sql).toEqual([]);
      expect(output).toMatch(/No schema changes/);
    });
  }

  it('fails when the schema holds changes no migration carries (only the first migration kept)', () => {
    const db = databases[0]!;
    const { sql } = generate(db, copyOf(db, true));
    expect(sql).toHaveLength(1);
  });
});
