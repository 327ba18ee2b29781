// The backup file itself on real SQLite files: copies taken while sales are being captured lose nothing and verify;
// a corrupted copy is caught; keep-N pruning touches only our copies.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SALE } from '../../../tests/fixtures/register-harness';
import { captureSale } from '../sales/capture-sale';
import { openDatabase, type OpenedDatabase } from '../store/open-database';
import { DEFAULT_ISSUER_SETTINGS } from '../store/settings-repo';
import { listBackupFolder, pruneBackupFolder } from './backup-catalogue';
import { backupPrefix, checkDatabaseFile, sha256OfFile, writeBackup, writeBackupSync } from './backup-file';

const opened: OpenedDatabase[] = [];
afterEach(() => {
  for (const store of opened.splice(0)) store.close();
});

function register(): { store: OpenedDatabase; dir: string; sell: () => void; documents: () => number } {
  const dir = mkdtempSync(join(tmpdir(), 'backup-file-'));
  const store = openDatabase({ path: join(dir, 'sago.sqlite'), checkpointIntervalMs: 0 });
  opened.push(store);
  const sell = () => {
    const result = captureSale(
      {
        db: store.db,
        issuer: DEFAULT_ISSUER_SETTINGS,
        emissionMode: () => ({ tipoEmision: '01' }),
        clock: () => new Date(),
        actor: 'cajero-1',
      },
      SALE,
    );
    if (!result.ok) throw new Error(JSON.stringify(result.violations));
  };
  const documents = () => (store.sqlite.prepare('SELECT COUNT(*) AS n FROM documents').get() as { n: number }).n;
  return { store, dir, sell, documents };
}

const at = (minute: number) => new Date(Date.UTC(2026, 11, 5, 12, minute));

