// For random baskets (the fiscal generators: all four rates, 6-decimal prices and quantities, unit and global
// discounts, ISC, OTI), the receipt adds up to the cent: Σ lines = subtotal, Σ ITBMS by rate = total ITBMS, and
// subtotal + taxes + charges − discount = total, which is the total HKA receives.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validDocumentArb } from '../../../tests/fixtures/fiscal-arbitraries';
import { money, sum, type Money } from '../fiscal/money';
import { validateDocument } from '../fiscal/validate';
import type { DocumentDetail } from '../ipc/schemas';
import { receiptModel } from './receipt-model';

const ISSUER = {
  razonSocial: 'THE FACTORY HKA CORP',
  ruc: '155596713-2-2015',
  dv: '59',
  codigoSucursal: '0000',
  puntoFacturacion: '001',
};

const detailOf = (document: unknown): DocumentDetail => ({
  id: 'd1',
  tipoDocumento: '01',
  numero: 1,
  puntoFacturacion: '001',
  tipoEmision: '01',
  fechaEmision: '2026-11-28T10:15:00-05:00',
  status: 'QUEUED',
  totalFactura: '0',
  receptorNombre: null,
  cufe: null,
  document,
  totals: {},
  qr: null,
  nroProtocolo: null,
  fechaRecepcionDgi: null,
  hkaCodigo: null,
  hkaMensajes: [],
  history: [],
});

const amount = (value: string | null): Money => money(value ?? '0');

describe('the receipt adds up, property-based', () => {
  it('lines → subtotal → total, every figure equal to the one HKA receives', () => {
    fc.assert(
      fc.property(validDocumentArb, (doc) => {
        const validated = validateDocument(doc);
        if (!validated.ok) throw new Error('the generator made an invalid document');
        const model = receiptModel(detailOf(doc), ISSUER, false);
        if (!model) throw new Error('no receipt');
        const { sums } = model;
        expect(sum(model.items.map((l) => money(l.importe))).eq(money(sums.subtotal))).toBe(true);
        expect(sum(sums.porTasa.map((r) => money(r.itbms))).eq(money(sums.totalItbms))).toBe(true);
        expect(sum(sums.porTasa.map((r) => money(r.base))).eq(money(sums.subtotal))).toBe(true);
        const computed = money(sums.subtotal)
          .plus(sums.totalItbms)
          .plus(amount(sums.isc))
          .plus(amount(sums.otrosImpuestos))
          .plus(amount(sums.cargosItems))
          .plus(amount(sums.acarreo))
          .plus(amount(sums.seguro))
          .minus(amount(sums.descuentos));
        expect(computed.toFixed(2)).toBe(sums.total);
        expect(sums.total).toBe(validated.totals.totalFactura);
        expect(sums.subtotal).toBe(validated.totals.totalPrecioNeto);
        for (const figure of [
          ...model.items.map((l) => l.importe),
          sums.subtotal,
          sums.totalItbms,
          sums.total,
          model.vuelto,
        ]) {
          expect(figure).toMatch(/^\d+\.\d{2}$/);
        }
      }),
      { numRuns: 300 },
    );
  });
});
