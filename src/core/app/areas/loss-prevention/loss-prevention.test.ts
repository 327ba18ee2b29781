// Loss prevention in the core, through the contract as the till calls it: a cashier's price override or discount over
// the limit is refused at "Cobrar" unless a gerente approved it when it was made (till:authorize), audited with both
// names; a cashier cannot issue a credit note through sales:complete; reprints beyond the free ones, catalogue edits
// and changes to a customer on file need a gerente; the rules are the store's, saved by a gerente.
import { describe, expect, it } from 'vitest';
import { coreIpcSuite } from '../../../../../tests/fixtures/core-ipc-suite';
import { TEST_USERS } from '../../../../../tests/fixtures/register-users';

const suite = coreIpcSuite('loss-prevention');
const { call, ok } = suite;

const sale = (
  items: { codigo: string; precioUnitario: string; precioUnitarioDescuento?: string }[],
  paid = '50.00',
) => ({
  draft: {
    tipoDocumento: '01' as const,
    cliente: { tipoClienteFE: '02' as const, pais: 'PA' },
    tiempoPago: '1' as const,
    items: items.map((i) => ({ descripcion: `Producto ${i.codigo}`, cantidad: '1', tasaItbms: '00' as const, ...i })),
    pagos: [{ formaPagoFact: '02' as const, valorCuotaPagada: paid }],
  },
});
const lastAudit = (action: string) =>
  suite.core.store.sqlite
    .prepare(
      `SELECT actor_name AS actor, approved_by_name AS approver, details
  FROM audit_log WHERE action = ? ORDER BY id DESC LIMIT 1`,
    )
    .get(action) as { actor: string; approver: string | null; details: string } | undefined;
const OVERRIDE = {
  kind: 'priceOverride' as const,
  codigo: 'P001',
  descripcion: 'Arroz blanco 5 lb',
  before: '3.25',
  after: '0.01',
};

