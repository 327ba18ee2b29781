// cachedUpdate against drizzle's own update on the same rows: same stored values (each column's driver mapping,
// undefined left alone, null stored as NULL), only the matching rows changed, one prepared statement per shape.
import Database from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import { cachedUpdate } from './cached-update';
import { cachedStatement } from './statement-cache';

const jobs = sqliteTable('jobs', {
  id: integer('id').primaryKey(),
  state: text('state').notNull(),
  leaseOwner: text('lease_owner'),
  maybeSent: integer('maybe_sent', { mode: 'boolean' }).notNull().default(false),
  doneAt: integer('done_at', { mode: 'timestamp_ms' }),
});

function open() {
  const sqlite = new Database(':memory:');
  sqlite.exec(`CREATE TABLE jobs (id INTEGER PRIMARY KEY, state TEXT NOT NULL, lease_owner TEXT,
    maybe_sent INTEGER NOT NULL DEFAULT 0, done_at INTEGER)`);
  const rows = [1, 2, 3].map((id) => `(${id}, 'leased', 'w${id}', 0, NULL)`).join(', ');
  sqlite.exec(`INSERT INTO jobs (id, state, lease_owner, maybe_sent, done_at) VALUES ${rows}`);
  return { sqlite, db: drizzle(sqlite) };
}

const all = (sqlite: Database.Database) => sqlite.prepare('SELECT * FROM jobs ORDER BY id').all();

describe('cachedUpdate', () => {
  it('stores what drizzle would store, on the matching rows only', () => {
    const ours = open();
    const theirs = open();
    const set = { state: 'done', leaseOwner: null, maybeSent: true, doneAt: new Date(1_765_000_000_000) };
    expect(
      cachedUpdate(ours.sqlite, jobs, { ...set, doneAt: set.doneAt, state: 'done' }, { id: 2, state: 'leased' }),
    ).toBe(1);
    theirs.db.update(jobs).set(set).where(eq(jobs.id, 2)).run();
    expect(all(ours.sqlite)).toEqual(all(theirs.sqlite));
    expect(all(ours.sqlite)[1]).toMatchObject({
      state: 'done',
      lease_owner: null,
      maybe_sent: 1,
      done_at: 1_765_000_000_000,
    });
    // The WHERE columns must all match: a row in another state is left alone.
    expect(cachedUpdate(ours.sqlite, jobs, { state: 'failed' }, { id: 2, state: 'leased' })).toBe(0);
    expect(all(ours.sqlite)[1]).toMatchObject({ state: 'done' });
  });

  it('leaves a column given as undefined as it is, like drizzle', () => {
    const { sqlite } = open();
    cachedUpdate(sqlite, jobs, { state: 'pending', leaseOwner: undefined }, { id: 1 });
    expect(all(sqlite)[0]).toMatchObject({ state: 'pending', lease_owner: 'w1' });
  });

  it('prepares one statement per shape and reuses it', () => {
    const { sqlite } = open();
    cachedUpdate(sqlite, jobs, { state: 'a' }, { id: 1 });
    const statement = cachedStatement(sqlite, 'UPDATE "jobs" SET "state" = ? WHERE "id" = ?');
    cachedUpdate(sqlite, jobs, { state: 'b' }, { id: 3 });
    expect(cachedStatement(sqlite, 'UPDATE "jobs" SET "state" = ? WHERE "id" = ?')).toBe(statement);
    expect(all(sqlite).map((r) => (r as { state: string }).state)).toEqual(['a', 'leased', 'b']);
  });

  it('refuses an unknown column or an update without columns, writing nothing', () => {
    const { sqlite } = open();
    const before = all(sqlite);
    expect(() => cachedUpdate(sqlite, jobs, { nope: 1 } as never, { id: 1 })).toThrow(/no column nope/);
    expect(() => cachedUpdate(sqlite, jobs, {}, { id: 1 })).toThrow(/needs columns/);
    expect(() => cachedUpdate(sqlite, jobs, { state: 'x' }, { id: undefined })).toThrow(/needs columns/);
    expect(all(sqlite)).toEqual(before);
  });
});
