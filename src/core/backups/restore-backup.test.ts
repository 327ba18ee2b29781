// The restore use case on its own, with the program's migrations changing between the copy and the restore: an older
// copy is brought up to date after the swap; a copy from a newer program is refused before anything is touched.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { addMigration, programWithMigrations } from '../../../tests/fixtures/migrations';
import { openDatabase, type OpenedDatabase } from '../store/open-database';
import { writeBackup } from './backup-file';
import { restoreBackup, type RestoreDeps } from './restore-backup';

const opened: OpenedDatabase[] = [];
afterEach(() => {
  for (const store of opened.splice(0)) store.close();
});

const at = new Date('2026-12-05T12:00:00Z');

function depsFor(store: OpenedDatabase, folder: string, calls: string[]): RestoreDeps {
  return {
    sqlite: store.sqlite,
    db: store.db,
    clock: () => at,
    migrationsFolder: folder,
    exclusive: (work) => work(),
    services: {
      stop: () => {
        calls.push('stop');
        return Promise.resolve();
      },
      start: () => calls.push('start'),
    },
    resetState: () => {
      calls.push('reset');
      return { droppedSecrets: [] };
    },
    afterRestore: () => {
      calls.push('afterRestore');
      return Promise.resolve();
    },
  };
}

describe('restoreBackup', () => {
  it('brings an older copy up to the program’s migrations, then runs the hook and restarts the queue', async () => {
    const { dir, folder } = programWithMigrations('restore-');
    const path = join(dir, 'sago.sqlite');
    const before = openDatabase({ path, migrationsFolder: folder, checkpointIntervalMs: 0 });
    before.sqlite.prepare("INSERT INTO settings (key, value) VALUES ('from-copy', '1')").run();
    const copy = await writeBackup(before.sqlite, { folder: join(dir, 'backups'), at, reason: 'manual' });
    before.close();
    addMigration(folder, '0099_settings_note', 'ALTER TABLE `settings` ADD `note` text;');
    const store = openDatabase({ path, migrationsFolder: folder, checkpointIntervalMs: 0 });
    opened.push(store);
    store.sqlite.prepare("INSERT INTO settings (key, value, note) VALUES ('after-copy', '2', 'x')").run();
    const calls: string[] = [];
    const result = await restoreBackup(depsFor(store, folder, calls), copy.path, { actor: 'gerente-1' });
    expect(result).toMatchObject({ documentsBefore: 0, documentsAfter: 0, credentialsNeeded: false, warning: null });
    expect(calls).toEqual(['stop', 'reset', 'afterRestore', 'start']);
    expect(
      store.sqlite.prepare("SELECT key, note FROM settings WHERE key IN ('from-copy', 'after-copy')").all(),
    ).toEqual([{ key: 'from-copy', note: null }]);
    const restored = store.sqlite.prepare("SELECT details FROM audit_log WHERE action = 'backup.restored'").get() as {
      details: string;
    };
    expect(JSON.parse(restored.details)).toMatchObject({ file: copy.manifest.file, sha256: copy.manifest.sha256 });
  });

  it('refuses a copy made by a newer program, and touches nothing', async () => {
    const newer = programWithMigrations('restore-');
    addMigration(newer.folder, '0099_settings_note', 'ALTER TABLE `settings` ADD `note` text;');
    const source = openDatabase({
      path: join(newer.dir, 'sago.sqlite'),
      migrationsFolder: newer.folder,
      checkpointIntervalMs: 0,
    });
    opened.push(source);
    const copy = await writeBackup(source.sqlite, { folder: join(newer.dir, 'backups'), at, reason: 'manual' });

    const older = programWithMigrations('restore-');
    const store = openDatabase({
      path: join(older.dir, 'sago.sqlite'),
      migrationsFolder: older.folder,
      checkpointIntervalMs: 0,
    });
    opened.push(store);
    const calls: string[] = [];
    await expect(
      restoreBackup(depsFor(store, older.folder, calls), copy.path, { actor: 'gerente-1' }),
    ).rejects.toMatchObject({ code: 'not_allowed', message: expect.stringContaining('versión más nueva') as unknown });
    expect(calls).toEqual([]);
  });

  it('a failing after-restore hook leaves the data restored, warns and is audited', async () => {
    const { dir, folder } = programWithMigrations('restore-');
    const store = openDatabase({ path: join(dir, 'sago.sqlite'), migrationsFolder: folder, checkpointIntervalMs: 0 });
    opened.push(store);
    const copy = await writeBackup(store.sqlite, { folder: join(dir, 'backups'), at, reason: 'manual' });
    const calls: string[] = [];
    const deps = { ...depsFor(store, folder, calls), afterRestore: () => Promise.reject(new Error('HKA unreachable')) };
    const result = await restoreBackup(deps, copy.path, { actor: 'gerente-1' });
    expect(result.warning).toContain('numeración');
    expect(calls).toEqual(['stop', 'reset', 'start']);
    const restored = store.sqlite.prepare("SELECT details FROM audit_log WHERE action = 'backup.restored'").get() as {
      details: string;
    };
    expect(JSON.parse(restored.details)).toHaveProperty('warning');
  });

  it('refuses a training copy over a real data set (and the reverse), touching nothing', async () => {
    const { dir, folder } = programWithMigrations('restore-');
    const training = openDatabase({
      path: join(dir, 'sago-simulador.sqlite'),
      migrationsFolder: folder,
      checkpointIntervalMs: 0,
    });
    opened.push(training);
    const copy = await writeBackup(training.sqlite, { folder: join(dir, 'backups'), at, reason: 'manual' });
    const real = openDatabase({
      path: join(dir, 'sago-produccion.sqlite'),
      migrationsFolder: folder,
      checkpointIntervalMs: 0,
    });
    opened.push(real);
    real.sqlite
      .prepare("INSERT INTO settings (key, value) VALUES ('hka', ?)")
      .run(JSON.stringify({ environment: 'produccion' }));
    const calls: string[] = [];
    await expect(restoreBackup(depsFor(real, folder, calls), copy.path, { actor: 'gerente-1' })).rejects.toMatchObject({
      code: 'not_allowed',
      message: expect.stringContaining(
        'Esta copia es del ambiente «Simulador (entrenamiento)» y la caja trabaja en «Producción»',
      ) as unknown,
    });
    expect(calls).toEqual([]);
    const realCopy = await writeBackup(real.sqlite, {
      folder: join(dir, 'backups'),
      at: new Date(at.getTime() + 1_000),
      reason: 'manual',
    });
    await expect(
      restoreBackup(depsFor(training, folder, calls), realCopy.path, { actor: 'gerente-1' }),
    ).rejects.toMatchObject({ code: 'not_allowed' });
    expect(calls).toEqual([]);
  });
});
