// What a switch of environment carries over and what it never does: a new data set starts from the store's users,
// catalogue, customers and settings; the training data set follows the real store at every switch into it; a real
// data set that exists is never overwritten from training; fiscal state (documents, numbers, queue, audit, HKA
// settings, tokens) never moves. And a data set's HKA settings always name its own environment.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readHkaSettings, saveHkaConnection, pinHkaEnvironment } from '../hka/hka-connection';
import type { HkaEnvironment } from '../hka/contract';
import { dataSetPath, readActiveEnvironment } from '../store/data-sets';
import { openDatabase, type OpenedDatabase } from '../store/open-database';
import { SqliteVaultStorage } from '../store/sqlite-vault-storage';
import { MemoryKeyProtector } from '../vault/key-protector';
import { Vault } from '../vault/vault';
import { DataSetSwitch } from './data-set-switch';

const clock = () => new Date('2026-12-05T12:00:00Z');
const protector = new MemoryKeyProtector();
const GERENTE = { actor: 'u-gerente' };
const opened: OpenedDatabase[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const store of opened.splice(0)) store.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function open(dir: string, environment: HkaEnvironment): OpenedDatabase {
  const store = openDatabase({ path: dataSetPath(dir, environment), clock, checkpointIntervalMs: 0 });
  opened.push(store);
  return store;
}

function switchFor(dir: string, running: OpenedDatabase, environment: HkaEnvironment): DataSetSwitch {
  const vault = new Vault(new SqliteVaultStorage(running.db), protector);
  return new DataSetSwitch({
    dataDir: dir,
    clock,
    running: { environment, db: running.db, vault },
    open: (target) => openDatabase({ path: dataSetPath(dir, target), clock, checkpointIntervalMs: 0 }),
    vaultFor: (db) => new Vault(new SqliteVaultStorage(db), protector),
  });
}

const addProduct = (store: OpenedDatabase, codigo: string, precio: string) =>
  store.sqlite
    .prepare(
      "INSERT INTO products (id, codigo, descripcion, unidad, precio, tasa_itbms) VALUES (?, ?, 'Producto', 'und', ?, '01')",
    )
    .run(`p-${codigo}`, codigo, precio);
const priceOf = (store: OpenedDatabase, codigo: string) =>
  store.sqlite.prepare('SELECT precio FROM products WHERE codigo = ?').pluck().get(codigo);
const rows = (store: OpenedDatabase, table: string) =>
  store.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sago-switch-'));
  dirs.push(dir);
  return dir;
}

describe('switching environment', () => {
  it('a new data set starts from the store set up in training, without its documents, numbers, audit or tokens', () => {
    const dir = tempDir();
    const trainingStore = open(dir, 'simulador');
    addProduct(trainingStore, 'P1', '1.25');
    trainingStore.sqlite
      .prepare('INSERT INTO settings (key, value) VALUES (\'receipt\', \'{"footer":"Gracias"}\')')
      .run();
    trainingStore.sqlite
      .prepare(
        "INSERT INTO fiscal_series (codigo_sucursal, punto_facturacion, tipo_documento, last_number) VALUES ('0000', '001', '01', 42)",
      )
      .run();
    const vault = new Vault(new SqliteVaultStorage(trainingStore.db), protector);
    vault.setSecret('hka.tokenEmpresa', 'token-de-entrenamiento');

    switchFor(dir, trainingStore, 'simulador').switchTo('produccion', GERENTE);
    expect(readActiveEnvironment(dir)).toBe('produccion');
    const real = open(dir, 'produccion');
    expect(priceOf(real, 'P1')).toBe('1.25');
    expect(real.sqlite.prepare("SELECT value FROM settings WHERE key = 'receipt'").pluck().get()).toContain('Gracias');
    expect(rows(real, 'fiscal_series')).toBe(0);
    expect(rows(real, 'documents')).toBe(0);
    expect(rows(real, 'secrets')).toBe(0);
    const actions = real.sqlite.prepare('SELECT action FROM audit_log').pluck().all();
    expect(actions).toEqual(['settings.data_set_opened']);
    expect(
      trainingStore.sqlite
        .prepare("SELECT action FROM audit_log WHERE action = 'settings.environment_switched'")
        .pluck()
        .all(),
    ).toHaveLength(1);
  });

  it('training follows the real catalogue at every switch into it; training edits never reach the real data set', () => {
    const dir = tempDir();
    const trainingStore = open(dir, 'simulador');
    addProduct(trainingStore, 'P1', '1.25');
    switchFor(dir, trainingStore, 'simulador').switchTo('demo', GERENTE);

    // Running on Demo, the manager changes a price; switching to training takes it along.
    const real = open(dir, 'demo');
    real.sqlite.prepare("UPDATE products SET precio = '1.50' WHERE codigo = 'P1'").run();
    switchFor(dir, real, 'demo').switchTo('simulador', GERENTE);
    expect(priceOf(trainingStore, 'P1')).toBe('1.50');

    // A trainee changes it in training; going back to Demo leaves Demo's price alone.
    trainingStore.sqlite.prepare("UPDATE products SET precio = '0.01' WHERE codigo = 'P1'").run();
    switchFor(dir, trainingStore, 'simulador').switchTo('demo', GERENTE);
    expect(priceOf(real, 'P1')).toBe('1.50');
  });

  it("the tokens typed for Demo are kept in Demo's data set; a switch back to the running environment copies nothing", async () => {
    const dir = tempDir();
    const trainingStore = open(dir, 'simulador');
    const dataSets = switchFor(dir, trainingStore, 'simulador');
    dataSets.switchTo('demo', GERENTE);
    await dataSets.withConfigured((ds) =>
      saveHkaConnection(
        { db: ds.db, vault: ds.vault, clock },
        {
          environment: 'demo',
          tokenEmpresa: 'empresa-demo-1234',
          tokenPassword: 'clave-demo-5678',
        },
        GERENTE,
      ),
    );
    expect(rows(trainingStore, 'secrets')).toBe(0);
    const demo = open(dir, 'demo');
    expect(rows(demo, 'secrets')).toBeGreaterThanOrEqual(2);
    expect(readHkaSettings(demo.db).environment).toBe('demo');

    dataSets.switchTo('simulador', GERENTE); // changed their mind before restarting
    expect(readActiveEnvironment(dir)).toBe('simulador');
    expect(dataSets.configured()).toBe('simulador');
  });

  it('a data set whose HKA settings name another environment is pinned to its own (audited)', () => {
    const dir = tempDir();
    const trainingStore = open(dir, 'simulador');
    trainingStore.sqlite
      .prepare("INSERT INTO settings (key, value) VALUES ('hka', ?)")
      .run(JSON.stringify({ environment: 'produccion' }));
    pinHkaEnvironment(trainingStore.db, 'simulador', clock());
    expect(readHkaSettings(trainingStore.db)).toEqual({ environment: 'simulador' });
    expect(
      trainingStore.sqlite
        .prepare('SELECT details FROM audit_log WHERE action = ?')
        .pluck()
        .get('settings.hka_environment_pinned'),
    ).toContain('"before":"produccion"');
  });
});
