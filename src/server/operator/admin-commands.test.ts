// Setting a chain up from the command line against a running server (real PostgreSQL, real HTTP): organisation,
// store, enrolment code, a register enrolled with it, webhook, alerts, revocation; and every refusal printed with its
// reason, writing nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startSyncTestServer, type SyncTestServer } from '../../../tests/fixtures/pg-test-db';
import { runCli, type CliIo } from '../cli';

let kit: SyncTestServer;
let env: Record<string, string | undefined>;

async function cli(...argv: string[]): Promise<{ code: number; text: string }> {
  const lines: string[] = [];
  const io: CliIo = { out: (l) => void lines.push(l), err: (l) => void lines.push(l), onSignal: () => undefined };
  const code = await runCli(argv, env, io);
  return { code, text: lines.join('\n') };
}

beforeAll(async () => {
  kit = await startSyncTestServer();
  const db = kit.database;
  env = {
    DATABASE_URL: db.url,
    SAGO_DB_APP_ROLE: db.appRole,
    SAGO_DB_APP_PASSWORD: db.config.appPassword,
    SAGO_SERVER_URL: kit.url,
  };
});

afterAll(async () => {
  await kit?.close();
});

describe('head-office commands', () => {
  it('sets up a chain end to end without curl', async () => {
    const org = await cli('create-org', 'Cadena CLI');
    expect(org.code).toBe(0);
    env['SAGO_ADMIN_KEY'] = /admin key \(shown once, keep it safe\): (\S+)/.exec(org.text)?.[1];

    const store = await cli('create-store', '0007', 'Tienda David');
    expect(store).toMatchObject({ code: 0, text: expect.stringMatching(/^store \S+ 0007 Tienda David$/) as unknown });
    expect((await cli('list-stores')).text).toContain('0007  Tienda David');

    const enrol = await cli('enrolment-code', '0007', 'Caja 1', '2');
    expect(enrol.code).toBe(0);
    const code = /: (sge\.\S+)$/.exec(enrol.text)?.[1];
    const register = await api<{ deviceId: string; storeCode: string }>(kit.url, '/v1/enrol', { body: { code } });
    expect(register).toMatchObject({ status: 201, body: { storeCode: '0007' } });
    expect((await cli('list-registers')).text).toContain(`${register.body.deviceId}  Caja 1`);

    const hook = await cli('set-webhook', 'https://hooks.example.test/sago');
    expect(hook.text).toMatch(/signing secret \(shown once, give it to the receiver\): whsec_[A-Za-z0-9_-]{43}$/);
    const settings = await api(kit.url, '/v1/admin/alert-settings', { bearer: env['SAGO_ADMIN_KEY']! });
    expect(settings.body).toEqual({
      silentAfterMinutes: 30,
      webhook: { url: 'https://hooks.example.test/sago', secretSet: true },
    });
    expect(await cli('set-silent-minutes', '45')).toEqual({
      code: 0,
      text: 'a register is flagged silent after 45 minutes',
    });
    expect(await cli('alerts')).toEqual({ code: 0, text: 'no open alerts' });
    expect(await cli('remove-webhook')).toEqual({ code: 0, text: 'webhook removed' });

    expect((await cli('revoke-register', register.body.deviceId)).code).toBe(0);
    expect((await cli('list-registers')).text).toContain('revoked');
  });

  it('prints why a command was refused, and writes nothing', async () => {
    const stores = async () => (await kit.superQuery<{ n: number }>('select count(*)::int as n from stores'))[0]?.n;
    const before = await stores();
    expect(await cli('create-store', '7', 'Tienda')).toEqual({
      code: 1,
      text: 'The server refused (HTTP 400): Invalid store (code: must be the 4-character DGI branch code)',
    });
    expect(await cli('create-store', '0007', 'Otra vez')).toMatchObject({
      code: 1,
      text: expect.stringContaining('HTTP 409') as unknown,
    });
    expect(await cli('enrolment-code', '9999', 'Caja')).toEqual({
      code: 1,
      text: 'No store with code 9999 (list-stores shows them)',
    });
    expect(await cli('enrolment-code', '0007', 'Caja', 'pronto')).toEqual({
      code: 1,
      text: 'hours must be a whole number',
    });
    expect(await cli('create-store')).toEqual({ code: 1, text: 'usage: create-store <code> "<name>"' });
    expect(await stores()).toBe(before);
    const key = env['SAGO_ADMIN_KEY'];
    try {
      env['SAGO_ADMIN_KEY'] = undefined;
      expect((await cli('list-stores')).text).toMatch(/^Set SAGO_ADMIN_KEY/);
      env['SAGO_ADMIN_KEY'] = 'sga.nonsense';
      expect((await cli('list-stores')).text).toMatch(/^The server refused \(HTTP 401\)/);
      env['SAGO_ADMIN_KEY'] = key;
      env['SAGO_SERVER_URL'] = 'http://127.0.0.1:9';
      expect(await cli('list-stores')).toEqual({
        code: 1,
        text: 'No server answers at http://127.0.0.1:9 (set SAGO_SERVER_URL)',
      });
    } finally {
      env['SAGO_ADMIN_KEY'] = key;
      env['SAGO_SERVER_URL'] = kit.url;
    }
  });
});
