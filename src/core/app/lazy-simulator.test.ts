// Issue 16: a production (Demo/Producción) start never loads the HKA simulator, nor the pdfkit and qrcode it brings;
// training (Simulador) loads it on demand. The spy is vitest's module mock: its factory runs only when some module
// imports the simulator, so the count is the number of times the module graph reached it. This file must not import
// the simulator (or a fixture that does) itself.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { saveHkaConnection } from '../hka/hka-connection';
import { dataSetPath, writeActiveEnvironment } from '../store/data-sets';
import { openDatabase } from '../store/open-database';
import { SqliteVaultStorage } from '../store/sqlite-vault-storage';
import { KeyFileProtector } from '../vault/key-protector';
import { Vault } from '../vault/vault';
import { createRegisterCore, type RegisterCore } from './register-core';

const loads = vi.hoisted(() => ({ simulator: 0 }));
vi.mock('../hka/simulator', async (importOriginal) => {
  loads.simulator += 1;
  return importOriginal();
});

const dirs: string[] = [];
const cores: RegisterCore[] = [];
afterEach(async () => {
  for (const core of cores.splice(0)) await core.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const quiet = { connectivity: { offlineProbeMs: 60_000, onlineProbeMs: 60_000 }, dailyBackupCheckMs: 0 };

/** A register whose active data set is Demo, pointed at a closed local port (HKA's servers are outside the tests). */
function demoDataDir(): string {
  const dataDir = mkdtempSync(join(tmpdir(), 'sago-lazy-sim-'));
  dirs.push(dataDir);
  const store = openDatabase({ path: dataSetPath(dataDir, 'demo'), checkpointIntervalMs: 0 });
  const vault = new Vault(new SqliteVaultStorage(store.db), new KeyFileProtector(join(dataDir, 'vault.key')));
  saveHkaConnection(
    { db: store.db, vault, clock: () => new Date() },
    { environment: 'demo', endpoint: 'http://127.0.0.1:9/' },
    { actor: 'test' },
  );
  store.close();
  writeActiveEnvironment(dataDir, 'demo');
  return dataDir;
}

describe('the HKA simulator loads only in training', () => {
  it('a Demo start does not load the simulator module; a Simulador start does, once', async () => {
    const demo = await createRegisterCore({
      dataDir: demoDataDir(),
      ...quiet,
      fetchHkaWsdl: () => Promise.reject(new Error('no HKA here')),
    });
    cores.push(demo);
    expect(demo.environment).toBe('demo');
    expect(demo.simulator).toBeUndefined();
    expect(loads.simulator).toBe(0);

    const trainingDir = mkdtempSync(join(tmpdir(), 'sago-lazy-sim-'));
    dirs.push(trainingDir);
    const training = await createRegisterCore({ dataDir: trainingDir, ...quiet });
    cores.push(training);
    expect(training.environment).toBe('simulador');
    expect(training.simulator?.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+/);
    expect(loads.simulator).toBe(1);
  });
});
