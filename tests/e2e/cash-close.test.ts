// Acceptance (issue 6 §4, issue 13 §2), in Chromium through the web host: a cashier opens the shift with its opening
// cash (a bad amount is refused, nothing written) and closes it blind — no X report, the expected cash shown only
// after the count; a difference needs a reason, and a document still queued (HKA cut off) needs the manager's PIN;
// the Z report shows the figures computed from the database, the reason and both names. A gerente sees the X report
// and the sales report by day and by product.
import { describe, expect, it } from 'vitest';
import { Money, formatBalboas } from '../../src/shared/fiscal/money';
import { screenshot, waitForCheckout } from './fixtures/checkout-page';
import { chromiumAvailable } from './fixtures/chromium';
import { e2eSuite } from './fixtures/e2e-suite';
import { approveAsManager, sell, waitForStatus } from './fixtures/backoffice-steps';
import { E2E_USERS } from './fixtures/web-register';
import { signInAs } from './fixtures/auth-page';

interface DocRow {
  status: string;
  total: string;
  body: string;
  totals: string;
}

describe.skipIf(!chromiumAvailable())('cash close in Chromium through the web host', { timeout: 90_000 }, () => {
  const suite = e2eSuite({ users: 'seeded', signedInAs: 'cajero' }, async (reg) => {
    await waitForCheckout(reg.page);
  });

  const shiftsOpen = (): number =>
    (
      suite.reg.host.core.store.sqlite.prepare('SELECT count(*) AS n FROM shifts WHERE closed_at IS NULL').get() as {
        n: number;
      }
    ).n;

  /** What the reports must say, computed from the documents in the database (not from the report code). */
  function expectedFromDb(openingCash: string): {
    sales: string;
    authorized: number;
    pending: number;
    cashExpected: string;
  } {
    const rows = suite.reg.host.core.store.sqlite
      .prepare('SELECT status, total_factura AS total, body, totals FROM documents')
      .all() as DocRow[];
    let sales = new Money(0);
    let cash = new Money(openingCash);
    for (const row of rows) {
      sales = sales.plus(row.total);
      const body = JSON.parse(row.body) as { pagos: { formaPagoFact: string; valorCuotaPagada: string }[] };
      for (const p of body.pagos) if (p.formaPagoFact === '02') cash = cash.plus(p.valorCuotaPagada);
      cash = cash.minus((JSON.parse(row.totals) as { vuelto: string }).vuelto);
    }
    return {
      sales: formatBalboas(sales),
      authorized: rows.filter((r) => r.status === 'AUTHORIZED').length,
      pending: rows.filter((r) => r.status === 'QUEUED' || r.status === 'PROCESSING').length,
      cashExpected: formatBalboas(cash),
    };
  }

  it('a cashier counts blind: the expected cash only after the count, a reason for the difference, the manager for a queued document', async () => {
    const { page, sim } = suite.reg;
    await page.getByTestId('nav-cashclose').click();
    const screen = page.getByTestId('cashclose-screen');
    await screen.getByTestId('opening-cash').fill('cincuenta');
    await screen.getByTestId('open-shift').click();
    expect(await screen.getByTestId('open-error').textContent()).toBe(
      'El monto no es válido: escriba, por ejemplo, 150 o 150.25.',
    );
    expect(shiftsOpen()).toBe(0);
    await screen.getByTestId('opening-cash').fill('50');
    await screen.getByTestId('open-shift').click();
    await screen.getByTestId('shift-open').waitFor();
    expect(shiftsOpen()).toBe(1);

    const sales = [
      await sell(
        suite.reg,
        [{ codigo: 'P004', descripcion: 'Huevos', cantidad: '2', precioUnitario: '2.40', tasaItbms: '00' }],
        [{ formaPagoFact: '02', valorCuotaPagada: '10.00' }],
      ),
      await sell(
        suite.reg,
        [{ codigo: 'P011', descripcion: 'Refresco', cantidad: '3', precioUnitario: '1.85', tasaItbms: '01' }],
        [{ formaPagoFact: '03', valorCuotaPagada: '5.94' }],
      ),
      await sell(
        suite.reg,
        [
          {
            codigo: 'P016',
            descripcion: 'Pilas AA (4 unidades)',
            cantidad: '1',
            precioUnitario: '3.80',
            tasaItbms: '01',
          },
        ],
        [{ formaPagoFact: '02', valorCuotaPagada: '4.07' }],
      ),
    ];
    for (const s of sales) await waitForStatus(suite.reg, s.id, 'AUTHORIZED');
    // HKA cut off: the next sale stays queued.
    await sim.faults.refuseConnections();
    const queued = await sell(
      suite.reg,
      [{ codigo: 'P001', descripcion: 'Arroz', cantidad: '1', precioUnitario: '3.25', tasaItbms: '00' }],
      [{ formaPagoFact: '02', valorCuotaPagada: '3.25' }],
    );
    expect(['QUEUED', 'PROCESSING']).toContain(suite.reg.statusOf(queued.id).status);
    const fromDb = expectedFromDb('50.00');
    expect(fromDb.cashExpected).toBe('B/. 62.12'); // 50 + 17.32 − 5.20

    // Blind: nothing on screen says what the drawer should hold.
    await screen.getByTestId('blind-count-hint').waitFor();
    expect(await screen.getByTestId('x-report-refresh').count()).toBe(0);
    expect(await screen.getByTestId('x-report').count()).toBe(0);
    expect(await screen.getByTestId('close-expected').count()).toBe(0);
    expect(await page.textContent('body')).not.toContain('62.12');

    await screen.getByTestId('counted-cash').fill('62');
    await screen.getByTestId('close-shift').click();
    await screen.getByTestId('close-needs-reason').waitFor();
    expect(await screen.getByTestId('close-expected').textContent()).toBe(fromDb.cashExpected);
    expect(await screen.getByTestId('close-difference').textContent()).toBe('-B/. 0.12');
    expect(shiftsOpen()).toBe(1); // nothing closed
    await screen.getByTestId('close-reason').fill('corto');
    await screen.getByTestId('close-shift').click();
    expect(await screen.getByTestId('close-error').textContent()).toBe(
      'Explique la diferencia con al menos 15 caracteres.',
    );
    await screen.getByTestId('close-reason').fill('Doce centavos de vuelto mal dado');
    await screen.getByTestId('close-shift').click();
    const refusal = screen.getByTestId('close-needs-manager');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('Hay 1 documento sin autorizar por la DGI');
    expect(shiftsOpen()).toBe(1); // nothing closed
    await screenshot(page, 'cash-close-needs-manager');

    await screen.getByTestId('close-with-manager').click();
    await approveAsManager(page, E2E_USERS.gerente.pin);
    const z = screen.getByTestId('z-report');
    await z.waitFor();
    expect(shiftsOpen()).toBe(0);
    const ids = Object.fromEntries(
      (
        suite.reg.host.core.store.sqlite.prepare('SELECT username, id FROM users').all() as {
          username: string;
          id: string;
        }[]
      ).map((u) => [u.username, u.id]),
    );
    const closed = suite.reg.host.core.store.sqlite
      .prepare(
        'SELECT closed_by AS closedBy, close_approved_by AS approvedBy, counted_cash AS counted, difference_reason AS reason FROM shifts',
      )
      .get();
    expect(closed).toEqual({
      closedBy: ids['cajero'],
      approvedBy: ids['gerente'],
      counted: '62.00',
      reason: 'Doce centavos de vuelto mal dado',
    });
    const audited = suite.reg.host.core.store.sqlite
      .prepare("SELECT actor_name AS who, approved_by_name AS approver FROM audit_log WHERE action = 'shift.closed'")
      .get();
    expect(audited).toEqual({ who: E2E_USERS.cajero.displayName, approver: E2E_USERS.gerente.displayName });
    expect(await z.getByTestId('report-sales-total').textContent()).toBe(fromDb.sales);
    expect(await z.getByTestId('report-count-authorized').textContent()).toBe(String(fromDb.authorized));
    expect(await z.getByTestId('report-count-pending').textContent()).toBe(String(fromDb.pending));
    expect(await z.getByTestId('report-count-total').textContent()).toBe('4');
    expect(await z.getByTestId('report-cash-expected').textContent()).toBe('B/. 62.12');
    expect(await z.getByTestId('report-cash-counted').textContent()).toBe('B/. 62.00');
    expect(await z.getByTestId('report-cash-difference').textContent()).toBe('-B/. 0.12');
    expect(await z.getByTestId('report-difference-reason').textContent()).toBe('Doce centavos de vuelto mal dado');
    expect(await z.getByTestId('report-close-approver').textContent()).toBe(E2E_USERS.gerente.displayName);
    expect(await z.getByTestId('report-text').textContent()).toMatch(
      new RegExp(`Cerrado por +${E2E_USERS.cajero.displayName}`),
    );
    expect(await z.locator('[data-forma="02"] td').last().textContent()).toBe('B/. 12.12'); // 10.00 + 4.07 + 3.25 received − 5.20 change
    expect(await z.locator('[data-forma="03"] td').last().textContent()).toBe('B/. 5.94');
    expect(await screen.getByTestId('shift-closed').count()).toBe(1); // a new shift can be opened
    await screenshot(page, 'cash-close-z-report');
    // Printed, only the 80 mm text shows.
    await page.emulateMedia({ media: 'print' });
    expect(await z.getByTestId('report-text').isVisible()).toBe(true);
    expect(await z.getByTestId('report-sales-total').isVisible()).toBe(false);
    expect(await page.getByTestId('nav-cashclose').isVisible()).toBe(false);
    await screenshot(page, 'cash-close-z-print');
    await page.emulateMedia({ media: 'screen' });

    // The CSV is the core's, saved as a download.
    const [download] = await Promise.all([page.waitForEvent('download'), z.getByTestId('report-csv').click()]);
    expect(download.suggestedFilename()).toMatch(/^informe-z-\d{4}-\d{2}-\d{2}\.csv$/);
    await sim.faults.acceptConnections();
  });

  it('shows a gerente the X report of the running shift and the sales report by day and by product', async () => {
    const { page } = suite.reg;
    await page.getByTestId('lock-button').click();
    await signInAs(page, 'gerente');
    await page.getByTestId('nav-cashclose').click();
    const screen = page.getByTestId('cashclose-screen');
    await screen.getByTestId('opening-cash').fill('20');
    await screen.getByTestId('open-shift').click();
    await sell(
      suite.reg,
      [{ codigo: 'P004', descripcion: 'Huevos', cantidad: '1', precioUnitario: '2.40', tasaItbms: '00' }],
      [{ formaPagoFact: '02', valorCuotaPagada: '2.40' }],
    );
    await screen.getByTestId('x-report-refresh').click();
    const x = screen.getByTestId('x-report');
    await expect.poll(() => x.getByTestId('report-cash-expected').textContent()).toBe('B/. 22.40');
    expect(await x.getByTestId('report-count-total').textContent()).toBe('1');

    await screen.getByTestId('cashclose-tab-sales').click();
    await screen.getByTestId('sales-load').click();
    const byProduct = screen.getByTestId('sales-by-product');
    await byProduct.waitFor();
    expect(await byProduct.locator('tbody tr').count()).toBe(4);
    expect(await byProduct.textContent()).toContain('Pilas AA (4 unidades)');
    expect(await screen.getByTestId('sales-by-day').locator('tbody tr').count()).toBe(1);
    expect(await screen.getByTestId('sales-by-day').textContent()).toContain('B/. 20.46'); // the queued sale counts too
    await screen.getByTestId('sales-from').fill('2099-01-02');
    await screen.getByTestId('sales-to').fill('2099-01-01');
    await screen.getByTestId('sales-load').click();
    expect(await screen.getByTestId('sales-error').textContent()).toBe(
      'La fecha inicial debe ser anterior o igual a la final',
    );
  });
});