describe('loss prevention at the till', () => {
  it('sells at catalogue prices without asking anyone', async () => {
    await suite.signInAs('cajero');
    expect(await ok('sales:complete', sale([{ codigo: 'P001', precioUnitario: '3.25' }]))).toMatchObject({
      status: 'QUEUED',
    });
  });

  it('refuses a price override at "Cobrar" until a gerente approved that very change, then spends the approval', async () => {
    await suite.signInAs('cajero');
    const documents = suite.core.store.sqlite.prepare('SELECT count(*) FROM documents').pluck();
    const before = documents.get();
    expect(await call('sales:complete', sale([{ codigo: 'P001', precioUnitario: '0.01' }]))).toMatchObject({
      ok: false,
      error: {
        code: 'not_allowed',
        message: 'Falta la autorización de un gerente: el precio de P001 cambió de 3.25 a 0.01',
      },
    });
    expect(documents.get()).toBe(before);

    expect(await call('till:authorize', { action: OVERRIDE })).toMatchObject({
      ok: false,
      error: { code: 'approval_required', approvalAction: 'till.priceOverride' },
    });
    expect(
      await ok('till:authorize', { action: OVERRIDE, approval: await suite.approval('till.priceOverride') }),
    ).toEqual({ approvedBy: TEST_USERS.gerente.displayName });
    expect(lastAudit('till.priceOverride')).toMatchObject({
      actor: TEST_USERS.cajero.displayName,
      approver: TEST_USERS.gerente.displayName,
    });
    expect(JSON.parse(lastAudit('till.priceOverride')?.details ?? '{}')).toMatchObject({
      codigo: 'P001',
      before: '3.25',
      after: '0.01',
    });

    // Approved for 0.01: another price is still refused; 0.01 goes through once.
    expect(await call('sales:complete', sale([{ codigo: 'P001', precioUnitario: '0.02' }]))).toMatchObject({
      ok: false,
      error: { code: 'not_allowed' },
    });
    const sold = await ok('sales:complete', sale([{ codigo: 'P001', precioUnitario: '0.01' }]));
    const captured = suite.core.store.sqlite
      .prepare(
        "SELECT actor_name AS actor, approved_by_name AS approver, details FROM audit_log WHERE action = 'sale.captured' AND document_id = ?",
      )
      .get(sold.id) as { actor: string; approver: string; details: string };
    expect(captured).toMatchObject({ actor: TEST_USERS.cajero.displayName, approver: TEST_USERS.gerente.displayName });
    expect(JSON.parse(captured.details)).toMatchObject({
      exceptions: [{ kind: 'priceOverride', codigo: 'P001', after: '0.01' }],
    });
    expect(await call('sales:complete', sale([{ codigo: 'P001', precioUnitario: '0.01' }]))).toMatchObject({
      ok: false,
      error: { code: 'not_allowed' },
    });
  });

  it("lets a discount under the limit through, and asks for one above it; an approval is the cashier's own", async () => {
    await suite.signInAs('cajero');
    expect(
      await ok('sales:complete', sale([{ codigo: 'P001', precioUnitario: '3.25', precioUnitarioDescuento: '0.30' }])),
    ).toMatchObject({ status: 'QUEUED' });
    const big = { codigo: 'P001', precioUnitario: '3.25', precioUnitarioDescuento: '1.00' };
    expect(await call('sales:complete', sale([big]))).toMatchObject({
      ok: false,
      error: { message: /descuento de 1\.00 por unidad en P001 supera el límite/ },
    });
    const discount = {
      kind: 'lineDiscount' as const,
      codigo: 'P001',
      descripcion: 'Arroz',
      precioUnitario: '3.25',
      descuentoUnitario: '1.00',
    };
    await ok('till:authorize', { action: discount, approval: await suite.approval('till.lineDiscount') });
    // Another cashier cannot spend it: grants belong to whoever asked.
    await suite.signInAs('gerente');
    await ok('auth:createUser', { username: 'rosa', displayName: 'Rosa Cajera', pin: '4321', role: 'cajero' });
    await ok('auth:signIn', { username: 'rosa', pin: '4321' });
    expect(await call('sales:complete', sale([big]))).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    await suite.signInAs('cajero');
    expect(await ok('sales:complete', sale([big]))).toMatchObject({ status: 'QUEUED' });
  });

  it('lets a gerente sell with a changed price, audited as an exception of the sale', async () => {
    await suite.signInAs('gerente');
    const sold = await ok('sales:complete', sale([{ codigo: 'P001', precioUnitario: '2.00' }]));
    const details = suite.core.store.sqlite
      .prepare("SELECT details FROM audit_log WHERE action = 'sale.captured' AND document_id = ?")
      .pluck()
      .get(sold.id) as string;
    expect(JSON.parse(details)).toMatchObject({
      exceptions: [{ kind: 'priceOverride', before: '3.25', after: '2.00' }],
    });
  });

  it('never issues a credit or debit note through "Cobrar"', async () => {
    await suite.signInAs('gerente');
    const note = sale([{ codigo: 'P001', precioUnitario: '3.25' }]);
    expect(await call('sales:complete', { draft: { ...note.draft, tipoDocumento: '04' } })).toMatchObject({
      ok: false,
      error: { code: 'not_allowed', message: /se emiten desde la página del documento/ },
    });
  });

  it('audits voided lines, cleared baskets and the drawer, asking a gerente where the rules say so', async () => {
    await suite.signInAs('cajero');
    const voidLine = { kind: 'voidLine' as const, codigo: 'P001', descripcion: 'Arroz', cantidad: '1', total: '3.25' };
    expect(await call('till:authorize', { action: voidLine })).toMatchObject({
      ok: false,
      error: { code: 'approval_required' },
    });
    await suite.signInAs('gerente');
    const rules = await ok('settings:lossPrevention', {});
    await ok('settings:saveLossPrevention', { ...rules, voidLine: false });
    expect(lastAudit('settings.lossPrevention')?.details).toContain('"voidLine":false');
    await suite.signInAs('cajero');
    expect(await ok('till:authorize', { action: voidLine })).toEqual({ approvedBy: null });
    expect(lastAudit('till.voidLine')).toMatchObject({ actor: TEST_USERS.cajero.displayName, approver: null });
    expect(await call('settings:saveLossPrevention', { ...rules })).toMatchObject({
      ok: false,
      error: { code: 'approval_required' },
    });
  });

  it('counts receipt prints: the original and one reprint free, then a gerente', async () => {
    await suite.signInAs('cajero');
    const sold = await ok('sales:complete', sale([{ codigo: 'P001', precioUnitario: '3.25' }]));
    expect(await ok('receipt:print', { documentId: sold.id })).toMatchObject({ copy: 0 });
    expect(await ok('receipt:print', { documentId: sold.id })).toMatchObject({ copy: 1 });
    expect(await call('receipt:print', { documentId: sold.id })).toMatchObject({
      ok: false,
      error: { code: 'approval_required', approvalAction: 'receipt:print' },
    });
    expect(
      await ok('receipt:print', { documentId: sold.id, approval: await suite.approval('receipt:print') }),
    ).toMatchObject({ copy: 2 });
    expect(lastAudit('receipt.printed')).toMatchObject({
      actor: TEST_USERS.cajero.displayName,
      approver: TEST_USERS.gerente.displayName,
    });
  });

  it("keeps the catalogue and the customers on file the gerente's, but lets a cashier add a customer for a sale", async () => {
    await suite.signInAs('cajero');
    const product = {
      codigo: 'LP1',
      barcode: null,
      descripcion: 'Producto nuevo',
      unidad: 'und',
      precio: '1.00',
      tasaItbms: '01' as const,
    };
    expect(await call('catalog:saveProduct', product)).toMatchObject({
      ok: false,
      error: { code: 'approval_required' },
    });
    expect(
      await ok('catalog:saveProduct', { ...product, approval: await suite.approval('catalog:saveProduct') }),
    ).toMatchObject({ codigo: 'LP1' });
    const receptor = {
      tipoClienteFE: '01',
      tipoContribuyente: '2',
      numeroRUC: '155596713-2-2015',
      digitoVerificadorRUC: '59',
      razonSocial: 'Ferretería El Tornillo, S.A.',
      direccion: 'Vía España, local 4',
      pais: 'PA',
    } as const;
    const added = await ok('customers:save', { receptor });
    expect(
      await call('customers:save', { id: added.id, receptor: { ...receptor, direccion: 'Otra dirección 123' } }),
    ).toMatchObject({ ok: false, error: { code: 'approval_required' } });
    expect(await call('customers:save', { receptor: { ...receptor, direccion: 'Otra dirección 123' } })).toMatchObject({
      ok: false,
      error: { code: 'approval_required' },
    });
    await ok('customers:save', {
      id: added.id,
      receptor: { ...receptor, direccion: 'Otra dirección 123' },
      approval: await suite.approval('customers:save'),
    });
    expect(JSON.parse(lastAudit('customers.saved')?.details ?? '{}')).toMatchObject({
      before: { direccion: 'Vía España, local 4' },
      after: { direccion: 'Otra dirección 123' },
    });
  });
});
