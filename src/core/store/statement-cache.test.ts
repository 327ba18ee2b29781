import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { cachedStatement } from './statement-cache';

const SQL = 'INSERT INTO notes (text) VALUES (?)';

function open(path: string): Database.Database {
  const sqlite = new Database(path);
  sqlite.exec('CREATE TABLE IF NOT EXISTS notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)');
  return sqlite;
}

const notes = (sqlite: Database.Database) => sqlite.prepare('SELECT text FROM notes ORDER BY id').pluck().all();

describe('cachedStatement', () => {
  it('prepares a statement once per connection and reuses it', () => {
    const sqlite = open(':memory:');
    const first = cachedStatement(sqlite, SQL);
    expect(cachedStatement(sqlite, SQL)).toBe(first);
    first.run('a');
    cachedStatement(sqlite, SQL).run('b');
    expect(notes(sqlite)).toEqual(['a', 'b']);
    sqlite.close();
  });

  it('keeps each data set on its own connection: a switch never writes through the other file’s statement', () => {
    const dir = mkdtempSync(join(tmpdir(), 'statement-cache-'));
    const training = open(join(dir, 'simulador.sqlite'));
    const fiscal = open(join(dir, 'produccion.sqlite'));
    expect(cachedStatement(training, SQL)).not.toBe(cachedStatement(fiscal, SQL));
    cachedStatement(training, SQL).run('práctica');
    cachedStatement(fiscal, SQL).run('venta');
    expect(notes(training)).toEqual(['práctica']);
    expect(notes(fiscal)).toEqual(['venta']);
    training.close();
    fiscal.close();
  });

  it('prepares afresh after a reopen, against the file as it is now, and refuses a closed connection', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'statement-cache-')), 'register.sqlite');
    const before = open(path);
    const old = cachedStatement(before, SQL);
    old.run('antes');
    before.close();
    expect(() => cachedStatement(before, SQL)).toThrow(/connection is closed/);
    const after = open(path);
    after.exec("ALTER TABLE notes ADD COLUMN source TEXT NOT NULL DEFAULT 'caja'");
    const fresh = cachedStatement(after, 'INSERT INTO notes (text, source) VALUES (?, ?)');
    expect(fresh).not.toBe(old);
    fresh.run('después', 'web');
    expect(after.prepare('SELECT text, source FROM notes ORDER BY id').all()).toEqual([
      { text: 'antes', source: 'caja' },
      { text: 'después', source: 'web' },
    ]);
    after.close();
  });

  it('keeps working on the same connection after the schema changes (SQLite re-prepares it)', () => {
    const sqlite = open(':memory:');
    cachedStatement(sqlite, SQL).run('uno');
    sqlite.exec('CREATE INDEX notes_text ON notes (text)');
    sqlite.exec("ALTER TABLE notes ADD COLUMN source TEXT NOT NULL DEFAULT 'caja'");
    cachedStatement(sqlite, SQL).run('dos');
    expect(sqlite.prepare('SELECT text, source FROM notes ORDER BY id').all()).toEqual([
      { text: 'uno', source: 'caja' },
      { text: 'dos', source: 'caja' },
    ]);
    sqlite.close();
  });
});
