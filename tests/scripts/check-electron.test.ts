// `npm start`'s first step: a machine without a runnable Electron binary gets one clear line (and the browser
// alternative) in seconds instead of a long native build ending in a stack trace.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { electronProblem as check } from '../../scripts/check-electron.mjs';
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A node_modules/electron folder with, optionally, a "binary" (a shell script) behind path.txt. */
function electronFolder(binary?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'sago-electron-check-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'package.json'), '{"name":"electron","version":"45.5.0"}');
  if (binary !== undefined) {
    writeFileSync(join(dir, 'path.txt'), 'electron');
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'dist/electron'), binary);
    chmodSync(join(dir, 'dist/electron'), 0o755);
  }
  return dir;
}

describe('npm start preflight (scripts/check-electron.mjs)', () => {
  it('names a missing package, a binary never downloaded, and one that cannot run', () => {
    expect(check(join(tmpdir(), 'no-such-electron-folder'))).toMatch(/not installed \(run npm ci\)/);
    expect(check(electronFolder())).toMatch(/binary was not downloaded .*Node >= 22\.12/);
    expect(check(electronFolder('#!/bin/sh\necho "libnss3.so: cannot open shared object file" >&2\nexit 127\n'))).toBe(
      "Electron's binary cannot run on this machine (libnss3.so: cannot open shared object file)",
    );
  });

  it('says nothing when the binary answers', () => {
    expect(check(electronFolder('#!/bin/sh\necho v45.5.0\n'))).toBeUndefined();
  });

  it('stops npm start on this machine (no Electron binary here) with one line pointing to npm run start:web', () => {
    const run = spawnSync(process.execPath, ['scripts/check-electron.mjs'], { encoding: 'utf8' });
    if (check(join(process.cwd(), 'node_modules/electron')) === undefined) return; // a machine with Electron: nothing to stop
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^Cannot start the desktop app: .*npm run start:web$/m);
  });
});
