// "The till never accepts what the simulator rejects" (issue 12, acceptance): random invalid documents — valid ones
// from the generators with one field broken at random (text too long or with a control character, amounts past the
// DGI's digits, unknown codes, wrong DVs, instalments that do not add up, a government line without its CPBS unit, a
// medicine lot too short…) — are either refused by the till's validation, or, when it accepts them, mapped, written as
// XML, read back strictly as the simulator reads a request and accepted by the simulator's validation.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validDocumentArb } from '../../../../../tests/fixtures/fiscal-arbitraries';
import type { FiscalDocumentInput } from '../../../../shared/fiscal/document';
import { validateDocument } from '../../../../shared/fiscal/validate';
import { toHkaDocumento } from '../../map-documento';
import { elementXml } from '../../xml/hka-element-xml';
import { NS } from '../../contract';
import { validateDocumento } from './validate-documento';
import { CTX, documentoOf } from './validation-kit.fixture';

type Doc = FiscalDocumentInput;
type Mutation = (doc: Doc, n: number) => Doc;

const BAD_TEXTS = [
  '',
  ' ',
  'x',
  'x'.repeat(501),
  'Arroz\u001b',
  'Arroz\u0000',
  'A\uffffB',
  'lote \ud800',
  '&cV; <b>',
  '  Arroz  ',
];
const BAD_AMOUNTS = ['0', '-1', '1.1234567', '1234567890', '99999999999.99', 'abc', '1e3', '0999999999'];
const BAD_CODES = ['', '0', '5', '09', '99', 'AA', '00', '1'];
const pick = <T>(list: readonly T[], n: number): T => list[n % list.length] as T;
const firstItem = (doc: Doc, change: Partial<Doc['items'][number]>): Doc => ({
  ...doc,
  items: doc.items.map((item, i) => (i === 0 ? { ...item, ...change } : item)),
});

