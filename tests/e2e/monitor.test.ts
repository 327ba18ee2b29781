// The monitoring panel (issue 6 §5), in Chromium through the web host with the manager signed in: queue depth (and
// the oldest waiting document) follow the queue as HKA is cut off and restored, with no reload; HKA latency and the
// error rate reflect the calls the test caused; "Consultar folios" shows the simulator's folios; the charts are drawn
// (uPlot canvases) and their data tables carry the same numbers (today's sales by hour match the database); leaving
// the panel stops its refreshes.
import { describe, expect, it } from 'vitest';
import { Money, formatBalboas } from '../../src/shared/fiscal/money';
import { screenshot, waitForCheckout } from './fixtures/checkout-page';
import { chromiumAvailable } from './fixtures/chromium';
import { e2eSuite } from './fixtures/e2e-suite';
import { sell, waitForStatus } from './fixtures/backoffice-steps';
import { startE2eRegister } from './fixtures/web-register';
import { signInAs } from '../fixtures/register-users';

/** What the page-side watch of queue events (in the test that leaves the panel) reads and writes. */
interface QueueWatch {
  queueEvents: { seen: number; idle: boolean };
  sago: { on(event: 'queue:counts', listener: (q: { waiting: number; inFlight: number }) => void): () => void };
}

const PILAS = {
  codigo: 'P016',
  descripcion: 'Pilas AA (4 unidades)',
  cantidad: '1',
  precioUnitario: '3.80',
  tasaItbms: '01',
} as const;

