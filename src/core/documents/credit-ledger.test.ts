// The credit ledger against the real simulator and a real SQLite register: the over-crediting sequence of issue 11
// (a 14.36 invoice, a 1.98 partial credit, the whole invoice again) is refused at each step, annulment is refused
// while notes hold credit, reports never go negative, and two notes prepared together cannot both pass.
import { afterEach, describe, expect, it } from 'vitest';
import { SALE, startRegister, waitFor, type Register } from '../../../tests/fixtures/register-harness';
import { anItem } from '../../../tests/fixtures/fiscal-documents';
import { toPanamaDate } from '../../shared/fiscal/panama-time';
import { createHkaClient } from '../hka/client/hka-client';
import { DEMO_ACCOUNT } from '../hka/simulator';
import { salesReport } from '../reports/sales-report';
import type { SaleDraft } from '../sales/capture-sale';
import { annulDocument } from './annul-document';
import { draftCreditNote } from './credit-note';
import { creditRemaining, outstandingCreditNotes } from './credit-ledger';

let register: Register | undefined;
afterEach(async () => {
  await register?.close();
  register = undefined;
});

// Refresco: 4 × 1.85 at 7 % = 7.40 + 0.52 = 7.92 (one unit: 1.85 + 0.13 = 1.98). Pan: 6.44, exempt. Total 14.36.
const INVOICE: SaleDraft = {
  ...SALE,
  items: [
    anItem({ codigo: 'R1', descripcion: 'Refresco', cantidad: '4', precioUnitario: '1.85', tasaItbms: '01' }),
    anItem({ codigo: 'P1', descripcion: 'Pan', cantidad: '1', precioUnitario: '6.44', tasaItbms: '00' }),
  ],
  pagos: [{ formaPagoFact: '02', valorCuotaPagada: '14.36' }],
};

async function authorisedInvoice(r: Register): Promise<string> {
  const id = await r.authorise(INVOICE);
  expect(r.store.sqlite.prepare('SELECT total_factura FROM documents WHERE id = ?').pluck().get(id)).toBe('14.36');
  return id;
}

/** Drafts and captures a credit note; the result of the capture (refusals come back as violations). */
function credit(r: Register, invoiceId: string, lines?: { line: number; cantidad: string }[]) {
  const drafted = draftCreditNote(r.store.db, invoiceId, lines);
  if (!drafted.ok) throw new Error(drafted.message);
  return r.capture(drafted.draft, undefined, drafted.credit);
}

const noteSeries = (r: Register) =>
  r.store.sqlite.prepare("SELECT last_number FROM fiscal_series WHERE tipo_documento = '04'").pluck().get() as
    number | undefined;

