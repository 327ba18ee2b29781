// The loopback bridge: same parsing and results as IPC, the token and origin checks, the event stream, the served
// renderer with the shim injected, and a close that releases everything.
import { mkdtempSync, rmSync } from 'node:fs';
import { get, type IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../../tests/fixtures/register-harness';
import { DEMO_ACCOUNT, startHkaSimulator, type HkaSimulator } from '../core/hka/simulator';
import { RENDERER_CSP } from '../core/app/renderer-csp';
import { startWebHost, type WebHost } from './web-host';
import { fakeRendererDir, rawRequest } from './web-host.fixture';
import { seedUsers } from '../../tests/fixtures/register-users';

const SALE = {
  tipoDocumento: '01',
  cliente: { tipoClienteFE: '02', pais: 'PA' },
  tiempoPago: '1',
  items: [{ codigo: 'P001', descripcion: 'Arroz blanco 5 lb', cantidad: '1', precioUnitario: '3.25', tasaItbms: '00' }],
  pagos: [{ formaPagoFact: '02', valorCuotaPagada: '5.00' }],
};

let sim: HkaSimulator;
let host: WebHost;
let origin: string;
const dirs: string[] = [];

beforeAll(async () => {
  sim = await startHkaSimulator({});
  const rendererDir = fakeRendererDir();
  const dataDir = mkdtempSync(join(tmpdir(), 'sago-web-'));
  dirs.push(rendererDir, dataDir);
  host = await startWebHost({ dataDir, rendererDir, simulatorEndpoint: sim.endpoint });
  await seedUsers(host.core.ipc, 'cajero'); // the till as a cashier leaves it: signed in
  origin = new URL(host.url).origin;
});
afterAll(async () => {
  await host.close();
  await sim.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function ipc(channel: string, body: unknown, headers: Record<string, string> = {}) {
  return rawRequest(`${origin}/ipc/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-sago-token': host.token, origin, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

const documents = () =>
  (host.core.store.sqlite.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n;

describe('web host', () => {
  it('listens on 127.0.0.1 only and hands out a URL with a fresh random token', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{43}$/);
    expect(host.url.endsWith(host.token)).toBe(true);
  });

  it('answers contract calls with the same IpcResult as IPC', async () => {
    const status = await ipc('app:status', {});
    expect(status.status).toBe(200);
    expect(status.headers['cache-control']).toBe('no-store');
    expect(JSON.parse(status.body)).toMatchObject({
      ok: true,
      value: { environment: 'simulador', trainingMode: true },
    });
    expect(JSON.parse((await ipc('catalog:lookup', { code: '7451000001376' })).body)).toMatchObject({
      ok: true,
      value: { codigo: 'P001' },
    });
  });

  it('rejects a malformed payload, or a body that is not JSON, without reaching the core', async () => {
    const before = documents();
    expect(JSON.parse((await ipc('sales:complete', { draft: { ...SALE, items: [] } })).body)).toMatchObject({
      ok: false,
      error: { code: 'invalid_request', message: 'El documento debe tener al menos un ítem' },
    });
    expect(JSON.parse((await ipc('sales:complete', '{"draft": ')).body)).toEqual({
      ok: false,
      error: { code: 'invalid_request', message: 'La solicitud no es JSON válido' },
    });
    expect(JSON.parse((await ipc('sales:drop', {})).body)).toMatchObject({
      ok: false,
      error: { code: 'invalid_request' },
    });
    expect(documents()).toBe(before);
  });

  it('answers 401 without the token or with a wrong one', async () => {
    expect((await ipc('app:status', {}, { 'x-sago-token': '' })).status).toBe(401);
    expect((await ipc('app:status', {}, { 'x-sago-token': `${host.token.slice(0, -1)}x` })).status).toBe(401);
    expect((await ipc('app:status', {}, { 'x-sago-token': 'short' })).status).toBe(401);
    expect((await rawRequest(`${origin}/events?token=wrong`)).status).toBe(401);
    expect((await rawRequest(`${origin}/events`)).status).toBe(401);
  });

  it('answers 403 to a foreign Origin, Host or cross-site fetch, even with the token', async () => {
    expect((await ipc('app:status', {}, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await ipc('app:status', {}, { origin: 'http://localhost:1' })).status).toBe(403);
    expect((await ipc('app:status', {}, { host: 'evil.example' })).status).toBe(403); // DNS rebinding
    expect((await ipc('app:status', {}, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect(
      (await rawRequest(`${host.url}`, { headers: { host: `rebound.example:${new URL(origin).port}` } })).status,
    ).toBe(403);
  });

  it('accepts only JSON POSTs of a sane size on /ipc', async () => {
    expect((await ipc('app:status', '{}', { 'content-type': 'text/plain' })).status).toBe(415);
    expect((await rawRequest(`${origin}/ipc/app:status`, { headers: { 'x-sago-token': host.token } })).status).toBe(
      405,
    );
    expect((await ipc('catalog:search', JSON.stringify({ query: 'x'.repeat(2 * 1024 * 1024) }))).status).toBe(413);
  });

  it("serves the renderer with the shim loaded before the module script, under the renderer's CSP", async () => {
    const page = await rawRequest(host.url);
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toBe(RENDERER_CSP);
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.body.indexOf('<script src="/sago-shim.js"></script>')).toBeGreaterThan(0);
    expect(page.body.indexOf('/sago-shim.js')).toBeLessThan(page.body.indexOf('type="module"'));
    const shim = await rawRequest(`${origin}/sago-shim.js`);
    expect(shim.headers['content-type']).toMatch(/^text\/javascript/);
    expect(shim.body).toContain("Object.defineProperty(window, 'sago'");
    expect(shim.body).toContain('var CHANNELS = ["app:status",'); // the lists are filled in as it is served
    expect((await rawRequest(`${origin}/assets/app.js`)).body).toContain('listo');
    expect((await rawRequest(`${origin}/documentos`)).body).toContain('/sago-shim.js'); // client-side route
    expect((await rawRequest(`${origin}/favicon.ico`)).status).toBe(204);
  });

  it('serves nothing outside the renderer folder', async () => {
    for (const path of [
      '/../web-host.test.ts',
      '/assets/..%2f..%2f..%2fetc%2fpasswd',
      '/%2e%2e/%2e%2e/etc/passwd.txt',
      '/missing.js',
    ]) {
      const res = await rawRequest(`${origin}${path}`);
      expect(res.status, path).toBe(404);
    }
  });

  it('streams the contract events over SSE', async () => {
    const received: string[] = [];
    const stream = await new Promise<IncomingMessage>((resolve) =>
      get(`${origin}/events?token=${host.token}`, resolve),
    );
    expect(stream.statusCode).toBe(200);
    expect(stream.headers['content-type']).toMatch(/^text\/event-stream/);
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => received.push(chunk));
    const sale = JSON.parse((await ipc('sales:complete', { draft: SALE })).body) as { value: { id: string } };
    await waitFor(() => received.join('').includes('"to":"AUTHORIZED"'), 5_000, 'AUTHORIZED over SSE');
    const text = received.join('');
    expect(text).toContain(
      `event: document:status\ndata: {"documentId":"${sale.value.id}","from":"DRAFT","to":"QUEUED"}\n\n`,
    );
    expect(text).toMatch(/event: queue:counts\ndata: \{"waiting":/);
    expect(text).not.toContain(DEMO_ACCOUNT.tokenPassword);
    stream.destroy();
  });
});

describe('web host lifecycle', () => {
  let other: WebHost | undefined;
  afterEach(async () => {
    await other?.close();
  });

  it('refuses to start without a built renderer, with a clear message', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sago-web-'));
    dirs.push(dataDir);
    await expect(
      startWebHost({ dataDir, rendererDir: join(dataDir, 'nope'), simulatorEndpoint: sim.endpoint }),
    ).rejects.toThrow(/run buildRendererForWebHost/);
  });

  it('closes the server, open event streams and the core', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sago-web-'));
    const rendererDir = fakeRendererDir();
    dirs.push(dataDir, rendererDir);
    other = await startWebHost({ dataDir, rendererDir, simulatorEndpoint: sim.endpoint });
    const otherOrigin = new URL(other.url).origin;
    const stream = await new Promise<IncomingMessage>((resolve) =>
      get(`${otherOrigin}/events?token=${other!.token}`, resolve),
    );
    const ended = new Promise((resolve) => stream.on('close', resolve).resume());
    await other.close();
    await ended;
    expect(other.core.store.sqlite.open).toBe(false);
    await expect(rawRequest(other.url)).rejects.toThrow(/ECONNREFUSED/);
  });
});
