// Cross-check of our client against an independent reading of HKA's contract: documents our client accepts
// (validateDocument), mapped by it (toHkaDocumento), serialised to XML and parsed back as the simulator receives
// them, pass the simulator's validation. Random documents from the generators, plus hand-picked documents for the
// features the generators do not produce (notes, contingency, government, exports, instalments, freight…).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validDocumentArb } from '../../../../../tests/fixtures/fiscal-arbitraries';
import {
  CONTRIBUYENTE,
  aCreditNote,
  aSale,
  aSaleWithEveryGroup,
  anItem,
} from '../../../../../tests/fixtures/fiscal-documents';
import { fiscalDocumentSchema, type FiscalDocumentInput } from '../../../../shared/fiscal/document';
import { computeDv } from '../../../../shared/fiscal/ruc-dv';
import { computeTotals } from '../../../../shared/fiscal/totals';
import { validateDocument } from '../../../../shared/fiscal/validate';
import { toHkaDocumento } from '../../map-documento';
import { elementXml } from '../../xml/hka-element-xml';
import { validateDocumento } from './validate-documento';
import { CTX, documentoOf } from './validation-kit.fixture';

const OBJ_COMPROBANTE = 'http://schemas.datacontract.org/2004/07/Services.ObjComprobante.v1_0';

function onTheWire(input: unknown): string {
  const result = validateDocument(input);
  if (!result.ok) throw new Error(`Our client rejects the document: ${JSON.stringify(result.violations)}`);
  return elementXml('documento', toHkaDocumento(result.document, result.totals), {
    prefix: 'ser',
    namespace: OBJ_COMPROBANTE,
  });
}

const totalOf = (doc: FiscalDocumentInput): string => computeTotals(fiscalDocumentSchema.parse(doc)).totalFactura;

/** The draft, paid exactly with one payment of the given form. */
function paid(
  draft: FiscalDocumentInput,
  pago: Omit<FiscalDocumentInput['pagos'][number], 'valorCuotaPagada'> = { formaPagoFact: '02' },
): FiscalDocumentInput {
  return { ...draft, pagos: [{ ...pago, valorCuotaPagada: totalOf(draft) }] };
}

const cedula = '8-442-445';
const cedulaDv = computeDv(cedula, '1');
const GOBIERNO = {
  tipoClienteFE: '03',
  tipoContribuyente: '2',
  numeroRUC: '8-NT-1-13656',
  digitoVerificadorRUC: '43',
  razonSocial: 'MINISTERIO DE EDUCACION',
  direccion: 'Calle Ernesto Jaén Guardia',
  pais: 'PA',
} as const;

const EXAMPLES: Record<string, FiscalDocumentInput> = {
  'medicine, vehicle, GTIN quantities, authorised downloaders, purchase order, logistics and delivery':
    aSaleWithEveryGroup(),
  'credit note referencing an FE by CUFE': aCreditNote(),
  'generic debit note': aSale({ tipoDocumento: '07', tipoVenta: undefined, cliente: CONTRIBUYENTE }),
  'sale to a contribuyente with location and contact': aSale({
    cliente: {
      ...CONTRIBUYENTE,
      ubicacion: { codigo: '8-8-7', provincia: 'PANAMÁ', distrito: 'PANAMÁ', corregimiento: 'BELLA VISTA' },
      telefonos: ['222-3456', '6123-4567'],
      correos: ['compras@cliente.com.pa'],
    },
  }),
  'consumidor final identified by cédula': aSale({
    cliente: {
      tipoClienteFE: '02',
      razonSocial: 'Juan Pérez',
      pais: 'PA',
      identificacion: {
        tipoContribuyente: '1',
        numeroRUC: cedula,
        ...(cedulaDv.status === 'ok' ? { digitoVerificadorRUC: cedulaDv.dv } : {}),
      },
    },
  }),
  'contingency emission': aSale({
    tipoEmision: '02',
    contingencia: { fechaInicio: '2026-11-28T08:00:00-05:00', motivo: 'Sin conexión a internet en la sucursal' },
  }),
  'government sale with CPBS and 50 % withholding': aSale({
    cliente: GOBIERNO,
    items: [anItem({ codigoCPBSAbrev: '72', codigoCPBS: '7210', unidadMedidaCPBS: 'm', precioUnitario: '100.00' })],
    pagos: [{ formaPagoFact: '08', valorCuotaPagada: '107.00' }],
    retencion: { codigoRetencion: '2', montoRetencion: '3.50' },
  }),
  'export to a foreign customer': paid(
    aSale({
      tipoDocumento: '03',
      naturalezaOperacion: '02',
      destinoOperacion: '2',
      cliente: { tipoClienteFE: '04', tipoIdentificacion: '02', nroIdentificacionExtranjero: '900123456', pais: 'CO' },
      datosFacturaExportacion: { condicionesEntrega: 'FOB', monedaOperExportacion: 'USD', puertoEmbarque: 'Balboa' },
      items: [anItem({ tasaItbms: '00' })],
    }),
  ),
  'sale on credit with instalments': paid(
    aSale({
      tiempoPago: '2',
      pagosPlazo: [
        { fechaVenceCuota: '2026-12-28T10:15:00-05:00', valorCuota: '4.55', infoPagoCuota: 'Primera y única cuota' },
      ],
    }),
    { formaPagoFact: '01' },
  ),
  'items with ISC, OTI, per-item freight and insurance, 6-decimal quantities': paid(
    aSale({
      items: [
        anItem({
          isc: { tasa: '0.05' },
          otis: [{ codigo: '01', valor: '0.50' }],
          precioAcarreo: '1.00',
          precioSeguro: '0.25',
        }),
        anItem({
          cantidad: '3.333333',
          precioUnitario: '1.234567',
          precioUnitarioDescuento: '0.100000',
          tasaItbms: '03',
          isc: { monto: '0.40' },
        }),
      ],
    }),
  ),
  'invoice-level freight and insurance, global discount, payment form 99': paid(
    aSale({
      totalAcarreoCobrado: '5.00',
      valorSeguroCobrado: '1.50',
      descuentosGlobales: [{ descDescuento: 'Cliente frecuente', montoDescuento: '1.00' }],
    }),
    { formaPagoFact: '99', descFormaPago: 'Pago con puntos del programa' },
  ),
};

describe('our mapped documents through the simulator validation', () => {
  it('every valid generated document is accepted (property)', () => {
    fc.assert(
      fc.property(validDocumentArb, (doc) => {
        expect(validateDocumento(documentoOf(onTheWire(doc)), CTX)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it.each(Object.entries(EXAMPLES))('accepts: %s', (_name, doc) => {
    expect(validateDocumento(documentoOf(onTheWire(doc)), CTX)).toEqual([]);
  });
});
