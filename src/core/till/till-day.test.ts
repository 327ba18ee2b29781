// The till's busy day in the core, through the contract as the till calls it: park and recall (persisted, listed with
// time, cashier and a total the core computes, recalled once), the basket in progress (saved, restored to its owner,
// parked under its owner's name when someone else signs in), cash movements (pay-out over the limit needs a gerente)
// and the X/Z: expected cash moves with pay-ins and pay-outs, and the Z counts the sales on hold.
import { describe, expect, it } from 'vitest';
import { coreIpcSuite } from '../../../tests/fixtures/core-ipc-suite';
import { TEST_USERS } from '../../../tests/fixtures/register-users';
import type { Basket } from '../../shared/ipc/areas/till/contract';

const suite = coreIpcSuite('till-day');
const { call, ok } = suite;

const line = (key: number, codigo: string, cantidad: string, precio: string, tasa: '00' | '01' | '02' = '01') => ({
  key,
  productId: `id-${codigo}`,
  codigo,
  descripcion: `Producto ${codigo}`,
  unidad: 'und',
  cantidad,
  precioUnitario: precio,
  catalogPrice: precio,
  descuentoUnitario: '0',
  tasaItbms: tasa,
  codigoCPBS: null,
  unidadMedidaCPBS: null,
  requiereLote: false,
  medicina: null,
});
const basket = (...lines: ReturnType<typeof line>[]): Basket => ({ lines, customer: null });
const audits = (action: string) =>
  suite.core.store.sqlite
    .prepare(
      'SELECT actor_name AS actor, approved_by_name AS approver, details FROM audit_log WHERE action = ? ORDER BY id',
    )
    .all(action) as { actor: string; approver: string | null; details: string }[];

