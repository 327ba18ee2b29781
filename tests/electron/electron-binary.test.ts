import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findElectronBinary } from './electron-binary';

const root = mkdtempSync(join(tmpdir(), 'sago-electron-pkg-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('findElectronBinary', () => {
  it('finds nothing when the package has no downloaded binary (as on this machine)', () => {
    mkdirSync(join(root, 'node_modules/electron'), { recursive: true });
    expect(findElectronBinary(root, {})).toBeUndefined();
    writeFileSync(join(root, 'node_modules/electron/path.txt'), 'electron');
    expect(findElectronBinary(root, {})).toBeUndefined(); // path.txt without dist/
  });

  it('finds dist/<path.txt>, or the override folder', () => {
    mkdirSync(join(root, 'node_modules/electron/dist'), { recursive: true });
    writeFileSync(join(root, 'node_modules/electron/dist/electron'), '');
    expect(findElectronBinary(root, {})).toBe(join(root, 'node_modules/electron/dist/electron'));
    const override = mkdtempSync(join(tmpdir(), 'sago-electron-dist-'));
    writeFileSync(join(override, 'electron'), '');
    expect(findElectronBinary(root, { ELECTRON_OVERRIDE_DIST_PATH: override })).toBe(join(override, 'electron'));
    rmSync(override, { recursive: true, force: true });
  });
});
