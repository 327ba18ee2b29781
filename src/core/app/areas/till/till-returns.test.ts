// Returns at the till through the contract, as the checkout's Devolución dialog calls it: the invoice found by its
// number at this register, its CUFE or the receipt's QR; a credit note (04) for some units with the refund tender and
// the reason, approved by a gerente, authorised by the real simulator; the cash refund in the X report; never more
// than sold minus already credited (the credit ledger, in the core); a discount on the whole sale credited in
// proportion.
import { describe, expect, it } from 'vitest';
import { coreIpcSuite } from '../../../../../tests/fixtures/core-ipc-suite';
import { waitFor } from '../../../../../tests/fixtures/register-harness';

const suite = coreIpcSuite('till-returns');
const { call, ok } = suite;

const CONSUMIDOR = { tipoClienteFE: '02' as const, pais: 'PA' };
// 3 × 4.50 = 13.50 + ITBMS 0.945 → 0.95 = 14.45; rice 3.25 exempt: 17.70.
const ITEMS = [
  {
    codigo: 'P008',
    descripcion: 'Detergente en polvo 1 kg',
    cantidad: '3',
    precioUnitario: '4.50',
    tasaItbms: '01' as const,
  },
  { codigo: 'P001', descripcion: 'Arroz blanco 5 lb', cantidad: '1', precioUnitario: '3.25', tasaItbms: '00' as const },
];
const MOTIVO = 'El cliente devolvió dos unidades sin abrir';

describe('returns at the till', () => {
  it('finds the invoice by number, CUFE or QR, and says clearly when there is none', async () => {
    const id = await suite.authorisedSale({
      cliente: CONSUMIDOR,
      tiempoPago: '1',
      items: ITEMS,
      pagos: [{ formaPagoFact: '02', valorCuotaPagada: '20.00' }],
    });
    const sale = await ok('documents:get', { id });
    expect((await ok('till:findInvoice', { reference: String(sale.numero) })).id).toBe(id);
    expect((await ok('till:findInvoice', { reference: ` ${sale.cufe ?? ''} ` })).id).toBe(id);
    expect((await ok('till:findInvoice', { reference: sale.qr ?? '' })).id).toBe(id);
    expect((await ok('till:findInvoice', { reference: String(sale.numero) })).creditable).toEqual([
      { line: 1, remaining: '3', remainingAmount: '14.45' },
      { line: 2, remaining: '1', remainingAmount: '3.25' },
    ]);
    expect(await call('till:findInvoice', { reference: '99999' })).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: 'No hay una factura Nº 99999 en esta caja' },
    });
    expect(await call('till:findInvoice', { reference: 'arroz' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_request' },
    });
  });

  it('returns 2 of 3 units for cash with a reason (a gerente approves), the X shows the refund, a second return over what is left is refused', async () => {
    const id = await suite.authorisedSale({
      cliente: CONSUMIDOR,
      tiempoPago: '1',
      items: ITEMS,
      pagos: [{ formaPagoFact: '03', valorCuotaPagada: '17.70' }],
    });
    await suite.signInAs('cajero');
    const request = { id, lines: [{ line: 1, cantidad: '2' }], refund: '02' as const, motivo: MOTIVO };
    expect(await call('documents:creditNote', request)).toMatchObject({
      ok: false,
      error: { code: 'approval_required' },
    });
    const note = await ok('documents:creditNote', {
      ...request,
      approval: await suite.approval('documents:creditNote'),
    });
    // 2 × 4.50 = 9.00 + 0.63 = 9.63, refunded in cash although the sale was paid by card: the till said so.
    expect(note).toMatchObject({ tipoDocumento: '04', totalFactura: '9.63' });
    expect(note.document).toMatchObject({
      pagos: [{ formaPagoFact: '02', valorCuotaPagada: '9.63' }],
      informacionInteres: `Devolución: ${MOTIVO}`,
      referencias: [{ cufe: (await ok('documents:get', { id })).cufe }],
    });
    expect(note.history.at(-1)).toMatchObject({ details: { refund: '02', motivo: MOTIVO, creditOf: id } });
    // The note names its invoice in the list and on its page (credit ledger), so nobody mistakes it for a sale.
    const invoiceNumber = (await ok('documents:get', { id })).numero;
    expect(note.facturaNumero).toBe(invoiceNumber);
    expect((await ok('documents:list', { limit: 50 })).items.find((d) => d.id === note.id)).toMatchObject({
      tipoDocumento: '04',
      facturaNumero: invoiceNumber,
    });
    await waitFor(() => suite.status(note.id) === 'AUTHORIZED', 5_000, 'credit note authorised');
    // A note's CUFE is not something to return; an unknown CUFE is said to be unknown.
    const noteCufe = (await ok('documents:get', { id: note.id })).cufe ?? '';
    expect(await call('till:findInvoice', { reference: noteCufe })).toMatchObject({
      ok: false,
      error: { code: 'not_allowed', message: /nota, no de una factura/ },
    });
    expect(await call('till:findInvoice', { reference: `FE${'0'.repeat(64)}` })).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: 'No hay en esta caja un documento con ese CUFE' },
    });

    await suite.signInAs('gerente'); // blind count: the X report is a gerente's
    const x = await ok('reports:xReport', {});
    expect(x.report.cash.refunds).toBe('9.63'); // the first refund of this shift
    expect(x.text).toContain('Devoluciones');

    const again = await call('documents:creditNote', {
      ...request,
      approval: await suite.approval('documents:creditNote'),
    });
    expect(again).toMatchObject({
      ok: false,
      error: {
        code: 'not_allowed',
        message:
          'Línea 1: la cantidad a acreditar debe ser mayor que cero y no superar 1 (facturado 3, ya acreditado 2)',
      },
    });
    const sale = await ok('documents:get', { id });
    expect((await ok('till:findInvoice', { reference: String(sale.numero) })).creditable?.[0]).toMatchObject({
      remaining: '1',
    });
  });

  it('credits a discount on the whole sale in proportion, and the simulator authorises the note', async () => {
    await suite.signInAs('gerente');
    // Items 17.70, discount 1.77 (10 %): paid 15.93. Returning line 1 in full (14.45) credits 1.77 × 14.45 / 17.70 = 1.445 → 1.45.
    const id = await suite.authorisedSale({
      cliente: CONSUMIDOR,
      tiempoPago: '1',
      items: ITEMS,
      descuentosGlobales: [{ descDescuento: 'Descuento 10 %', montoDescuento: '1.77' }],
      pagos: [{ formaPagoFact: '02', valorCuotaPagada: '15.93' }],
    });
    const note = await ok('documents:creditNote', {
      id,
      lines: [{ line: 1, cantidad: '3' }],
      refund: '04',
      motivo: MOTIVO,
      approval: await suite.approval('documents:creditNote'),
    });
    expect(note).toMatchObject({ totalFactura: '13.00' });
    expect(note.document).toMatchObject({
      descuentosGlobales: [{ montoDescuento: '1.45' }],
      pagos: [{ formaPagoFact: '04', valorCuotaPagada: '13.00' }],
    });
    await waitFor(() => suite.status(note.id) === 'AUTHORIZED', 5_000, 'discounted credit note authorised');
  });
});