describe('park and recall', () => {
  it('parks a basket with its name or the next number, lists it with cashier and the core-computed total, and recalls it once', async () => {
    await suite.signInAs('cajero');
    const named = await ok('till:park', { basket: basket(line(1, 'P007', '2', '3.95')), label: 'Señora del sombrero' });
    expect(named).toMatchObject({
      label: 'Señora del sombrero',
      total: '8.45',
      lineCount: 1,
      parkedByName: TEST_USERS.cajero.displayName,
      reason: 'manual',
    });
    const numbered = await ok('till:park', {
      basket: basket(line(1, 'P001', '1', '3.25', '00'), line(2, 'P012', '3', '0.85')),
    });
    expect(numbered).toMatchObject({ label: 'Venta 1', total: '5.98', lineCount: 2 });
    expect((await ok('till:parked', {})).map((p) => p.label)).toEqual(['Señora del sombrero', 'Venta 1']);

    const recalled = await ok('till:recall', { id: named.id });
    expect(recalled.basket.lines).toHaveLength(1);
    expect(recalled.basket.lines[0]).toMatchObject({ codigo: 'P007', cantidad: '2' });
    expect(await call('till:recall', { id: named.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect((await ok('till:parked', {})).map((p) => p.label)).toEqual(['Venta 1']);
    expect(audits('till.parked')).toHaveLength(2);
    expect(audits('till.recalled')).toEqual([expect.objectContaining({ actor: TEST_USERS.cajero.displayName })]);
    await ok('till:recall', { id: numbered.id });
  });

  it('keeps the discount on the whole sale with a parked basket and totals it less the discount', async () => {
    await suite.signInAs('cajero');
    // 2 × 3.95 + 7 % = 8.45; 10 % = 0.845 → 0.85 off: 7.60.
    const parked = await ok('till:park', {
      basket: { ...basket(line(1, 'P007', '2', '3.95')), ticketDiscount: { kind: 'percent', value: '10' } },
    });
    expect(parked.total).toBe('7.60');
    expect((await ok('till:recall', { id: parked.id })).basket.ticketDiscount).toEqual({
      kind: 'percent',
      value: '10',
    });
  });

  it('refuses to park an empty basket or a malformed one, writing nothing', async () => {
    await suite.signInAs('cajero');
    expect(await call('till:park', { basket: basket() })).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    const bad = { basket: { lines: [{ ...line(1, 'P001', '-1', '3.25') }], customer: null } };
    expect(await call('till:park', bad)).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(await ok('till:parked', {})).toEqual([]);
  });

  it('refuses every till channel to a signed-out register', async () => {
    await suite.signInAs(null);
    expect(await call('till:parked', {})).toMatchObject({ ok: false });
    expect(await call('till:loadDraft', {})).toMatchObject({ ok: false });
  });
});

describe('the basket in progress', () => {
  it('is saved and given back to its owner; emptied, it is gone', async () => {
    await suite.signInAs('cajero');
    expect(await ok('till:saveDraft', { basket: basket(line(1, 'P001', '1', '3.25', '00')) })).toEqual({ saved: true });
    expect(await ok('till:loadDraft', {})).toMatchObject({
      basket: { lines: [expect.objectContaining({ codigo: 'P001' })] },
      parkedForOther: null,
    });
    expect(await ok('till:saveDraft', { basket: null })).toEqual({ saved: false });
    expect(await ok('till:loadDraft', {})).toEqual({ basket: null, parkedForOther: null });
  });

  it("is parked under its owner's name when someone else signs in, never shown to them", async () => {
    await suite.signInAs('cajero');
    await ok('till:saveDraft', { basket: basket(line(1, 'P014', '1', '12.50', '02')) });
    await suite.signInAs('gerente');
    const loaded = await ok('till:loadDraft', {});
    expect(loaded.basket).toBeNull();
    expect(loaded.parkedForOther).toMatchObject({
      parkedByName: TEST_USERS.cajero.displayName,
      reason: 'handover',
      total: '13.75',
    });
    expect(await ok('till:loadDraft', {})).toEqual({ basket: null, parkedForOther: null });
    await ok('till:recall', { id: loaded.parkedForOther?.id ?? '' });
  });
});

describe('cash movements in the X and Z', () => {
  it('moves the expected cash, needs a gerente above the pay-out limit, and the Z counts sales on hold', async () => {
    await suite.signInAs('cajero');
    expect(await call('till:cashMovement', { kind: 'in', amount: '10.00', reason: 'cambio' })).toMatchObject({
      ok: false,
      error: { code: 'not_allowed' },
    });
    await ok('reports:openShift', { openingCash: '50.00' });
    expect(
      await ok('till:cashMovement', {
        kind: 'in',
        amount: '25.00',
        reason: 'cambio',
        note: 'Fondo de cambio del banco',
      }),
    ).toMatchObject({ kind: 'in', amount: '25.00', byName: TEST_USERS.cajero.displayName, approvedByName: null });
    await ok('till:cashMovement', { kind: 'out', amount: '20.00', reason: 'caja_chica', note: 'Hielo' }); // at the limit: no gerente
    expect(await call('till:cashMovement', { kind: 'out', amount: '40.00', reason: 'retiro' })).toMatchObject({
      ok: false,
      error: { code: 'approval_required', approvalAction: 'till.payOut' },
    });
    expect(await call('till:cashMovement', { kind: 'out', amount: '0.00', reason: 'retiro' })).toMatchObject({
      ok: false,
    });
    const approved = await ok('till:cashMovement', {
      kind: 'out',
      amount: '40.00',
      reason: 'retiro',
      approval: await suite.approval('till.payOut'),
    });
    expect(approved.approvedByName).toBe(TEST_USERS.gerente.displayName);
    expect(audits('cash.payOut').map((a) => a.approver)).toEqual([null, TEST_USERS.gerente.displayName]);
    expect((await ok('till:cashMovements', {})).map((m) => `${m.kind} ${m.amount}`)).toEqual([
      'in 25.00',
      'out 20.00',
      'out 40.00',
    ]);

    await ok('till:park', { basket: basket(line(1, 'P001', '1', '3.25', '00')) });
    await suite.signInAs('gerente');
    const x = await ok('reports:xReport', {});
    expect(x.report.cash).toMatchObject({ opening: '50.00', payIns: '25.00', payOuts: '60.00', expected: '15.00' });
    expect(x.report.parkedSales).toBe(1);
    expect(x.text).toContain('+ Entradas de efectivo');
    expect(x.text).toContain('AVISO: 1 venta(s) en espera sin cobrar');
    const z = await ok('reports:closeShift', { countedCash: '15.00' });
    expect(z).toMatchObject({
      closed: true,
      report: { parkedSales: 1, cash: { expected: '15.00', difference: '0.00' } },
    });
  });
});