const MUTATIONS: Record<string, Mutation> = {
  descripcion: (d, n) => firstItem(d, { descripcion: pick(BAD_TEXTS, n) }),
  codigo: (d, n) => firstItem(d, { codigo: pick(BAD_TEXTS, n).slice(0, 25) }),
  infoItem: (d, n) => firstItem(d, { infoItem: pick(BAD_TEXTS, n) }),
  cantidad: (d, n) => firstItem(d, { cantidad: pick(BAD_AMOUNTS, n) }),
  precioUnitario: (d, n) => firstItem(d, { precioUnitario: pick(BAD_AMOUNTS, n) }),
  precioUnitarioDescuento: (d, n) => firstItem(d, { precioUnitarioDescuento: pick(BAD_AMOUNTS, n) }),
  tasaItbms: (d, n) => firstItem(d, { tasaItbms: pick(BAD_CODES, n) as never }),
  codigoGTIN: (d, n) => firstItem(d, { codigoGTIN: pick(['123', '0', '12345678', '1234567890123456', 'ABCDEFGH'], n) }),
  cpbs: (d, n) =>
    firstItem(d, { codigoCPBS: pick(['1410', '141', 'ABCD'], n), codigoCPBSAbrev: pick(['14', '50', '1'], n + 1) }),
  medicina: (d, n) =>
    firstItem(d, {
      medicina: {
        nroLote: pick(['L1', 'L2026-0457', 'L\u0007xxxx', 'x'.repeat(36)], n),
        cantProductosLote: pick(['1', '0', '1.5', '1234567890'], n + 1),
      },
    }),
  government: (d, n) => ({
    ...d,
    cliente: {
      tipoClienteFE: '03',
      tipoContribuyente: '2',
      numeroRUC: '155596713-2-2015',
      digitoVerificadorRUC: pick(['59', '58'], n),
      razonSocial: 'MINISTERIO',
      direccion: 'Avenida Perú',
      pais: 'PA',
    },
    items: d.items.map((item) => ({
      ...item,
      codigoCPBS: '1410',
      codigoCPBSAbrev: '14',
      ...(n % 3 === 0 ? {} : { unidadMedidaCPBS: 'und' }),
    })),
  }),
  receptorDv: (d, n) => ({
    ...d,
    cliente: {
      tipoClienteFE: '01',
      tipoContribuyente: '2',
      numeroRUC: pick(['155596713-2-2015', '8-2743-1253', 'E-8788-26', 'XYZ'], n),
      digitoVerificadorRUC: pick(['59', '31', '50', '00'], n + 1),
      razonSocial: 'Cliente',
      direccion: 'Calle 50',
      pais: 'PA',
    },
  }),
  razonSocial: (d, n) => ({ ...d, cliente: { tipoClienteFE: '02', pais: 'PA', razonSocial: pick(BAD_TEXTS, n) } }),
  pais: (d, n) => ({ ...d, cliente: { ...d.cliente, pais: pick(['PA', 'XX', 'ZZ', 'CO', ''], n) } }),
  informacionInteres: (d, n) => ({ ...d, informacionInteres: pick(BAD_TEXTS, n) }),
  numero: (d, n) => ({ ...d, numeroDocumentoFiscal: pick(['0', '12345678901', 'A1', '0000000001'], n) }),
  fechaEmision: (d, n) => ({
    ...d,
    fechaEmision: pick(
      ['2026-02-30T10:00:00-05:00', '2026-11-28T10:00:00Z', '2026-11-28', '2026-11-28T10:00:00-05:00'],
      n,
    ),
  }),
  pagos: (d, n) => ({
    ...d,
    pagos: [{ formaPagoFact: pick(['02', '99', '10', '03'], n) as never, valorCuotaPagada: pick(BAD_AMOUNTS, n + 1) }],
  }),
  plazos: (d, n) => ({
    ...d,
    tiempoPago: pick(['2', '3', '1'], n) as never,
    pagosPlazo: [
      {
        fechaVenceCuota: pick(['2026-11-27T10:00:00-05:00', '2026-12-28T10:00:00-05:00'], n),
        valorCuota: pick(['1.00', d.pagos[0]?.valorCuotaPagada ?? '1.00'], n + 1),
      },
    ],
  }),
  descuento: (d, n) => ({
    ...d,
    descuentosGlobales: [{ descDescuento: pick(BAD_TEXTS, n), montoDescuento: pick(BAD_AMOUNTS, n + 1) }],
  }),
  autorizado: (d, n) => ({
    ...d,
    autorizadosDescarga: [
      { tipoContribuyente: '2', rucReceptor: '155646463-2-2017', digitoVerifRucReceptor: pick(['86', '68', '8'], n) },
    ],
  }),
  contingencia: (d, n) => ({
    ...d,
    tipoEmision: '02',
    contingencia: {
      fechaInicio: '2026-11-28T08:00:00-05:00',
      motivo: pick(
        ['corto', 'Sin conexión a internet en la sucursal', 'Sin\u0000 conexión a internet', 'x'.repeat(251)],
        n,
      ),
    },
  }),
  exportacion: (d, n) => ({
    ...d,
    destinoOperacion: '2',
    cliente: { tipoClienteFE: '04', tipoIdentificacion: '02', nroIdentificacionExtranjero: '900123456', pais: 'CO' },
    datosFacturaExportacion: {
      condicionesEntrega: pick(['FOB', 'XYZ'], n),
      monedaOperExportacion: pick(['USD', 'EUR', 'ZZZ'], n + 1),
      ...(n % 2 ? { tipoDeCambio: '0.92', montoMonedaExtranjera: '1.00' } : {}),
    },
  }),
};

function onTheWire(input: Doc): string | undefined {
  const result = validateDocument(input);
  if (!result.ok) return undefined;
  return elementXml('tem:documento', toHkaDocumento(result.document, result.totals), {
    prefix: 'ser',
    namespace: NS.comprobante,
  });
}

describe('the till refuses first', () => {
  it('never accepts a document the simulator rejects (property over random broken documents)', () => {
    const tally = { tillRefused: 0, bothAccepted: 0 };
    const broken = fc.tuple(validDocumentArb, fc.constantFrom(...Object.keys(MUTATIONS)), fc.nat({ max: 1000 }));
    fc.assert(
      fc.property(broken, ([doc, name, n]) => {
        const mutant = (MUTATIONS[name] as Mutation)(doc, n);
        const xml = onTheWire(mutant);
        if (xml === undefined) {
          tally.tillRefused += 1;
          return;
        }
        // Wrapped as the Enviar body the simulator receives: its prefixes are declared on the wrapper.
        const body = `<tem:Enviar xmlns:tem="${NS.tem}">${xml}</tem:Enviar>`;
        expect({ mutation: name, problems: validateDocumento(documentoOf(body), CTX) }).toEqual({
          mutation: name,
          problems: [],
        });
        tally.bothAccepted += 1;
      }),
      { numRuns: 400 },
    );
    // The property means something only if both branches were exercised, many times.
    expect(tally.tillRefused).toBeGreaterThan(100);
    expect(tally.bothAccepted).toBeGreaterThan(50);
  });
});
