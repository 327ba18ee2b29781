import { describe, expect, it } from 'vitest';
import { PreMigrationCopyNotVerified } from '../core/store/open-database';
import { startupFailureNotice } from './startup-failure';

const notVerified = new PreMigrationCopyNotVerified(
  '/data/register.sqlite',
  '/data/backups/register-2026-12-06-migration.sqlite',
  'quick_check: page 12 is never used',
);

describe('startupFailureNotice', () => {
  it('an unverified pre-migration copy: Spanish by default, says nothing changed and where the copy and the log are', () => {
    const notice = startupFailureNotice(notVerified, '/data/logs');
    expect(notice.title).toBe('SAGO-FACTU no pudo iniciar');
    expect(notice.body).toContain('no se actualizó nada');
    expect(notice.body).toContain('/data/backups/register-2026-12-06-migration.sqlite');
    expect(notice.body).toContain('/data/logs');
    // The technical reason is for the log, not the manager's box.
    expect(notice.body).not.toContain('page 12');
  });

  it('in English when the UI is in English', () => {
    const notice = startupFailureNotice(notVerified, '/data/logs', 'en');
    expect(notice.title).toBe('SAGO-FACTU could not start');
    expect(notice.body).toContain('nothing was updated');
  });

  it('any other failure: a general text that promises nothing about the data, and the log folder', () => {
    const notice = startupFailureNotice(new Error('SQLITE_CORRUPT: database disk image is malformed'), '/data/logs');
    expect(notice.body).not.toContain('no se actualizó nada');
    expect(notice.body).not.toContain('SQLITE_CORRUPT');
    expect(notice.body).toContain('/data/logs');
    expect(startupFailureNotice('a thrown string', '/data/logs').title).toBe('SAGO-FACTU no pudo iniciar');
  });
});
