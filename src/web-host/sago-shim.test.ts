// The shim in a real browser (Debian's Chromium through playwright-core): window.sago over the loopback bridge under
// the renderer's CSP, the token moved from the address bar to sessionStorage, and live events over SSE.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHkaSimulator, type HkaSimulator } from '../core/hka/simulator';
import { CHANNELS, EVENTS } from '../shared/ipc/channels';
import { fillShim } from './static-files';
import { startWebHost, type WebHost } from './web-host';
import { fakeRendererDir } from './web-host.fixture';
import { seedUsers } from '../../tests/fixtures/register-users';

const CHROMIUM = '/usr/bin/chromium';
const SHIM = readFileSync(join(import.meta.dirname, 'sago-shim.js'), 'utf8');

function listIn(source: string, name: string): string[] {
  const body = new RegExp(`var ${name} = \\[([^\\]]*)\\]`).exec(source)?.[1] ?? '';
  return [...body.matchAll(/["']([^"']+)["']/g)].map((m) => m[1] ?? '');
}

describe('sago-shim.js as the web host serves it', () => {
  it("knows exactly the contract's channels and events", () => {
    const served = fillShim(SHIM);
    expect(listIn(served, 'CHANNELS').sort()).toEqual([...CHANNELS].sort());
    expect(listIn(served, 'EVENTS').sort()).toEqual([...EVENTS].sort());
  });

  it('refuses a shim without the lists to fill in', () => {
    expect(() => fillShim(SHIM.replace('var CHANNELS = [];', 'var CHANNELS = ["app:status"];'))).toThrow(
      /no empty CHANNELS\/EVENTS lists/,
    );
  });
});

// The page records what the app would see: the first status call, every event, and any CSP violation.
const APP_JS = `
window.__events = [];
window.__violations = [];
document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
window.sago.on('document:status', (payload) => window.__events.push(payload));
window.sago.app.status({}).then((result) => { window.__status = result; });
`;

// Skipped only on a developer machine without Debian's Chromium; under CI a missing browser fails the run.
describe.skipIf(!existsSync(CHROMIUM) && process.env['CI'] !== 'true')(
  'window.sago in Chromium through the web host',
  () => {
    let sim: HkaSimulator;
    let host: WebHost;
    let context: BrowserContext;
    const dirs: string[] = [];

    beforeAll(async () => {
      sim = await startHkaSimulator({});
      const rendererDir = fakeRendererDir(APP_JS);
      const dataDir = mkdtempSync(join(tmpdir(), 'sago-web-'));
      const profile = mkdtempSync(join(tmpdir(), 'sago-chromium-'));
      dirs.push(rendererDir, dataDir, profile);
      host = await startWebHost({ dataDir, rendererDir, simulatorEndpoint: sim.endpoint });
      await seedUsers(host.core.ipc, 'cajero'); // the till as a cashier leaves it: signed in
      context = await chromium.launchPersistentContext(profile, {
        executablePath: CHROMIUM,
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      });
    }, 30_000);

    afterAll(async () => {
      await context?.close();
      await host?.close();
      await sim?.close();
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    });

    it('serves the contract, keeps the token out of the address bar, and pushes events', async () => {
      const page = await context.newPage();
      await page.goto(host.url);
      await page.waitForFunction(() => (window as { __status?: unknown }).__status !== undefined);
      expect(await page.evaluate(() => (window as { __status?: unknown }).__status)).toMatchObject({
        ok: true,
        value: { trainingMode: true },
      });
      expect(new URL(page.url()).search).toBe('');
      expect(await page.evaluate(() => sessionStorage.getItem('sago-web-host-token'))).toBe(host.token);

      // The API is fixed: named methods only, nothing generic, not replaceable by page code.
      expect(
        await page.evaluate(() => {
          const sago = window.sago as unknown as Record<string, unknown>;
          const replaced = (() => {
            try {
              (window as unknown as Record<string, unknown>)['sago'] = {};
            } catch {
              /* strict mode would throw; either way it must not change */
            }
            return window.sago !== (sago as unknown);
          })();
          return { keys: Object.keys(sago).sort(), invoke: 'invoke' in sago, replaced };
        }),
      ).toEqual({
        keys: [
          'app',
          'audit',
          'auth',
          'backups',
          'catalog',
          'contingency',
          'customers',
          'documents',
          'monitor',
          'on',
          'preferences',
          'printer',
          'queue',
          'receipt',
          'reports',
          'sales',
          'series',
          'settings',
          'sync',
          'till',
        ],
        invoke: false,
        replaced: false,
      });

      const sale = await page.evaluate(() =>
        window.sago.sales.complete({
          draft: {
            tipoDocumento: '01',
            cliente: { tipoClienteFE: '02', pais: 'PA' },
            tiempoPago: '1',
            items: [
              {
                codigo: 'P001',
                descripcion: 'Arroz blanco 5 lb',
                cantidad: '1',
                precioUnitario: '3.25',
                tasaItbms: '00',
              },
            ],
            pagos: [{ formaPagoFact: '02', valorCuotaPagada: '5.00' }],
          },
        }),
      );
      expect(sale).toMatchObject({ ok: true, value: { status: 'QUEUED' } });
      await page.waitForFunction(() =>
        (window as { __events?: { to: string }[] }).__events?.some((e) => e.to === 'AUTHORIZED'),
      );
      const invalid = await page.evaluate(() => window.sago.documents.get({ id: 42 as unknown as string }));
      expect(invalid).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
      expect(await page.evaluate(() => (window as { __violations?: string[] }).__violations)).toEqual([]);

      await page.reload(); // the token now comes from sessionStorage
      await page.waitForFunction(() => (window as { __status?: unknown }).__status !== undefined);
      expect(await page.evaluate(() => (window as { __status?: { ok: boolean } }).__status?.ok)).toBe(true);
      await page.close();
    }, 30_000);

    it('tells the app when the token is wrong instead of failing silently', async () => {
      const page = await context.newPage();
      await page.goto(host.url.replace(/token=.*/, 'token=wrong'));
      await page.waitForFunction(() => (window as { __status?: unknown }).__status !== undefined);
      expect(await page.evaluate(() => (window as { __status?: unknown }).__status)).toMatchObject({
        ok: false,
        error: { code: 'not_allowed', message: expect.stringContaining('HTTP 401') as unknown },
      });
      await page.close();
    }, 30_000);
  },
);
