// The service's timing and its words: the day's copy is taken once per Panamá day (clock injected), and a failure
// the OS reports (disk full, no permission, folder gone) reaches the manager in Spanish.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type OpenedDatabase } from '../store/open-database';
import { BackupService, spanishFailure } from './backup-service';

const opened: OpenedDatabase[] = [];
afterEach(() => {
  for (const store of opened.splice(0)) store.close();
});

describe('BackupService', () => {
  it('takes the daily copy once per Panamá day', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'backup-service-'));
    const store = openDatabase({ path: join(dataDir, 'sago.sqlite'), checkpointIntervalMs: 0 });
    opened.push(store);
    let now = new Date('2026-12-05T04:30:00Z'); // 23:30 on 4 December in Panamá
    const service = new BackupService({ sqlite: store.sqlite, db: store.db, dataDir, clock: () => now });
    expect((await service.dailyIfDue())?.[0]).toMatchObject({ location: 'local', ok: true });
    now = new Date('2026-12-05T04:50:00Z'); // same Panamá day
    expect(await service.dailyIfDue()).toBeUndefined();
    now = new Date('2026-12-05T05:10:00Z'); // 00:10 on 5 December in Panamá: a new day
    expect((await service.dailyIfDue())?.[0]?.ok).toBe(true);
    expect(service.view().backups.map((b) => b.reason)).toEqual(['daily', 'daily']);
    const audited = store.sqlite
      .prepare("SELECT actor, details FROM audit_log WHERE action = 'backup.created'")
      .all() as { actor: string; details: string }[];
    expect(audited).toHaveLength(2);
    expect(audited[0]?.actor).toBe('sistema:copias');
  });

  it('says what went wrong in Spanish', () => {
    const failure = (code: string) => Object.assign(new Error(code), { code });
    expect(spanishFailure(failure('ENOSPC'), 'E:\\Copias')).toBe('No hay espacio libre en E:\\Copias');
    expect(spanishFailure(new Error('SqliteError: database or disk is full'), '/media/usb')).toBe(
      'No hay espacio libre en /media/usb',
    );
    expect(spanishFailure(failure('EACCES'), '/media/usb')).toBe('No se puede escribir en la carpeta /media/usb');
    expect(spanishFailure(failure('EROFS'), '/media/usb')).toBe('No se puede escribir en la carpeta /media/usb');
    expect(spanishFailure(new TypeError('Cannot save backup because the directory does not exist'), '/media/usb')).toBe(
      'La carpeta /media/usb no existe o no está conectada',
    );
    expect(spanishFailure(new Error('boom'), '/media/usb')).toBe('No se pudo escribir la copia en /media/usb');
  });
});
