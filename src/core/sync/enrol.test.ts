import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type OpenedDatabase } from '../store/open-database';
import { MemoryKeyProtector } from '../vault/key-protector';
import { MemoryVaultStorage, Vault } from '../vault/vault';
import { checkServerUrl, enrolRegister, forgetEnrolment } from './enrol';
import { deadServerUrl, startStubSyncServer, type StubSyncServer } from './stub-sync-server.fixture';
import { readSyncConnection } from './sync-settings';

const ORG = '6f1c2b3a-4d5e-4f60-8a71-92b3c4d5e6f7';
const TOKEN = `sgd.${ORG}.device-token-handed-out-once-0123456789`;
const CODE = `sge.${ORG}.one-time-enrolment-code-0123`;

let stub: StubSyncServer;
let store: OpenedDatabase;
let vault: Vault;

beforeEach(async () => {
  stub = await startStubSyncServer();
  store = openDatabase({ path: ':memory:' });
  vault = new Vault(new MemoryVaultStorage(), new MemoryKeyProtector());
});

afterEach(async () => {
  store.close();
  await stub.close();
});

const enrolled = {
  deviceId: '0b8e3c8a-2f7d-4e61-9a0e-4f6c1d2b3a59',
  orgId: ORG,
  storeId: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
  storeCode: '0001',
  storeName: 'Casa matriz',
  registerName: 'Caja 1',
  token: TOKEN,
};

describe('checkServerUrl', () => {
  it('accepts https anywhere and http only on this machine or a private network', () => {
    expect(checkServerUrl(' https://sync.example.com/api/ ')).toBe('https://sync.example.com/api');
    for (const ok of [
      'http://127.0.0.1:8787',
      'http://localhost:8787',
      'http://192.168.1.20:8787',
      'http://10.0.0.5',
      'http://caja.local',
    ]) {
      expect(checkServerUrl(ok)).toBeDefined();
    }
    for (const bad of [
      'http://sync.example.com',
      'ftp://x',
      'nonsense',
      'https://u:p@x.com',
      'https://x.com/?a=1',
      'http://172.32.0.1',
    ]) {
      expect(checkServerUrl(bad)).toBeUndefined();
    }
  });
});

describe('enrolRegister', () => {
  it('stores the token in the vault only, the connection in the settings, and audits without secrets', async () => {
    stub.answer = () => ({ status: 201, body: enrolled });
    const outcome = await enrolRegister(
      { db: store.db, vault },
      { serverUrl: `${stub.url}/`, code: ` ${CODE} `, registerName: 'Caja 1' },
      { actor: 'gerente' },
    );
    expect(outcome).toEqual({
      ok: true,
      deviceId: enrolled.deviceId,
      storeCode: '0001',
      storeName: 'Casa matriz',
      registerName: 'Caja 1',
    });
    expect(stub.requests[0]?.json).toEqual({ code: CODE, registerName: 'Caja 1' });
    expect(readSyncConnection(store.db)).toMatchObject({
      serverUrl: stub.url,
      deviceId: enrolled.deviceId,
      storeCode: '0001',
    });
    expect(await vault.withSecrets(['sync.deviceToken'], (s) => Promise.resolve(s['sync.deviceToken']))).toBe(TOKEN);
    const plainRows = store.sqlite
      .prepare(
        `select key || value as t from settings union all select action || details from audit_log
      union all select payload from sync_outbox`,
      )
      .all() as { t: string }[];
    const everything = plainRows.map((r) => r.t).join('\n');
    expect(everything).toContain('sync.enrolled');
    expect(everything).not.toContain(TOKEN);
    expect(everything).not.toContain(CODE);
  });

  it('explains a refused code, a dead server and a bad URL without storing anything', async () => {
    stub.answer = () => ({ status: 401, body: { error: 'invalid_code', message: 'x' } });
    expect(
      await enrolRegister({ db: store.db, vault }, { serverUrl: stub.url, code: CODE }, { actor: 'gerente' }),
    ).toMatchObject({ ok: false, error: 'invalid_code' });
    stub.answer = () => ({ status: 429, body: {} });
    expect(
      await enrolRegister({ db: store.db, vault }, { serverUrl: stub.url, code: CODE }, { actor: 'gerente' }),
    ).toMatchObject({ ok: false, error: 'rate_limited' });
    expect(
      await enrolRegister(
        { db: store.db, vault },
        { serverUrl: await deadServerUrl(), code: CODE },
        { actor: 'gerente' },
      ),
    ).toMatchObject({ ok: false, error: 'unreachable' });
    expect(
      await enrolRegister(
        { db: store.db, vault },
        { serverUrl: 'http://sync.example.com', code: CODE },
        { actor: 'gerente' },
      ),
    ).toMatchObject({ ok: false, error: 'invalid_url' });
    expect(
      await enrolRegister({ db: store.db, vault }, { serverUrl: stub.url, code: '  ' }, { actor: 'gerente' }),
    ).toMatchObject({ ok: false, error: 'invalid_code' });
    expect(readSyncConnection(store.db)).toBeUndefined();
    expect(vault.describe('sync.deviceToken').configured).toBe(false);
  });

  it('forgets an enrolment', async () => {
    stub.answer = () => ({ status: 201, body: enrolled });
    await enrolRegister({ db: store.db, vault }, { serverUrl: stub.url, code: CODE }, { actor: 'gerente' });
    forgetEnrolment({ db: store.db, vault }, { actor: 'gerente' }, new Date());
    expect(readSyncConnection(store.db)).toBeUndefined();
    expect(vault.describe('sync.deviceToken').configured).toBe(false);
  });
});
