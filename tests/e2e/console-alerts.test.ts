// Head office's alerts in the console (Chromium, real central server on real PostgreSQL): a register's document waits
// for HKA, the alert worker raises hka_down, the console lists it in Spanish with the register's name and the seconds
// waited; HKA answers, the alert closes and shows under "Cerradas". The owner sets the silence threshold and the
// webhook (a bad secret is explained and writes nothing; the secret is never shown back); an accountant sees the
// settings without a form.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAlertWorker, type AlertWorker } from '../../src/server/alerts/alert-worker';
import { SYNC_INGEST_PATH } from '../../src/shared/sync/batch';
import {
  api,
  startSyncTestServer,
  type EnrolledRegister,
  type SyncTestServer,
  type Tenant,
} from '../fixtures/pg-test-db';
import { chromiumAvailable, launchChromium, type Browser } from './fixtures/chromium';
import { builtConsole } from './fixtures/console-build';

const dir = mkdtempSync(join(tmpdir(), 'sago-console-alerts-'));
const SECRET = 'hook-secret-0123456789';
let kit: SyncTestServer;
let tenant: Tenant;
let till: EnrolledRegister;
let worker: AlertWorker;
let browser: Browser;
let seq = 0;
const base = Date.now();

const status = (documentId: string, s: string, atSeconds: number, extra: Record<string, unknown> = {}) => ({
  eventId: randomUUID(),
  seq: ++seq,
  kind: 'document_status',
  payload: { documentId, status: s, at: new Date(base + atSeconds * 1000).toISOString(), ...extra },
});

async function push(events: unknown[]): Promise<void> {
  const response = await api<{ rejected: unknown[] }>(kit.url, SYNC_INGEST_PATH, {
    bearer: till.token,
    body: { events },
  });
  expect(response.status).toBe(200);
  expect(response.body.rejected).toEqual([]);
}

const settingsNow = async () =>
  (
    await api<{ silentAfterMinutes: number; webhook: unknown }>(kit.url, '/v1/admin/alert-settings', {
      bearer: tenant.adminKey,
    })
  ).body;

const run = chromiumAvailable() ? describe : describe.skip;

run('head-office alerts in the console (Chromium, real server on PostgreSQL)', () => {
  beforeAll(async () => {
    kit = await startSyncTestServer({ consoleDir: await builtConsole(join(dir, 'console')) });
    tenant = await kit.createTenant('Cadena Alertas Consola');
    till = await kit.enrolRegister(tenant, '0001', 'Caja Norte');
    worker = createAlertWorker({ db: kit.server.db, clock: () => new Date(), evaluateEveryMs: 0 });
    browser = await launchChromium();
    browser.page.on('dialog', (dialog) => void dialog.accept());
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await kit?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists an open hka_down alert with its register and figure, then shows it closed once HKA answers', async () => {
    const doc = randomUUID();
    await push([
      status(doc, 'QUEUED', 0, { tipoDocumento: '01', numero: 1, tipoEmision: '01', total: '1.00' }),
      status(doc, 'PROCESSING', 75, { from: 'QUEUED' }),
    ]);
    await worker.tick();

    const { page } = browser;
    await page.goto(`${kit.url}/console/`);
    await page.getByLabel('Clave de administración').fill(tenant.adminKey);
    await page.getByRole('button', { name: 'Entrar' }).click();
    await page.getByTestId('nav-alerts').click();
    const row = page.getByTestId('alert-hka_down');
    await row.waitFor();
    const cells = await row.locator('td').allTextContents();
    expect(cells.slice(0, 5)).toEqual(['HKA sin respuesta (segundos de espera)', '0001', 'Caja Norte', '75 s', '60 s']);
    expect(cells[6]).toBe('Abierta');

    await push([status(doc, 'AUTHORIZED', 76, { from: 'PROCESSING' })]);
    await worker.tick();
    await page.getByRole('button', { name: 'Actualizar' }).click();
    await page.getByTestId('alerts-none').getByText('No hay alertas abiertas.').waitFor();
    await page.getByTestId('alert-state').selectOption('resolved');
    await row.waitFor();
    // Closed at the worker's round, shown day first in Panama's time.
    expect(await row.locator('td').nth(6).textContent()).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}$/);
  }, 60_000);

  it('lets the owner set the silence threshold and the webhook; a bad secret writes nothing; the secret never shows', async () => {
    const { page } = browser;
    const form = page.getByTestId('alert-settings-form');
    await form.getByLabel('Caja en silencio después de (minutos)').fill('0');
    await form.getByRole('button', { name: 'Guardar' }).click();
    await page.getByText('Indique minutos enteros entre 1 y 10080 (7 días).').waitFor();
    await form.getByLabel('Caja en silencio después de (minutos)').fill('45');
    await form.getByLabel('URL del webhook (http o https)').fill('https://hooks.example.pa/sago');
    await form.getByLabel('Secreto del webhook (16 a 256 caracteres, sin espacios)').fill('corto');
    await form.getByRole('button', { name: 'Guardar' }).click();
    await page.getByText('El secreto debe tener de 16 a 256 caracteres visibles, sin espacios.').waitFor();
    expect(await settingsNow()).toEqual({ silentAfterMinutes: 30, webhook: null }); // nothing written

    await form.getByLabel('Secreto del webhook (16 a 256 caracteres, sin espacios)').fill(SECRET);
    await form.getByRole('button', { name: 'Guardar' }).click();
    await page.getByText('Configuración guardada.').waitFor();
    await expect.poll(async () => page.getByTestId('silent-after').textContent()).toBe('45 min');
    expect(await page.getByTestId('webhook-url').textContent()).toBe(
      'https://hooks.example.pa/sago (secreto guardado)',
    );
    expect(await settingsNow()).toEqual({
      silentAfterMinutes: 45,
      webhook: { url: 'https://hooks.example.pa/sago', secretSet: true },
    });
    expect(await page.content()).not.toContain(SECRET);
    expect(await form.getByLabel('Secreto del webhook (16 a 256 caracteres, sin espacios)').inputValue()).toBe(''); // the typed secret left the page with the save

    await form.getByRole('button', { name: 'Quitar webhook' }).click();
    await expect.poll(async () => page.getByTestId('webhook-url').textContent()).toBe('Sin webhook');
    expect((await settingsNow()).webhook).toBeNull();
  }, 60_000);

  it('shows an accountant the settings without a form to change them', async () => {
    const created = await api(kit.url, '/v1/admin/users', {
      bearer: tenant.adminKey,
      body: { login: 'contadora', password: 'libros-en-orden-2026', role: 'accountant' },
    });
    expect(created.status).toBe(201);
    const { page } = browser;
    await page.getByRole('button', { name: 'Salir' }).click();
    await page.getByRole('tab', { name: 'Con usuario y contraseña' }).click();
    await page.getByLabel('Organización (su identificador)').fill(tenant.orgId);
    await page.getByLabel('Usuario').fill('contadora');
    await page.getByLabel('Contraseña').fill('libros-en-orden-2026');
    await page.getByRole('button', { name: 'Entrar' }).click();
    await page.getByTestId('read-only').waitFor();
    await page.getByTestId('nav-alerts').click();
    await expect.poll(async () => page.getByTestId('silent-after').textContent()).toBe('45 min');
    expect(await page.getByTestId('alert-settings-form').count()).toBe(0);
  }, 60_000);
});
