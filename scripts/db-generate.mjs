// `npm run db:generate -- --name <what>`: drizzle-kit generates the SQL migration, then every CREATE TABLE in
// drizzle/sqlite is made STRICT (drizzle's schema DSL cannot say so; STRICT makes SQLite refuse, e.g., text
// written into an INTEGER column such as a fiscal number). Idempotent: tables already STRICT are left alone.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

execFileSync('npx', ['drizzle-kit', 'generate', ...process.argv.slice(2)], { stdio: 'inherit' });

const dir = 'drizzle/sqlite';
for (const file of readdirSync(dir).filter((f) => f.endsWith('.sql'))) {
  const path = join(dir, file);
  const sql = readFileSync(path, 'utf8');
  const strict = sql.replace(/(CREATE TABLE [^;]*?\n\));/g, '$1 STRICT;');
  if (strict !== sql) {
    writeFileSync(path, strict);
    console.log(`made tables STRICT in ${path}`);
  }
}
