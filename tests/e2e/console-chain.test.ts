// Issue 15 acceptance: a chain run from the head-office console in Chromium, against the real central server on
// real PostgreSQL. The console creates a store and two enrolment codes; two registers (the register's real store,
// capture, HKA transmission against the simulator and sync pusher) enrol with those codes, sell, and push; the
// console shows both registers and the store's exact net total; the console revokes one, and its next push is refused.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Decimal } from 'decimal.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteVaultStorage } from '../../src/core/store/sqlite-vault-storage';
import { enrolRegister } from '../../src/core/sync/enrol';
import { SyncPusher } from '../../src/core/sync/sync-pusher';
import { MemoryKeyProtector } from '../../src/core/vault/key-protector';
import { Vault } from '../../src/core/vault/vault';
import { formatBalboas } from '../../src/shared/fiscal/money';
import { anItem } from '../fixtures/fiscal-documents';
import { startSyncTestServer, type SyncTestServer, type Tenant } from '../fixtures/pg-test-db';
import { SALE, startRegister, waitFor, type Register } from '../fixtures/register-harness';
import { chromiumAvailable, launchChromium, type Browser } from './fixtures/chromium';
import { builtConsole } from './fixtures/console-build';

interface Till {
  register: Register;
  pusher: SyncPusher;
  deviceId: string;
}

const dir = mkdtempSync(join(tmpdir(), 'sago-console-e2e-'));
const consoleDir = join(dir, 'console');
let kit: SyncTestServer;
let tenant: Tenant;
let browser: Browser;
const tills: Till[] = [];
/** What Caja 2 had issued when it was revoked: all head office may ever know of it. */
let revokedTillTotal = new Decimal(0);

async function openTill(name: string, code: string, shared?: Register): Promise<Till> {
  const register = await startRegister({ path: join(dir, `${name}.sqlite`), ...(shared ? { sim: shared.sim } : {}) });
  const vault = new Vault(new SqliteVaultStorage(register.store.db), new MemoryKeyProtector());
  const enrolled = await enrolRegister(
    { db: register.store.db, vault },
    { serverUrl: kit.url, code },
    { actor: 'gerente' },
  );
  if (!enrolled.ok) throw new Error(`enrolment failed: ${enrolled.message}`);
  const pusher = new SyncPusher(
    { db: register.store.db, vault },
    { intervalMs: 25, batchSize: 20, backoffMs: [20, 40, 80], requestTimeoutMs: 2_000 },
  );
  return { register, pusher, deviceId: enrolled.deviceId };
}

/** The register's own figure: the sum of its documents' totals (exact). */
const localTotal = (till: Till) =>
  (till.register.store.sqlite.prepare('select total_factura as t from documents').all() as { t: string }[]).reduce(
    (acc, row) => acc.plus(row.t),
    new Decimal(0),
  );
const unauthorised = (till: Till) =>
  (
    till.register.store.sqlite.prepare("select count(*) as n from documents where status <> 'AUTHORIZED'").get() as {
      n: number;
    }
  ).n;

const run = chromiumAvailable() ? describe : describe.skip;