describe('writeBackup (online backup API)', () => {
  it('copies while sales are being captured: no sale lost, the copy opens, verifies and counts what it holds', async () => {
    const { store, dir, sell, documents } = register();
    for (let i = 0; i < 200; i += 1) sell(); // enough pages that the copy takes many event-loop turns
    const before = documents();
    let sold = 0;
    let copying = true;
    const till = (async () => {
      while (copying) {
        sell();
        sold += 1;
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const { path, manifest } = await writeBackup(
      store.sqlite,
      { folder: join(dir, 'backups'), at: at(0), reason: 'manual' },
      2,
    );
    copying = false;
    await till;
    expect(sold).toBeGreaterThan(0); // sales really happened during the copy
    expect(documents()).toBe(before + sold); // and none was lost
    expect(manifest).toMatchObject({ verified: true, problem: null, reason: 'manual', format: 'sago-backup/1' });
    expect(manifest.documents).toBeGreaterThanOrEqual(before);
    expect(manifest.documents).toBeLessThanOrEqual(before + sold);
    expect(manifest.sha256).toBe(sha256OfFile(path));
    expect(checkDatabaseFile(path)).toMatchObject({ ok: true, documents: manifest.documents });
    expect(JSON.parse(readFileSync(`${path}.json`, 'utf8'))).toEqual(manifest);
  });

  it('leaves the copy and its manifest only: no -wal/-shm beside it, even after it is opened read-only again', async () => {
    const { store, dir, sell } = register();
    for (let i = 0; i < 20; i += 1) sell();
    const folder = join(dir, 'backups');
    const { path } = await writeBackup(store.sqlite, { folder, at: at(3), reason: 'manual' });
    expect(checkDatabaseFile(path).ok).toBe(true); // what a restore does to it first
    expect(readdirSync(folder).sort()).toEqual([
      'sago-2026-12-05T12-03-00-000Z-manual.sqlite',
      'sago-2026-12-05T12-03-00-000Z-manual.sqlite.json',
    ]);
  });

  it('a corrupted copy fails verification (integrity_check) and its hash no longer matches', async () => {
    const { store, dir, sell } = register();
    for (let i = 0; i < 50; i += 1) sell();
    const { path, manifest } = await writeBackup(store.sqlite, {
      folder: join(dir, 'backups'),
      at: at(1),
      reason: 'manual',
    });
    const bytes = readFileSync(path);
    const pageSize = 4096;
    // Flip the first bytes (b-tree page type and freeblock pointer) of every page after the schema page, leaving the
    // file header readable: the damage a bad sector or a half-written USB copy does.
    for (let page = 1; page * pageSize < bytes.length; page += 1) {
      for (let i = page * pageSize; i < page * pageSize + 4; i += 1) bytes[i] = (bytes[i] ?? 0) ^ 0xff;
    }
    writeFileSync(path, bytes);
    expect(sha256OfFile(path)).not.toBe(manifest.sha256);
    const check = checkDatabaseFile(path);
    expect(check.ok).toBe(false);
    expect(check.problem).toMatch(/integrity_check|malformed|corrupt/i);
    // The lighter check the pre-migration copy uses (decision 0040) catches this damage too.
    const quick = checkDatabaseFile(path, 'quick_check');
    expect(quick.ok).toBe(false);
    expect(quick.problem).toMatch(/quick_check|malformed|corrupt/i);
  });

  it('refuses a file that is not a register database', () => {
    const dir = mkdtempSync(join(tmpdir(), 'backup-file-'));
    const path = join(dir, 'other.sqlite');
    writeFileSync(path, 'not a database at all');
    expect(checkDatabaseFile(path).ok).toBe(false);
  });

  it('the synchronous copy (before migrations) is verified the same way', () => {
    const { store, dir, sell } = register();
    sell();
    const { manifest } = writeBackupSync(store.sqlite, {
      folder: join(dir, 'backups'),
      at: at(2),
      reason: 'migration',
    });
    expect(manifest).toMatchObject({ verified: true, documents: 1, reason: 'migration' });
  });
});

describe('keep N', () => {
  it('keeps the newest N copies with their manifests and never touches other files', async () => {
    const { store, dir } = register();
    const folder = join(dir, 'backups');
    for (let minute = 0; minute < 5; minute += 1)
      await writeBackup(store.sqlite, { folder, at: at(minute), reason: 'daily', register: '0000-001' });
    // The other register of the shop shares the folder: its copies are listed but never pruned by this one.
    await writeBackup(store.sqlite, { folder, at: at(0), reason: 'daily', register: '0000-002' });
    writeFileSync(join(folder, 'fotos-de-la-tienda.sqlite'), 'someone else’s file');
    const removed = pruneBackupFolder(folder, 3, 'sago-0000-001-');
    expect(removed).toHaveLength(2);
    const left = listBackupFolder(folder);
    expect(left.map((b) => [b.manifest?.file.slice(0, 13), b.manifest?.createdAt])).toEqual([
      ['sago-0000-002', at(0).toISOString()],
      ...[at(4), at(3), at(2)].map((d) => ['sago-0000-001', d.toISOString()]),
    ]);
    expect(readFileSync(join(folder, 'fotos-de-la-tienda.sqlite'), 'utf8')).toBe('someone else’s file');
    expect(() => readFileSync(`${removed[0] ?? ''}.json`)).toThrow();
  });

  it("a training data set's copies never prune the real data set's (the environment is in every name)", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'backup-envs-'));
    const folder = join(dir, 'backups');
    const real = openDatabase({ path: join(dir, 'sago-produccion.sqlite'), checkpointIntervalMs: 0 });
    const training = openDatabase({ path: join(dir, 'sago-simulador.sqlite'), checkpointIntervalMs: 0 });
    opened.push(real, training);
    await writeBackup(real.sqlite, { folder, at: at(0), reason: 'z', register: '0000-001' });
    for (let minute = 1; minute <= 4; minute += 1)
      await writeBackup(training.sqlite, { folder, at: at(minute), reason: 'z', register: '0000-001' });
    expect(pruneBackupFolder(folder, 2, backupPrefix(training.sqlite.name, '0000-001'))).toHaveLength(2);
    expect(listBackupFolder(folder).map((b) => b.manifest?.file.slice(0, 25))).toContain('sago-produccion-0000-001-');
  });
});