describe('the credit ledger', () => {
  it('refuses each step of the over-crediting sequence, and the dialog is offered only what remains', async () => {
    register = await startRegister();
    const r = register;
    const invoice = await authorisedInvoice(r);

    const partial = credit(r, invoice, [{ line: 1, cantidad: '1' }]);
    expect(partial.ok && partial.captured.totals.totalFactura).toBe('1.98');
    expect(creditRemaining(r.store.sqlite, invoice)).toEqual([
      { line: 1, descripcion: 'Refresco', sold: '4', credited: '1', remaining: '3', remainingAmount: '5.94' },
      { line: 2, descripcion: 'Pan', sold: '1', credited: '0', remaining: '1', remainingAmount: '6.44' },
    ]);

    // The whole invoice again: the early check refuses it…
    const whole = [
      { line: 1, cantidad: '4' },
      { line: 2, cantidad: '1' },
    ];
    expect(draftCreditNote(r.store.db, invoice, whole)).toEqual({
      ok: false,
      message: 'Línea 1: la cantidad a acreditar debe ser mayor que cero y no superar 3 (facturado 4, ya acreditado 1)',
    });
    // …and so does the capture transaction, for a note drafted before the partial one existed (forged here).
    const forged = draftCreditNote(r.store.db, invoice, [
      { line: 1, cantidad: '3' },
      { line: 2, cantidad: '1' },
    ]);
    if (!forged.ok) throw new Error(forged.message);
    const forgedItems = forged.draft.items.map((item, i) => (i === 0 ? { ...item, cantidad: '4' } : item));
    const refused = r.capture(
      { ...forged.draft, items: forgedItems, pagos: [{ formaPagoFact: '02', valorCuotaPagada: '14.36' }] },
      undefined,
      forged.credit,
    );
    expect(refused).toEqual({
      ok: false,
      violations: [
        expect.objectContaining({
          rule: 'credit_exceeded',
          message:
            'No se puede acreditar más de lo facturado en la factura Nº 1: de la línea 1 (Refresco) quedan 3 por acreditar, no 4',
        }),
      ],
    });
    expect(noteSeries(r)).toBe(1); // the refused note took no number

    // Without lines, the note offers what remains: 3 Refrescos and the Pan (5.94 + 6.44).
    const rest = credit(r, invoice);
    expect(rest.ok && rest.captured.totals.totalFactura).toBe('12.38');
    expect(draftCreditNote(r.store.db, invoice)).toEqual({
      ok: false,
      message: 'La factura ya fue acreditada por completo',
    });

    // Annulling the invoice while its notes hold credit (authorised or still pending) is refused, before HKA.
    const client = await createHkaClient({
      environment: 'simulador',
      endpoint: r.sim.endpoint,
      responseTimeoutMs: 2_000,
    });
    const annulled = await annulDocument(
      {
        db: r.store.db,
        client,
        clock: () => new Date(),
        credentials: { withCredentials: (use) => use(DEMO_ACCOUNT) },
      },
      invoice,
      'El cliente no se llevó la mercancía',
      { actor: 'gerente-1' },
    );
    client.close();
    expect(annulled).toMatchObject({ ok: false, reason: 'not_allowed' });
    expect(!annulled.ok && annulled.message).toMatch(
      /^La factura tiene notas de crédito: Nº 1 \(.+\), Nº 2 \(.+\)\. No se puede anular/,
    );
    expect(r.statusOf(invoice)).toBe('AUTHORIZED');
    expect(r.sim.calls('AnulacionDocumento')).toBe(0);

    // Reports: net sales of each line never below zero.
    await waitFor(
      () => outstandingCreditNotes(r.store.sqlite, invoice).every((n) => n.status === 'AUTHORIZED'),
      5_000,
      'notes authorised',
    );
    const today = toPanamaDate(new Date());
    const byProduct = salesReport(r.store.db, today, today).byProduct;
    expect(byProduct.map((p) => [p.descripcion, p.cantidad, p.total])).toEqual([
      ['Pan', '0.00', '0.00'],
      ['Refresco', '0.00', '0.00'],
    ]);
  });

  it('lets only the first of two notes prepared together through (the check runs in the capture transaction)', async () => {
    register = await startRegister();
    const r = register;
    const invoice = await authorisedInvoice(r);
    const first = draftCreditNote(r.store.db, invoice, [{ line: 1, cantidad: '3' }]);
    const second = draftCreditNote(r.store.db, invoice, [{ line: 1, cantidad: '2' }]);
    if (!first.ok || !second.ok) throw new Error('both drafts pass on their own');
    expect(r.capture(first.draft, undefined, first.credit).ok).toBe(true);
    const late = r.capture(second.draft, undefined, second.credit);
    const violations = late.ok ? [] : late.violations;
    expect(violations.map((v) => v.rule)).toEqual(['credit_exceeded']);
    expect(violations[0]?.message).toContain('de la línea 1 (Refresco) quedan 1 por acreditar, no 2');
    expect(noteSeries(r)).toBe(1);
  });

  it('refuses a note worth more than the line (a raised price), a 04 without its invoice, and gives credit back when a note is discarded', async () => {
    register = await startRegister();
    const r = register;
    const invoice = await authorisedInvoice(r);
    const drafted = draftCreditNote(r.store.db, invoice, [{ line: 2, cantidad: '1' }]);
    if (!drafted.ok) throw new Error(drafted.message);
    const dearer: SaleDraft = {
      ...drafted.draft,
      items: drafted.draft.items.map((item) => ({ ...item, precioUnitario: '9.00' })),
      pagos: [{ formaPagoFact: '02', valorCuotaPagada: '9.00' }],
    };
    const dear = r.capture(dearer, undefined, drafted.credit);
    expect(dear.ok ? '' : dear.violations[0]?.message).toContain('quedan B/. 6.44 por acreditar, no B/. 9.00');
    expect(r.capture(drafted.draft)).toMatchObject({
      ok: false,
      violations: [
        {
          rule: 'credit_exceeded',
          message: 'Una nota de crédito se emite desde la factura que acredita (página del documento)',
        },
      ],
    });

    const note = r.capture(drafted.draft, undefined, drafted.credit);
    if (!note.ok) throw new Error('note');
    expect(creditRemaining(r.store.sqlite, invoice)[1]?.remaining).toBe('0');
    r.store.sqlite.prepare("UPDATE documents SET status = 'CANCELLED' WHERE id = ?").run(note.captured.id); // as documents:cancel leaves it
    expect(creditRemaining(r.store.sqlite, invoice)[1]).toMatchObject({ remaining: '1', remainingAmount: '6.44' });
  });
});
