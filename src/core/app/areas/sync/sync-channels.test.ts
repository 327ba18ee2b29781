// The sync channels of the IPC contract: enrol (token to the vault, never back across the boundary), status for the
// monitoring panel, push now, and a refused code explained in Spanish. The register runs on Demo: training
// (Simulador) never syncs (training-data-set.test.ts). The central API is a recorded stand-in here;
// the real server is exercised in tests/e2e/sync-register.test.ts.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAST_WORKER } from '../../../../../tests/fixtures/register-harness';
import { startHkaSimulator, type HkaSimulator } from '../../../hka/simulator';
import { startStubSyncServer, type StubSyncServer } from '../../../sync/stub-sync-server.fixture';
import { dispatchIpc } from '../../dispatch';
import type { RegisterCore } from '../../register-core';
import { startDemoRegister } from '../../../../../tests/fixtures/demo-register';

const TOKEN = `sgd.${randomUUID()}.device-secret-0123456789abcdef`;
let sim: HkaSimulator;
let server: StubSyncServer;
let core: RegisterCore;
let dir: string;

beforeAll(async () => {
  sim = await startHkaSimulator({});
  server = await startStubSyncServer();
  server.answer = (request) =>
    request.path === '/v1/enrol'
      ? (JSON.parse(request.body) as { code?: string }).code === 'sge.good'
        ? {
            status: 201,
            body: {
              deviceId: randomUUID(),
              orgId: randomUUID(),
              storeId: randomUUID(),
              storeCode: '0000',
              storeName: 'Casa Matriz',
              registerName: 'Caja 1',
              token: TOKEN,
            },
          }
        : { status: 401, body: { error: 'invalid code' } }
      : undefined;
  dir = mkdtempSync(join(tmpdir(), 'sago-sync-'));
  core = await startDemoRegister(sim.endpoint, { dataDir: dir, worker: FAST_WORKER });
});
afterAll(async () => {
  await core.close();
  await server.close();
  await sim.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('sync channels', () => {
  it('refuses an unknown code in Spanish and stays unenrolled', async () => {
    const result = await dispatchIpc(core.ipc, 'sync:enrol', { serverUrl: server.url, code: 'sge.bad' });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid_request', message: expect.stringContaining('no aceptó el código') as unknown },
    });
    const status = await dispatchIpc(core.ipc, 'sync:status', {});
    expect(status).toMatchObject({ ok: true, value: { enrolled: false } });
  });

  it('enrols, pushes the audit trail, and never returns the device token', async () => {
    const enrolled = await dispatchIpc(core.ipc, 'sync:enrol', {
      serverUrl: server.url,
      code: 'sge.good',
      registerName: 'Caja 1',
    });
    expect(enrolled).toMatchObject({ ok: true, value: { storeCode: '0000', registerName: 'Caja 1' } });
    const pushed = await dispatchIpc(core.ipc, 'sync:pushNow', {});
    expect(pushed).toMatchObject({ ok: true, value: { enrolled: true } });
    const batches = server.requests.filter((r) => r.path !== '/v1/enrol');
    expect(batches.length).toBeGreaterThan(0);
    expect(batches[0]?.authorization).toBe(`Bearer ${TOKEN}`);
    const everythingReturned = JSON.stringify([enrolled, pushed, await dispatchIpc(core.ipc, 'sync:status', {})]);
    expect(everythingReturned).not.toContain('device-secret');
    expect(JSON.stringify(batches.map((b) => b.json))).not.toContain('device-secret');
  });
});