describe.skipIf(!chromiumAvailable())('monitoring panel in Chromium through the web host', { timeout: 90_000 }, () => {
  const suite = e2eSuite({ users: 'seeded', signedInAs: 'gerente' }, async (reg) => {
    await waitForCheckout(reg.page);
  });

  it('shows queue depth, latency, folios and charts, and follows the queue live', async () => {
    const { page, sim } = suite.reg;
    for (let i = 0; i < 2; i += 1) {
      const sale = await sell(suite.reg, [PILAS], [{ formaPagoFact: '02', valorCuotaPagada: '4.07' }]);
      await waitForStatus(suite.reg, sale.id, 'AUTHORIZED');
    }
    await sim.faults.refuseConnections();
    const queued = await sell(suite.reg, [PILAS], [{ formaPagoFact: '03', valorCuotaPagada: '4.07' }]);

    await page.getByTestId('nav-monitor').click();
    const screen = page.getByTestId('monitor-screen');
    await expect.poll(() => screen.getByTestId('queue-waiting').textContent(), { timeout: 10_000 }).toBe('1');
    expect(await screen.getByTestId('queue-oldest').textContent()).toMatch(/^\d+ s$/);
    expect(Number(await screen.getByTestId('latency-calls').textContent())).toBeGreaterThanOrEqual(2);
    expect(await screen.getByTestId('latency-p50').textContent()).toMatch(/^\d+ ms$|^\d+\.\d s$/);
    await expect.poll(() => screen.getByTestId('error-rate').textContent(), { timeout: 10_000 }).not.toBe('0.0 %'); // the refused attempts
    expect(await screen.getByTestId('card-errors').getByTestId('errors-by-kind').textContent()).toContain(
      'Conexión rechazada',
    );

    // Charts: drawn by uPlot, with their numbers as text.
    for (const id of ['chart-latency', 'chart-queue', 'chart-sales']) {
      expect(await screen.getByTestId(id).locator('canvas').count(), id).toBeGreaterThan(0);
    }
    const salesTable = screen.getByTestId('chart-sales-table');
    expect(await salesTable.locator('tbody tr').count()).toBe(24);
    const rows = suite.reg.host.core.store.sqlite.prepare('SELECT total_factura AS total FROM documents').all() as {
      total: string;
    }[];
    const today = formatBalboas(rows.reduce((acc, r) => acc.plus(r.total), new Money(0)));
    expect(today).toBe('B/. 12.21');
    expect(await salesTable.textContent()).toContain(`${today} (3)`);
    expect(await screen.getByTestId('chart-sales').getAttribute('aria-label')).toContain('3 documentos hoy');
    expect(await screen.getByTestId('chart-latency-table').locator('tbody tr').count()).toBeGreaterThan(0);
    await screenshot(page, 'monitor-offline');

    // "Consultar folios": the simulator's answer, kept and shown.
    await sim.faults.acceptConnections();
    await screen.getByTestId('check-folios').click();
    await expect.poll(() => screen.getByTestId('folios-available').textContent()).toMatch(/^\d+$/);
    expect(await screen.getByTestId('card-clock').getAttribute('data-state')).toBe('ok');

    // HKA back: the queued sale goes out and the panel follows the queue event without a reload.
    await waitForStatus(suite.reg, queued.id, 'AUTHORIZED');
    await expect.poll(() => screen.getByTestId('queue-waiting').textContent(), { timeout: 10_000 }).toBe('0');
    expect(await screen.getByTestId('queue-oldest').textContent()).toBe('—');

    // Leaving the panel stops its refreshes: a queue event no longer makes it read the overview.
    let overviewReads = 0;
    page.on('request', (request) => {
      if (request.url().endsWith('/ipc/monitor:overview')) overviewReads += 1;
    });
    await screen.getByTestId('monitor-refresh').click();
    await expect.poll(() => overviewReads).toBeGreaterThan(0);
    await page.getByTestId('nav-checkout').click();
    await screen.waitFor({ state: 'detached' });
    overviewReads = 0;
    // The page counts the queue events it receives from here on, and when the last one shows the queue empty.
    await page.evaluate(() => {
      const w = window as unknown as QueueWatch;
      w.queueEvents = { seen: 0, idle: false };
      w.sago.on('queue:counts', (q) => {
        w.queueEvents = { seen: w.queueEvents.seen + 1, idle: q.waiting === 0 && q.inFlight === 0 };
      });
    });
    const later = await sell(suite.reg, [PILAS], [{ formaPagoFact: '02', valorCuotaPagada: '4.07' }]);
    await waitForStatus(suite.reg, later.id, 'AUTHORIZED');
    await expect
      .poll(() => page.evaluate(() => (window as unknown as QueueWatch).queueEvents))
      .toMatchObject({ idle: true });
    // A panel still listening would have set its 1 s debounce at those events. A page timer set now for longer fires
    // after it (timers fire in due order, whatever the load), and a request made then comes after any it made.
    const marker = page.waitForRequest((request) => request.url().endsWith('/sago-shim.js?after-debounce'));
    await page.evaluate(() =>
      new Promise((resolve) => setTimeout(resolve, 1_500)).then(() => fetch('/sago-shim.js?after-debounce')),
    );
    await marker;
    expect(overviewReads).toBe(0);
  });

  it("refuses the panel to a cashier with the core's Spanish message", async () => {
    const { page, host } = suite.reg;
    await page.getByTestId('nav-monitor').click();
    await page.getByTestId('monitor-screen').waitFor();
    await signInAs(host.core.ipc, 'cajero'); // the gerente walked away and a cashier signed in (elsewhere)
    await page.getByTestId('monitor-refresh').click();
    await expect.poll(() => page.getByTestId('monitor-error').textContent()).toContain('gerente');
  });

  it("warns at the till when the PC clock is 5 minutes off HKA's, and when folios run low", async () => {
    // A second register whose PC clock runs 5 minutes ahead; HKA's replies carry the real time in their Date header.
    const ahead = await startE2eRegister(suite.rendererDir, {
      users: 'seeded',
      signedInAs: 'cajero',
      clock: () => new Date(Date.now() + 5 * 60_000),
    });
    try {
      await waitForCheckout(ahead.page);
      const sale = await sell(ahead, [PILAS], [{ formaPagoFact: '02', valorCuotaPagada: '4.07' }]);
      await waitForStatus(ahead, sale.id, 'AUTHORIZED');
      // The register asked HKA for its folios at start; as if that answer had been 42 (the alarm is under 100).
      const folios = ahead.host.core.store.sqlite.prepare(
        "UPDATE settings SET value = json_set(value, '$.available', 42) WHERE key = 'monitor_folios'",
      );
      await expect.poll(() => folios.run().changes).toBe(1);
      await ahead.page.reload();
      await expect
        .poll(() => ahead.page.getByTestId('clock-warning').textContent())
        .toBe('Reloj de la PC desfasado 5 min: HKA puede rechazar los documentos. Corrija la hora.');
      expect(await ahead.page.getByTestId('folios-warning').textContent()).toBe('Quedan 42 folios: avise al gerente');
    } finally {
      await ahead.close();
    }
  });
});
