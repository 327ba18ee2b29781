import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openFileLog } from './file-log';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const newDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'sago-logs-'));
  dirs.push(dir);
  return dir;
};
const quiet = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };

describe('the desktop log file', () => {
  it('writes JSON lines to one file per day and mirrors them to the console', () => {
    const dir = newDir();
    let now = new Date('2026-11-28T15:00:00Z');
    const log = openFileLog(dir, { clock: () => now, console: quiet });
    log.info('Register started', { environment: 'simulador' });
    log.warn('HKA unreachable');
    now = new Date('2026-11-29T01:00:00Z');
    log.error('Sync failed', { status: 503 });
    expect(readdirSync(dir).sort()).toEqual(['sago-2026-11-28.log', 'sago-2026-11-29.log']);
    const first = readFileSync(join(dir, 'sago-2026-11-28.log'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as unknown);
    expect(first).toEqual([
      {
        at: '2026-11-28T15:00:00.000Z',
        level: 'info',
        message: 'Register started',
        meta: { environment: 'simulador' },
      },
      { at: '2026-11-28T15:00:00.000Z', level: 'warn', message: 'HKA unreachable' },
    ]);
    expect(quiet.error).toHaveBeenCalledWith('Sync failed', { status: 503 });
  });

  it('keeps 14 days of files and leaves anything else in the folder alone', () => {
    const dir = newDir();
    for (const name of ['sago-2026-11-13.log', 'sago-2026-11-14.log', 'sago-2026-11-27.log', 'notes.txt'])
      writeFileSync(join(dir, name), 'x');
    openFileLog(dir, { clock: () => new Date('2026-11-28T12:00:00Z'), console: quiet });
    expect(readdirSync(dir).sort()).toEqual(['notes.txt', 'sago-2026-11-14.log', 'sago-2026-11-27.log']);
  });

  it('still answers (on the console) when the file cannot be written', () => {
    const dir = newDir();
    const log = openFileLog(dir, { clock: () => new Date('2026-11-28T12:00:00Z'), console: quiet });
    rmSync(dir, { recursive: true, force: true });
    writeFileSync(dir, 'not a folder'); // the log folder became a file: appending fails
    expect(() => log.info('Sale captured')).not.toThrow();
    expect(quiet.error).toHaveBeenCalledWith(
      'Could not write the log file',
      expect.objectContaining({ error: expect.any(String) as unknown }),
    );
  });
});
