// Annulment within 7 days and credit notes after, against the real simulator and a real SQLite register.
import { afterEach, describe, expect, it } from 'vitest';
import { SALE, startRegister, waitFor, type Register } from '../../../tests/fixtures/register-harness';
import { anItem } from '../../../tests/fixtures/fiscal-documents';
import { createHkaClient } from '../hka/client/hka-client';
import { DEMO_ACCOUNT } from '../hka/simulator';
import { annulDocument } from './annul-document';
import { draftCreditNote } from './credit-note';

const DAY = 86_400_000;
let register: Register | undefined;
afterEach(async () => {
  await register?.close();
  register = undefined;
});

async function authorisedSale(r: Register) {
  const captured = r.capture({
    ...SALE,
    items: [
      anItem({ cantidad: '2', precioUnitario: '1.50' }),
      anItem({ codigo: 'P2', precioUnitario: '10.00', tasaItbms: '03' }),
    ],
    pagos: [{ formaPagoFact: '02', valorCuotaPagada: '20.00' }],
  });
  if (!captured.ok) throw new Error(JSON.stringify(captured.violations));
  r.worker.start();
  await waitFor(() => r.statusOf(captured.captured.id) === 'AUTHORIZED', 5_000, 'authorised');
  return captured.captured.id;
}

async function annulDeps(r: Register, clock: () => Date) {
  const client = await createHkaClient({
    environment: 'simulador',
    endpoint: r.sim.endpoint,
    responseTimeoutMs: 2_000,
  });
  return {
    db: r.store.db,
    client,
    clock,
    credentials: { withCredentials: <T>(use: (c: typeof DEMO_ACCOUNT) => Promise<T>) => use(DEMO_ACCOUNT) },
  };
}

describe('annulDocument', () => {
  it('annuls an authorised document within 7 days at HKA and locally, audited', async () => {
    register = await startRegister();
    const r = register;
    const id = await authorisedSale(r);
    const result = await annulDocument(await annulDeps(r, () => new Date()), id, 'El cliente desistió de la compra', {
      actor: 'gerente-1',
    });
    expect(result).toEqual({ ok: true });
    expect(r.statusOf(id)).toBe('ANNULLED');
    expect(r.sim.calls('AnulacionDocumento')).toBe(1);
    const audit = r.store.sqlite
      .prepare("SELECT actor, details FROM audit_log WHERE action = 'document.annulled'")
      .get();
    expect(audit).toEqual({
      actor: 'gerente-1',
      details: JSON.stringify({ motivo: 'El cliente desistió de la compra' }),
    });
  });

  it('refuses after 7 days (suggesting a credit note), a short reason, an unauthorised document, and keeps it authorised', async () => {
    register = await startRegister();
    const r = register;
    const id = await authorisedSale(r);
    const later = await annulDeps(r, () => new Date(Date.now() + 8 * DAY));
    expect(await annulDocument(later, id, 'El cliente desistió de la compra', { actor: 'g' })).toMatchObject({
      ok: false,
      reason: 'too_late',
      message: expect.stringContaining('nota de crédito') as unknown,
    });
    expect(await annulDocument(await annulDeps(r, () => new Date()), id, 'corto', { actor: 'g' })).toMatchObject({
      ok: false,
      reason: 'not_allowed',
    });
    expect(r.statusOf(id)).toBe('AUTHORIZED');
    expect(r.sim.calls('AnulacionDocumento')).toBe(0);
  });

  it('leaves the document authorised when HKA cannot be reached', async () => {
    register = await startRegister();
    const r = register;
    const id = await authorisedSale(r);
    await r.sim.faults.refuseConnections();
    expect(
      await annulDocument(await annulDeps(r, () => new Date()), id, 'El cliente desistió de la compra', { actor: 'g' }),
    ).toMatchObject({ ok: false, reason: 'hka_unreachable' });
    expect(r.statusOf(id)).toBe('AUTHORIZED');
    await r.sim.faults.acceptConnections();
  });
});

describe('draftCreditNote', () => {
  it('credits part of an invoice, referencing its CUFE, and the note is authorised through the same queue', async () => {
    register = await startRegister();
    const r = register;
    const id = await authorisedSale(r);
    const cufe = r.store.sqlite.prepare('SELECT cufe FROM documents WHERE id = ?').pluck().get(id) as string;
    const drafted = draftCreditNote(r.store.db, id, [{ line: 2, cantidad: '1' }]);
    if (!drafted.ok) throw new Error(drafted.message);
    expect(drafted.draft).toMatchObject({
      tipoDocumento: '04',
      referencias: [{ cufe }],
      pagos: [{ formaPagoFact: '02', valorCuotaPagada: '11.50' }],
    });
    const note = r.capture(drafted.draft, undefined, drafted.credit);
    if (!note.ok) throw new Error(JSON.stringify(note.violations));
    expect(note.captured.document).toMatchObject({ tipoDocumento: '04', numeroDocumentoFiscal: '1' });
    await waitFor(() => r.statusOf(note.captured.id) === 'AUTHORIZED', 5_000, 'credit note authorised');
    expect(
      r.sim
        .ledger()
        .map((e) => e.tipoDocumento)
        .sort(),
    ).toEqual(['01', '04']);
  });

  it('refuses a quantity above the original, an unknown line, and a document that is not an authorised invoice', async () => {
    register = await startRegister();
    const r = register;
    const id = await authorisedSale(r);
    expect(draftCreditNote(r.store.db, id, [{ line: 1, cantidad: '3' }])).toEqual({
      ok: false,
      message: 'Línea 1: la cantidad a acreditar debe ser mayor que cero y no superar 2',
    });
    expect(draftCreditNote(r.store.db, id, [{ line: 9, cantidad: '1' }])).toEqual({
      ok: false,
      message: 'La factura no tiene la línea 9',
    });
    await r.worker.stop(); // the next sale stays QUEUED: not an authorised invoice
    const another = r.capture(SALE);
    if (!another.ok) throw new Error('capture');
    expect(draftCreditNote(r.store.db, another.captured.id)).toMatchObject({ ok: false });
    expect(draftCreditNote(r.store.db, 'nope')).toEqual({ ok: false, message: 'El documento original no existe' });
  });
});
