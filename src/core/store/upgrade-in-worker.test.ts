// An upgrade start's copy and migrations on a worker thread (upgrade-in-worker.ts): a file one migration behind is
// copied (verified) and migrated off the caller's thread, the caller is told first, a file with nothing pending starts
// no worker, and a copy that did not verify arrives as PreMigrationCopyNotVerified with the file unchanged.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, PreMigrationCopyNotVerified } from './open-database';
import { upgradeInWorker, upgradePending } from './upgrade-in-worker';
import { errorOfUpgrade, upgradeErrorOf } from './upgrade-protocol';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A register's file one migration behind: the last shipped one (0015, an index) taken back out. */
function fileOneMigrationBehind(): string {
  const dir = mkdtempSync(join(tmpdir(), 'upgrade-worker-'));
  dirs.push(dir);
  const path = join(dir, 'sago-simulador.sqlite');
  const store = openDatabase({ path });
  store.sqlite.exec(`DROP INDEX audit_log_unsealed;
    DELETE FROM __drizzle_migrations WHERE created_at = (SELECT max(created_at) FROM __drizzle_migrations)`);
  store.close();
  return path;
}

describe('upgradeInWorker', () => {
  it('copies and migrates a file with a migration pending on a worker thread, after telling the caller', async () => {
    const path = fileOneMigrationBehind();
    expect(upgradePending(path)).toBe(true);
    const told: string[] = [];
    const result = await upgradeInWorker({
      path,
      clock: () => new Date('2026-12-06T23:00:00Z'),
      onUpgrade: () => void told.push(upgradePending(path) ? 'before the migration' : 'after'),
    });
    expect(told).toEqual(['before the migration']);
    expect(result).toMatchObject({ upgraded: true, backupPath: expect.stringContaining('migration') as unknown });
    expect(upgradePending(path)).toBe(false);
    const store = openDatabase({ path });
    const index = store.sqlite.prepare("SELECT 1 FROM sqlite_master WHERE name = 'audit_log_unsealed'").get();
    store.close();
    expect(index).toBeDefined();
    const manifest = readdirSync(join(path, '..', 'backups')).find((f) => f.endsWith('-migration.sqlite.json'));
    expect(manifest).toContain('2026-12-06T23-00-00');
    expect(JSON.parse(readFileSync(join(path, '..', 'backups', manifest!), 'utf8'))).toMatchObject({ verified: true });
  });

  it('starts no worker and tells nobody when nothing is to migrate, or the file is new', async () => {
    const path = fileOneMigrationBehind();
    openDatabase({ path }).close(); // migrated in this thread
    const started: string[] = [];
    const start = () => {
      started.push('worker');
      throw new Error('no worker expected');
    };
    const told: string[] = [];
    const onUpgrade = () => void told.push('told');
    expect(await upgradeInWorker({ path, start, onUpgrade })).toEqual({ upgraded: false });
    expect(await upgradeInWorker({ path: join(path, '..', 'new.sqlite'), start, onUpgrade })).toEqual({
      upgraded: false,
    });
    expect([...started, ...told]).toEqual([]);
  });

  it('rejects with the worker failure when the worker cannot start, leaving the file as it was', async () => {
    const path = fileOneMigrationBehind();
    const before = readFileSync(path);
    await expect(
      upgradeInWorker({ path, assets: { upgradeWorkerEntry: new URL('file:///nonexistent/upgrade-worker.js') } }),
    ).rejects.toThrow();
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(upgradePending(path)).toBe(true);
  });

  it('carries a copy that did not verify across the thread as PreMigrationCopyNotVerified', () => {
    const original = new PreMigrationCopyNotVerified('/data/sago.sqlite', '/data/backups/x.sqlite', 'disk full');
    const crossed = errorOfUpgrade(structuredClone(upgradeErrorOf(original)));
    expect(crossed).toBeInstanceOf(PreMigrationCopyNotVerified);
    expect(crossed).toMatchObject({ databasePath: '/data/sago.sqlite', copyPath: '/data/backups/x.sqlite' });
    expect(crossed.message).toBe(original.message);
    const other = errorOfUpgrade(structuredClone(upgradeErrorOf(new RangeError('boom'))));
    expect(other).not.toBeInstanceOf(PreMigrationCopyNotVerified);
    expect(other).toMatchObject({ name: 'RangeError', message: 'boom' });
  });
});
