// Property tests over random valid documents (fast-check): the totals HKA receives reconcile per
// REFERENCE.md §2.13 to the cent, agree with an independent BigInt oracle, and the mapping is deterministic.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validDocumentArb } from '../../../tests/fixtures/fiscal-arbitraries';
import { oracleTotals, toUnits } from '../../../tests/fixtures/fiscal-oracle';
import { money, sum } from '../../shared/fiscal/money';
import { validateDocument } from '../../shared/fiscal/validate';
import { flattenElement, type HkaElement } from './documento-types';
import { toHkaDocumento } from './map-documento';

const RUNS = { numRuns: 300 };

function mapped(input: unknown): HkaElement {
  const result = validateDocument(input);
  if (!result.ok) throw new Error(`Generator produced an invalid document: ${JSON.stringify(result.violations)}`);
  return toHkaDocumento(result.document, result.totals);
}

const leaf = (el: HkaElement, key: string): string => {
  const v = el[key];
  if (typeof v !== 'string') throw new Error(`Missing ${key}`);
  return v;
};

describe('fiscal documents, property-based', () => {
  it('generated documents are valid', () => {
    fc.assert(
      fc.property(validDocumentArb, (doc) => {
        const result = validateDocument(doc);
        expect(result.ok ? [] : result.violations).toEqual([]);
      }),
      RUNS,
    );
  });

  it('every line amount on the wire has 2 decimals and every relation of §2.13 holds exactly', () => {
    fc.assert(
      fc.property(validDocumentArb, (doc) => {
        const hka = mapped(doc);
        const items = (hka['listaItems'] as { item: HkaElement[] }).item;
        const t = hka['totalesSubTotales'] as HkaElement;
        const m = (k: string) => money(leaf(t, k));
        const optional = (k: string) => (typeof t[k] === 'string' ? money(t[k]) : money(0));
        for (const item of items) {
          for (const k of ['precioItem', 'valorITBMS', 'valorISC', 'valorTotal']) {
            if (typeof item[k] === 'string') expect(item[k]).toMatch(/^\d{1,9}\.\d{2}$/);
          }
          const extras = ['valorISC', 'precioAcarreo', 'precioSeguro'].map((k) =>
            typeof item[k] === 'string' ? money(item[k]) : money(0),
          );
          const otis = ((item['listaItemOTI'] as { oti: HkaElement[] } | undefined)?.oti ?? []).map((o) =>
            money(leaf(o, 'valorTasa')),
          );
          expect(
            money(leaf(item, 'valorTotal')).eq(
              sum([money(leaf(item, 'precioItem')), money(leaf(item, 'valorITBMS')), ...extras, ...otis]),
            ),
          ).toBe(true);
        }
        const col = (k: string) => sum(items.map((i) => (typeof i[k] === 'string' ? money(i[k]) : money(0))));
        expect(m('totalPrecioNeto').eq(col('precioItem'))).toBe(true);
        expect(m('totalITBMS').eq(col('valorITBMS'))).toBe(true);
        expect(optional('totalISC').eq(col('valorISC'))).toBe(true);
        expect(m('totalTodosItems').eq(col('valorTotal'))).toBe(true);
        const otiTotals = ((t['listaTotalOTI'] as { totalOti: HkaElement[] } | undefined)?.totalOti ?? []).map((o) =>
          money(leaf(o, 'valorTotalOTI')),
        );
        expect(m('totalMontoGravado').eq(m('totalITBMS').plus(optional('totalISC')).plus(sum(otiTotals)))).toBe(true);
        expect(
          m('totalFactura').eq(
            m('totalTodosItems')
              .plus(optional('totalAcarreoCobrado'))
              .plus(optional('valorSeguroCobrado'))
              .minus(optional('totalDescuento')),
          ),
        ).toBe(true);
        const pagos = (t['listaFormaPago'] as { formaPago: HkaElement[] }).formaPago.map((p) =>
          money(leaf(p, 'valorCuotaPagada')),
        );
        expect(m('totalValorRecibido').eq(sum(pagos))).toBe(true);
        expect(optional('vuelto').eq(m('totalValorRecibido').minus(m('totalFactura')))).toBe(true);
        expect(leaf(t, 'nroItems')).toBe(String(items.length));
      }),
      RUNS,
    );
  });

  it('agrees with an independent BigInt implementation of §2.13', () => {
    fc.assert(
      fc.property(validDocumentArb, (doc) => {
        const result = validateDocument(doc);
        if (!result.ok) throw new Error('invalid');
        const oracle = oracleTotals(doc);
        result.totals.items.forEach((amounts, i) => {
          expect(toUnits(amounts.precioItem, 2)).toBe(oracle.items[i]?.precioItemCents);
          expect(toUnits(amounts.valorITBMS, 2)).toBe(oracle.items[i]?.valorItbmsCents);
          expect(toUnits(amounts.valorISC ?? '0', 2)).toBe(oracle.items[i]?.valorIscCents);
          expect(toUnits(amounts.valorTotal, 2)).toBe(oracle.items[i]?.valorTotalCents);
        });
        expect(toUnits(result.totals.totalPrecioNeto, 2)).toBe(oracle.totalPrecioNetoCents);
        expect(toUnits(result.totals.totalITBMS, 2)).toBe(oracle.totalItbmsCents);
        expect(toUnits(result.totals.totalISC, 2)).toBe(oracle.totalIscCents);
        expect(toUnits(result.totals.totalTodosItems, 2)).toBe(oracle.totalTodosItemsCents);
        expect(toUnits(result.totals.totalFactura, 2)).toBe(oracle.totalFacturaCents);
      }),
      RUNS,
    );
  });

  it('maps deterministically, also after a JSON round trip (as a document read back from storage)', () => {
    fc.assert(
      fc.property(validDocumentArb, (doc) => {
        const first = flattenElement(mapped(doc));
        expect(flattenElement(mapped(doc))).toEqual(first);
        expect(flattenElement(mapped(JSON.parse(JSON.stringify(doc))))).toEqual(first);
      }),
      { numRuns: 100 },
    );
  });

  it('validation never throws: random values, and valid documents with fields broken at random', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        expect(validateDocument(input).ok).toBe(false);
      }),
      RUNS,
    );
    const mutation = fc.tuple(validDocumentArb, fc.string(), fc.anything());
    fc.assert(
      fc.property(mutation, ([doc, key, value]) => {
        const broken = { ...doc, [key]: value } as Record<string, unknown>;
        const items = doc.items.map((item, i) => (i === 0 ? { ...item, [key]: value } : item));
        expect(() => validateDocument(broken)).not.toThrow();
        expect(() => validateDocument({ ...doc, items })).not.toThrow();
        expect(() => validateDocument({ ...doc, cliente: { ...doc.cliente, [key]: value } })).not.toThrow();
      }),
      RUNS,
    );
  });
});
