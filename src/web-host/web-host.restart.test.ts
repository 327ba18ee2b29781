// app:restart in the web host: the core restarts in place onto the configured environment's data set (the old one
// drains and closes), calls made meanwhile never meet a closed database, and a core that cannot start again answers every
// call 503 with the reason instead of serving a closed database.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, afterAll, describe, expect, it } from 'vitest';
import { waitFor } from '../../tests/fixtures/register-harness';
import { approvalFor, asGerente, ipcOk } from '../../tests/fixtures/register-users';
import { DEMO_ACCOUNT, startHkaSimulator, type HkaSimulator } from '../core/hka/simulator';
import { startWebHost, type WebHost } from './web-host';
import { fakeRendererDir, rawRequest } from './web-host.fixture';

let sim: HkaSimulator;
const dirs: string[] = [];
const hosts: WebHost[] = [];
beforeAll(async () => {
  sim = await startHkaSimulator({});
});
afterEach(async () => {
  for (const host of hosts.splice(0)) await host.close();
});
afterAll(async () => {
  await sim.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

async function startHost(): Promise<{ host: WebHost; dataDir: string }> {
  const rendererDir = fakeRendererDir();
  const dataDir = mkdtempSync(join(tmpdir(), 'sago-web-restart-'));
  dirs.push(rendererDir, dataDir);
  const host = await startWebHost({ dataDir, rendererDir, simulatorEndpoint: sim.endpoint });
  hosts.push(host);
  await asGerente(host.core.ipc);
  return { host, dataDir };
}

const call = (host: WebHost, channel: string, body: unknown) => {
  const origin = new URL(host.url).origin;
  return rawRequest(`${origin}/ipc/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-sago-token': host.token, origin },
    body: JSON.stringify(body),
  });
};

describe('web host restart', () => {
  it('restarts its core onto the environment saved in the settings; calls made meanwhile are answered', async () => {
    const { host } = await startHost();
    const training = host.core;
    await ipcOk(training.ipc, 'settings:saveHka', {
      environment: 'demo',
      endpoint: sim.endpoint,
      tokenEmpresa: DEMO_ACCOUNT.tokenEmpresa,
      tokenPassword: DEMO_ACCOUNT.tokenPassword,
    });
    const answer = await call(host, 'app:restart', { approval: await approvalFor(training.ipc, 'app:restart') });
    expect(JSON.parse(answer.body)).toEqual({ ok: true, value: { via: 'relaunch' } });
    // Calls keep coming while the old core drains and the new one opens: none meets a closed database.
    const answers: { status: number; body: string }[] = [];
    while (host.core === training) answers.push(await call(host, 'app:status', {}));
    for (const a of answers) expect(JSON.parse(a.body)).toMatchObject({ ok: true });
    expect(training.store.sqlite.open).toBe(false);
    expect(host.core.environment).toBe('demo');
    expect(JSON.parse((await call(host, 'app:status', {})).body)).toMatchObject({
      ok: true,
      value: { trainingMode: false },
    });
  });

  it('a core that cannot start again answers 503 with the reason, and the host still closes', async () => {
    const { host, dataDir } = await startHost();
    const before = host.core;
    writeFileSync(join(dataDir, 'environment.json'), '{broken');
    await call(host, 'app:restart', { approval: await approvalFor(before.ipc, 'app:restart') });
    await waitFor(() => !before.store.sqlite.open, 15_000, 'the old core closed');
    let answer = await call(host, 'app:status', {});
    for (let i = 0; i < 50 && answer.status !== 503; i++) answer = await call(host, 'app:status', {});
    expect(answer.status).toBe(503);
    expect(answer.body).toContain('environment.json is not valid JSON');
  });
});
