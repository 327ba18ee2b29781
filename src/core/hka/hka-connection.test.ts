// HKA connection settings: write-only tokens, verification gate for Demo/Producción, audit without secrets, and a
// scan of every stored byte and read API for the token values.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureSale } from '../sales/capture-sale';
import { openDatabase } from '../store/open-database';
import { DEFAULT_ISSUER_SETTINGS } from '../store/settings-repo';
import { SqliteVaultStorage } from '../store/sqlite-vault-storage';
import { KeyFileProtector } from '../vault/key-protector';
import { Vault } from '../vault/vault';
import { SALE } from '../../../tests/fixtures/register-harness';
import { createHkaClient, type HkaClient } from './client/hka-client';
import {
  invoicingGate,
  saveHkaConnection,
  testHkaConnection,
  viewHkaConnection,
  withHkaCredentials,
} from './hka-connection';
import { DEMO_ACCOUNT, startHkaSimulator, type HkaSimulator } from './simulator';

let sim: HkaSimulator;
let client: HkaClient;
beforeAll(async () => {
  sim = await startHkaSimulator({});
  client = await createHkaClient({ environment: 'demo', endpoint: sim.endpoint, responseTimeoutMs: 2_000 });
});
afterAll(() => sim.close());

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'hka-conn-'));
  const path = join(dir, 'register.sqlite');
  const store = openDatabase({ path, checkpointIntervalMs: 0 });
  const vault = new Vault(new SqliteVaultStorage(store.db), new KeyFileProtector(join(dir, 'vault.key')));
  const deps = { db: store.db, vault, clock: () => new Date() };
  const capture = () =>
    captureSale(
      {
        db: store.db,
        issuer: DEFAULT_ISSUER_SETTINGS,
        emissionMode: () => ({ tipoEmision: '01' }),
        clock: () => new Date(),
        actor: 'cajero-1',
        invoicingAllowed: () => invoicingGate(deps),
      },
      SALE,
    );
  return { store, path, deps, capture };
}

describe('HKA connection', () => {
  it('works out of the box in Simulador with the demo account', async () => {
    const { deps, capture } = setup();
    expect(invoicingGate(deps)).toEqual({ ok: true });
    expect(capture().ok).toBe(true);
    expect(await withHkaCredentials(deps, (c) => Promise.resolve(c.tokenEmpresa))).toBe(DEMO_ACCOUNT.tokenEmpresa);
  });

  it('refuses invoicing in Demo until "Probar conexión" succeeds with the stored tokens, and again after a change', async () => {
    const { deps, capture } = setup();
    saveHkaConnection(
      deps,
      { environment: 'demo', tokenEmpresa: DEMO_ACCOUNT.tokenEmpresa, tokenPassword: DEMO_ACCOUNT.tokenPassword },
      { actor: 'gerente-1' },
    );
    const refused = capture();
    expect(refused.ok ? [] : refused.violations.map((v) => [v.rule, v.message.includes('Probar conexión')])).toEqual([
      ['hka_not_verified', true],
    ]);
    expect((await testHkaConnection(deps, client, { actor: 'gerente-1' })).kind).toBe('ok');
    expect(capture().ok).toBe(true);
    saveHkaConnection(deps, { environment: 'demo', tokenPassword: DEMO_ACCOUNT.tokenPassword }, { actor: 'gerente-1' });
    expect(invoicingGate(deps).ok).toBe(false);
  });

  it('stays refused when the test fails (wrong tokens)', async () => {
    const { deps } = setup();
    saveHkaConnection(
      deps,
      { environment: 'demo', tokenEmpresa: 'wrong-empresa-token', tokenPassword: 'wrong-password' },
      { actor: 'gerente-1' },
    );
    expect((await testHkaConnection(deps, client, { actor: 'gerente-1' })).kind).toBe('rejected');
    expect(invoicingGate(deps).ok).toBe(false);
  });

  it('never lets a token reach a read API, the audit trail, the sync outbox or the database file in clear', async () => {
    const { store, path, deps } = setup();
    const tokenEmpresa = 'tok-EMPRESA-very-secret-1234';
    const tokenPassword = 'tok-PASSWORD-very-secret-5678';
    saveHkaConnection(deps, { environment: 'demo', tokenEmpresa, tokenPassword }, { actor: 'gerente-1' });
    await testHkaConnection(deps, client, { actor: 'gerente-1' });
    const view = viewHkaConnection(deps);
    expect(view.tokenEmpresa).toEqual({ configured: true, lastFour: '1234' });
    const stored = [
      JSON.stringify(view),
      JSON.stringify(store.sqlite.prepare('SELECT * FROM audit_log').all()),
      JSON.stringify(store.sqlite.prepare('SELECT * FROM sync_outbox').all()),
      JSON.stringify(store.sqlite.prepare('SELECT * FROM settings').all()),
    ].join('\n');
    const audit = store.sqlite
      .prepare("SELECT details FROM audit_log WHERE action = 'settings.hka_changed'")
      .pluck()
      .get() as string;
    expect(JSON.parse(audit)).toMatchObject({ tokenEmpresa: 'changed', tokenPassword: 'changed' });
    store.checkpoint();
    const fileBytes = readFileSync(path).toString('latin1') + readFileSync(`${path}-wal`).toString('latin1');
    store.close();
    for (const secret of [tokenEmpresa, tokenPassword]) {
      expect(stored).not.toContain(secret);
      expect(stored).not.toContain(secret.slice(0, -4));
      expect(fileBytes).not.toContain(secret.slice(0, 12));
    }
  });
});