run('head-office console (Chromium, real server on PostgreSQL, two registers)', () => {
  beforeAll(async () => {
    kit = await startSyncTestServer({ consoleDir: await builtConsole(consoleDir) });
    tenant = await kit.createTenant('Cadena Consola');
    browser = await launchChromium();
    browser.page.on('dialog', (dialog) => void dialog.accept());
  }, 120_000);

  afterAll(async () => {
    for (const till of tills) await till.pusher.stop();
    for (const till of tills.slice().reverse()) await till.register.close();
    await browser?.close();
    await kit?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates a store and two enrolment codes; both registers sell and show up with the right totals', async () => {
    const { page } = browser;
    await page.goto(`${kit.url}/console/`);
    await page.getByLabel('Clave de administración').fill('sga.no-es-una-clave');
    await page.getByRole('button', { name: 'Entrar' }).click();
    await page.getByText('Eso no es una clave de administración').waitFor();
    await page.getByLabel('Clave de administración').fill(tenant.adminKey);
    await page.getByRole('button', { name: 'Entrar' }).click();

    const storeForm = page.getByTestId('create-store');
    await storeForm.getByLabel('Código DGI').fill('0001');
    await storeForm.getByLabel('Nombre').fill('Sucursal Centro');
    await storeForm.getByRole('button', { name: 'Crear sucursal' }).click();
    await page.getByText('Sucursal 0001 creada.').waitFor();
    // The same code again: refused by the server, explained in Spanish, nothing created.
    await storeForm.getByRole('button', { name: 'Crear sucursal' }).click();
    await page.getByText('Ya existe una sucursal con el código 0001.').waitFor();

    const codes: string[] = [];
    for (const name of ['Caja 1', 'Caja 2']) {
      const card = page.getByTestId('store-0001');
      await card.getByLabel('Nombre de la caja').fill(name);
      await card.getByRole('button', { name: 'Crear código de inscripción' }).click();
      await page.getByText(`Código de inscripción para «${name}»`).first().waitFor();
      await page.getByTestId('enrolment-qr').waitFor();
      codes.push((await page.getByTestId('enrolment-code-text').textContent()) ?? '');
    }
    expect(codes.every((c) => c.startsWith(`sge.${tenant.orgId}.`))).toBe(true);
    expect(new Set(codes).size).toBe(2);

    tills.push(await openTill('caja-1', codes[0]!));
    tills.push(await openTill('caja-2', codes[1]!));
    const [one, two] = tills as [Till, Till];
    for (let i = 0; i < 3; i++) expect(one.register.capture().ok).toBe(true);
    const bigger = {
      ...SALE,
      items: [anItem({ cantidad: '3', precioUnitario: '2.35' })],
      pagos: [{ formaPagoFact: '02' as const, valorCuotaPagada: '20.00' }],
    };
    for (let i = 0; i < 2; i++) expect(two.register.capture(bigger).ok).toBe(true);
    for (const till of tills) {
      till.register.worker.start();
      till.pusher.start();
    }
    await waitFor(() => tills.every((t) => unauthorised(t) === 0), 15_000, 'authorisation');
    await waitFor(() => tills.every((t) => t.pusher.status().pending === 0), 15_000, 'outbox drained');

    // Live status: both registers, with their document counts and nothing left unanswered by HKA.
    await page.getByTestId('nav-status').click();
    await expect
      .poll(async () => page.getByTestId('status-Caja 1').getByTestId('status-documents').textContent(), {
        timeout: 10_000,
      })
      .toBe('3');
    expect(await page.getByTestId('status-Caja 2').getByTestId('status-documents').textContent()).toBe('2');

    // Sales: the store's net total is exactly what the two registers issued.
    const expected = formatBalboas(localTotal(one).plus(localTotal(two)).toFixed(2));
    expect(expected).not.toBe('B/. 0.00');
    await page.getByTestId('nav-sales').click();
    await expect
      .poll(async () => page.getByTestId('sales-grand-total').textContent(), { timeout: 10_000 })
      .toBe(expected);
    expect(await page.getByTestId('sales-0001').textContent()).toContain(expected);

    // Documents of every store: five, all authorised.
    await page.getByTestId('nav-documents').click();
    await page.getByTestId('documents').waitFor();
    expect(await page.getByTestId('documents').locator('tbody tr').count()).toBe(5);
    expect(await page.getByTestId('documents').getByText('Autorizado por la DGI').count()).toBe(5);

    // The audit chain of each register arrived intact.
    await page.getByTestId('nav-audit').click();
    await page
      .getByTestId('chain-Caja 1')
      .getByText(/Íntegra/)
      .waitFor();
    await page
      .getByTestId('chain-Caja 2')
      .getByText(/Íntegra/)
      .waitFor();
  }, 120_000);

  it('revokes a register from the console: its next push is refused, the other keeps syncing', async () => {
    const { page } = browser;
    const [one, two] = tills as [Till, Till];
    await page.getByTestId('nav-stores').click();
    await page.getByTestId('register-Caja 2').getByRole('button', { name: 'Revocar' }).click();
    await page.getByText('Caja «Caja 2» revocada.').waitFor();
    await page
      .getByTestId('register-Caja 2')
      .getByText(/Revocada/)
      .waitFor();

    const failuresBefore = two.pusher.status().consecutiveFailures;
    revokedTillTotal = localTotal(two);
    expect(two.register.capture().ok).toBe(true);
    expect(one.register.capture().ok).toBe(true);
    await waitFor(() => two.pusher.status().consecutiveFailures > failuresBefore, 10_000, 'refused push');
    expect(two.pusher.status().lastError).toMatch(/revoked/);
    expect(two.pusher.status().pending).toBeGreaterThan(0); // kept on the register, never lost
    await waitFor(() => one.pusher.status().pending === 0, 10_000, 'caja 1 still syncing');
    const stored = await kit.superQuery<{ device: string; n: number }>(
      'select device_id::text as device, count(*)::int as n from documents group by device_id',
    );
    expect(Object.fromEntries(stored.map((r) => [r.device, r.n]))).toEqual({ [one.deviceId]: 4, [two.deviceId]: 2 });
  }, 60_000);

  it('an accountant made in the console signs in with a password and may only look (the server refuses her writes)', async () => {
    const { page } = browser;
    await page.getByTestId('nav-users').click();
    const form = page.getByTestId('create-user');
    await form.getByLabel('Usuario').fill('contadora');
    await form.getByLabel('Contraseña (12 caracteres o más)').fill('libros-en-orden-2026');
    await form.getByRole('button', { name: 'Crear usuario' }).click();
    await page.getByText('Usuario «contadora» creado.').waitFor();
    await page.getByRole('button', { name: 'Salir' }).click();

    await page.getByRole('tab', { name: 'Con usuario y contraseña' }).click();
    await page.getByLabel('Organización (su identificador)').fill(tenant.orgId);
    await page.getByLabel('Usuario').fill('contadora');
    await page.getByLabel('Contraseña').fill('no-es-esta-clave');
    await page.getByRole('button', { name: 'Entrar' }).click();
    await page.getByText('Usuario o contraseña incorrectos.').waitFor();
    await page.getByLabel('Contraseña').fill('libros-en-orden-2026');
    await page.getByRole('button', { name: 'Entrar' }).click();
    await page.getByTestId('read-only').waitFor();

    // She sees the stores and registers but no form or button that would change them...
    await page.getByTestId('store-0001').waitFor();
    expect(await page.getByTestId('create-store').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Revocar' }).count()).toBe(0);
    // ...and reads the same figures as the owner.
    await page.getByTestId('nav-sales').click();
    // Caja 1's sales, all pushed, and Caja 2's up to its revocation (its later sale never reached head office).
    const expected = formatBalboas(localTotal(tills[0]!).plus(revokedTillTotal).toFixed(2));
    await expect
      .poll(async () => page.getByTestId('sales-grand-total').textContent(), { timeout: 10_000 })
      .toBe(expected);
    // She may export what she sees: the documents as CSV, a row per document head office holds.
    await page.getByTestId('nav-documents').click();
    await page.getByTestId('documents').waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Exportar CSV' }).click(),
    ]);
    const csv = readFileSync(await download.path(), 'utf8');
    const lines = csv
      .replace(/^\uFEFF/, '')
      .split('\r\n')
      .filter((l) => l !== '');
    expect(lines[0]).toBe('Sucursal,Número,Tipo,Emisión,Estado,Total,Emitido,documentId,deviceId');
    expect(lines).toHaveLength(1 + 6);
    // In English too.
    await page.getByTestId('language').selectOption('en');
    await page.getByText('Documents of every store').waitFor();
    await page.getByTestId('language').selectOption('es-PA');
  }, 60_000);
});
