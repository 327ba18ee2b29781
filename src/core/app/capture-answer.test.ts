// The cashier's answer to a capture is built from the rows the transaction wrote (after-commit.ts), not read back.
// These tests hold it equal to what getDocumentDetail reads from the file right after the commit, for every kind of
// document the register captures; a field added to the detail read and not to the answer fails here.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONTRIBUYENTE, REAL_CUFE, anItem } from '../../../tests/fixtures/fiscal-documents';
import { insertUser } from '../auth/users-repo';
import { captureSale, type CaptureDeps, type EmissionMode, type SaleDraft } from '../sales/capture-sale';
import { openDatabase, type OpenedDatabase } from '../store/open-database';
import { DEFAULT_ISSUER_SETTINGS } from '../store/settings-repo';
import { detailOfCaptured } from './after-commit';
import { getDocumentDetail } from './document-detail';

const NOW = new Date('2026-11-28T15:30:00Z');
const SALE: SaleDraft = {
  tipoDocumento: '01',
  cliente: { tipoClienteFE: '02', pais: 'PA' },
  items: [
    anItem({ cantidad: '2', precioUnitario: '1.50' }),
    anItem({ codigo: 'P2', unidadMedida: 'kg', cantidad: '0.5', tasaItbms: '00' }),
  ],
  pagos: [{ formaPagoFact: '02', valorCuotaPagada: '20.00' }],
  tiempoPago: '1',
};

function register(mode: EmissionMode = { tipoEmision: '01' }): { store: OpenedDatabase; deps: CaptureDeps } {
  const store = openDatabase({ path: ':memory:' });
  const cashier = insertUser(
    store.db,
    { username: 'ana', displayName: 'Ana Cajera', role: 'cajero', pinHash: 'x' },
    NOW,
  );
  return {
    store,
    deps: {
      db: store.db,
      issuer: DEFAULT_ISSUER_SETTINGS,
      emissionMode: () => mode,
      clock: () => NOW,
      actor: cashier.id,
    },
  };
}

/** Captures the draft and returns the answer built from the rows and the detail read back from the file. */
function bothWays(deps: CaptureDeps, draft: SaleDraft) {
  const result = captureSale(deps, draft);
  if (!result.ok) throw new Error(JSON.stringify(result.violations));
  return { answer: detailOfCaptured(result.captured), read: getDocumentDetail(deps.db, result.captured.id) };
}

describe("the capture's answer equals the document read back", () => {
  it('an invoice to a final consumer, the first of the day (it opens the shift too)', () => {
    const { deps } = register();
    const { answer, read } = bothWays(deps, SALE);
    expect(answer).toEqual(read);
    expect(answer.creditable).toEqual([
      { line: 1, remaining: '2', remainingAmount: '3.21' },
      { line: 2, remaining: '0.5', remainingAmount: '2.13' },
    ]);
    expect(answer.history).toMatchObject([{ action: 'sale.captured', actor: deps.actor }]);
  });

  it("an invoice to a contribuyente, approved by a gerente, with the approval's details in its audit entry", () => {
    const { store, deps } = register();
    const gerente = insertUser(store.db, { username: 'g', displayName: 'Gerente', role: 'gerente', pinHash: 'x' }, NOW);
    const draft: SaleDraft = { ...SALE, cliente: CONTRIBUYENTE };
    const approved = { ...deps, approvedBy: gerente.id, auditDetails: { exceptions: [{ kind: 'price', line: 1 }] } };
    bothWays(deps, SALE); // not the first document: no shift is opened this time
    const { answer, read } = bothWays(approved, draft);
    expect(answer).toEqual(read);
    expect(answer.receptorNombre).toBe('THE FACTORY HKA CORP');
    expect(answer.history[0]?.details).toMatchObject({ exceptions: [{ kind: 'price', line: 1 }] });
  });

  it('a sale in contingency (tipoEmision 02)', () => {
    const { deps } = register({
      tipoEmision: '02',
      fechaInicio: '2026-11-28T10:00:00-05:00',
      motivo: 'Sin conexión a internet desde las 10:00',
    });
    const { answer, read } = bothWays(deps, SALE);
    expect(answer).toEqual(read);
    expect(answer.tipoEmision).toBe('02');
  });

  it("a credit note (04): the invoice's number, no creditable lines of its own", () => {
    const { store, deps } = register();
    for (let i = 0; i < 3; i++) bothWays(deps, SALE);
    const invoiceId = store.sqlite.prepare('SELECT id FROM documents WHERE numero = 3').pluck().get() as string;
    store.sqlite.prepare("UPDATE documents SET status = 'AUTHORIZED', cufe = ? WHERE id = ?").run(REAL_CUFE, invoiceId);
    const note: SaleDraft = {
      ...SALE,
      tipoDocumento: '04',
      items: [anItem({ cantidad: '1', precioUnitario: '1.50' })],
      referencias: [{ fechaEmision: '2026-11-28T10:30:00-05:00', cufe: REAL_CUFE }],
    };
    const { answer, read } = bothWays({ ...deps, credit: { invoiceId, lines: [1] } }, note);
    expect(answer).toEqual(read);
    expect(answer).toMatchObject({ tipoDocumento: '04', facturaNumero: 3, creditable: null });
  });

  it('a generic credit note (06), which credits no invoice of the ledger', () => {
    const { deps } = register();
    const { answer, read } = bothWays(deps, { ...SALE, tipoDocumento: '06', cliente: CONTRIBUYENTE });
    expect(answer).toEqual(read);
    expect(answer).toMatchObject({ tipoDocumento: '06', facturaNumero: null, creditable: null });
  });

  it('any basket: quantities, prices, discounts, rates and customers drawn at random', () => {
    const { deps } = register();
    const item = fc.record({
      // Weighed lines (kg) take up to 3 decimals; counted ones (und) whole units.
      cantidad: fc.integer({ min: 1, max: 50_000 }).map((n) => (n / 1000).toString()),
      precioUnitario: fc.integer({ min: 1, max: 99_999 }).map((n) => (n / 100).toFixed(2)),
      descuento: fc.option(fc.integer({ min: 1, max: 50 }), { nil: undefined }),
      tasaItbms: fc.constantFrom('00', '01', '02', '03'),
    });
    fc.assert(
      fc.property(fc.array(item, { minLength: 1, maxLength: 60 }), fc.boolean(), (lines, named) => {
        const items = lines.map((l, i) =>
          anItem({
            codigo: `P${i}`,
            descripcion: `Producto ${i} «ñ»`,
            unidadMedida: Number.isInteger(Number(l.cantidad)) ? 'und' : 'kg',
            cantidad: l.cantidad,
            precioUnitario: l.precioUnitario,
            tasaItbms: l.tasaItbms,
            ...(l.descuento !== undefined && Number(l.precioUnitario) > 1
              ? { precioUnitarioDescuento: (l.descuento / 100).toFixed(2) }
              : {}),
          }),
        );
        const draft: SaleDraft = {
          ...SALE,
          cliente: named ? CONTRIBUYENTE : SALE.cliente,
          items,
          pagos: [{ formaPagoFact: '02', valorCuotaPagada: '999999.00' }],
        };
        const { answer, read } = bothWays(deps, draft);
        expect(answer).toEqual(read);
      }),
      { numRuns: 40 },
    );
  });
});
