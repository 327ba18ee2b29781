import { describe, expect, it } from 'vitest';
import { backupSettingsFrom, formatSize } from './backups-view';

describe('backups view', () => {
  it('says sizes as a person does', () => {
    expect(formatSize(512, 'es-PA')).toBe('512 B');
    expect(formatSize(2048, 'es-PA')).toBe('2 KB');
    expect(formatSize(5.5 * 1024 * 1024, 'en')).toBe('5.5 MB');
  });

  it('turns the form into settings: an empty folder is the local copy only; a bad count is refused', () => {
    expect(backupSettingsFrom('  ', '10')).toEqual({ folder: null, keep: 10 });
    expect(backupSettingsFrom(' /media/usb ', ' 3 ')).toEqual({ folder: '/media/usb', keep: 3 });
    expect(backupSettingsFrom('/media/usb', 'diez')).toBeNull();
  });
});
