// Discounts at the till through the contract, as the checkout sends them (sale-draft.ts): a line discount as HKA's
// precioUnitarioDescuento and a ticket discount as one descuentosGlobales entry taken off after ITBMS. The real
// simulator (SOAP over loopback, its own arithmetic checks) must authorise the document; a ticket discount over the
// store's limit is refused at "Cobrar" until a gerente approved it, and an approval never covers a larger share.
import { describe, expect, it } from 'vitest';
import { coreIpcSuite } from '../../../../../tests/fixtures/core-ipc-suite';
import { waitFor } from '../../../../../tests/fixtures/register-harness';

const suite = coreIpcSuite('till-discounts');
const { call, ok } = suite;

const ITEMS = [
  // 2 × (4.50 − 0.40) = 8.20 + ITBMS 7 % 0.574 → 0.57 = 8.77 (a 8.9 % line discount: under the 10 % limit)
  {
    codigo: 'P008',
    descripcion: 'Detergente en polvo 1 kg',
    cantidad: '2',
    precioUnitario: '4.50',
    precioUnitarioDescuento: '0.40',
    tasaItbms: '01' as const,
  },
  { codigo: 'P001', descripcion: 'Arroz blanco 5 lb', cantidad: '1', precioUnitario: '3.25', tasaItbms: '00' as const },
];
const draft = (descuento: string, descDescuento = 'Descuento a la venta') => ({
  draft: {
    tipoDocumento: '01' as const,
    cliente: { tipoClienteFE: '02' as const, pais: 'PA' },
    tiempoPago: '1' as const,
    items: ITEMS,
    descuentosGlobales: [{ descDescuento, montoDescuento: descuento }],
    pagos: [{ formaPagoFact: '02' as const, valorCuotaPagada: '20.00' }],
  },
});

describe('discounts at the till', () => {
  it('maps a line and a ticket discount to the DGI fields, and the simulator authorises the document', async () => {
    await suite.signInAs('cajero');
    // Items 8.77 + 3.25 = 12.02; 5 % = 0.601 → 0.60 off after ITBMS: 11.42.
    const sale = await ok('sales:complete', draft('0.60', 'Descuento 5 %'));
    expect(sale.totals).toMatchObject({
      totalPrecioNeto: '11.45',
      totalITBMS: '0.57',
      totalTodosItems: '12.02',
      totalDescuento: '0.60',
      totalFactura: '11.42',
      vuelto: '8.58',
    });
    await waitFor(() => suite.status(sale.id) === 'AUTHORIZED', 5_000, 'discounted sale authorised');
    const detail = await ok('documents:get', { id: sale.id });
    expect(detail.document).toMatchObject({
      items: [
        expect.objectContaining({ precioUnitario: '4.50', precioUnitarioDescuento: '0.40' }),
        expect.objectContaining({ codigo: 'P001' }),
      ],
      descuentosGlobales: [{ descDescuento: 'Descuento 5 %', montoDescuento: '0.60' }],
    });
    // Authorised by the simulator, which checks every relation of §2.13 (the global discount after ITBMS included).
    expect(suite.sim.ledger().map((e) => e.cufe)).toContain(detail.cufe);
  });

  it('refuses a ticket discount over the limit until a gerente approved it, and the approval covers no larger share', async () => {
    await suite.signInAs('cajero');
    const count = suite.core.store.sqlite.prepare('SELECT count(*) FROM documents').pluck();
    const before = count.get();
    // 2.00 of 12.02 is 16.6 %: over the default 10 %.
    expect(await call('sales:complete', draft('2.00'))).toMatchObject({
      ok: false,
      error: {
        code: 'not_allowed',
        message: 'Falta la autorización de un gerente: el descuento de 2.00 a la venta supera el límite',
      },
    });
    expect(count.get()).toBe(before);
    const action = { kind: 'ticketDiscount' as const, itemsTotal: '12.02', descuento: '1.50' };
    expect(await call('till:authorize', { action })).toMatchObject({
      ok: false,
      error: { code: 'approval_required', approvalAction: 'till.ticketDiscount' },
    });
    await ok('till:authorize', { action, approval: await suite.approval('till.ticketDiscount') });
    // Approved 1.50: 2.00 is still refused (the approval is not spent by the refusal), 1.50 goes through once.
    expect(await call('sales:complete', draft('2.00'))).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    const sale = await ok('sales:complete', draft('1.50'));
    expect(sale.totals).toMatchObject({ totalDescuento: '1.50', totalFactura: '10.52' });
    await waitFor(() => suite.status(sale.id) === 'AUTHORIZED', 5_000, 'approved discount authorised');
    expect(await call('sales:complete', draft('1.50'))).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
  });

  it("refuses a ticket discount above the total (the fiscal core's rule)", async () => {
    await suite.signInAs('gerente');
    const refused = await call('sales:complete', draft('12.03'));
    expect(refused).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
  });
});
