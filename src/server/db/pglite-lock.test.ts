import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DataFolderBusyError, lockDataFolder } from './pglite-lock';

const root = mkdtempSync(join(tmpdir(), 'sago-lock-'));
const dataDir = join(root, 'pgdata');
const lockFile = join(root, 'pgdata.lock');

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('lockDataFolder', () => {
  it('writes our pid next to the folder and removes it on release', () => {
    const release = lockDataFolder(dataDir);
    expect(readFileSync(lockFile, 'utf8')).toBe(String(process.pid));
    release();
    expect(existsSync(lockFile)).toBe(false);
  });

  it('refuses a folder locked by another live process', () => {
    writeFileSync(lockFile, String(process.ppid));
    expect(() => lockDataFolder(dataDir)).toThrow(DataFolderBusyError);
    rmSync(lockFile);
  });

  it('takes over a lock left by a process that is gone', () => {
    writeFileSync(lockFile, '2147483646');
    const release = lockDataFolder(dataDir);
    expect(readFileSync(lockFile, 'utf8')).toBe(String(process.pid));
    release();
  });
});
