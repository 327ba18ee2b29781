// The main document shapes the RFE tests build, and the helpers that read the XML they produce.
import type { FiscalDocumentInput } from '../../../../shared/fiscal/document';
import {
  CONTRIBUYENTE,
  aCreditNote,
  aSale,
  aSaleWithEveryGroup,
  anItem,
} from '../../../../../tests/fixtures/fiscal-documents';
import { child, parseXml, type XNode } from '../../xml/xnode';
import { authorizeDocument } from './dgi-documents.fixture';
import { buildRfeXml } from './rfe-xml';

const BELLA_VISTA = { codigo: '8-8-7', provincia: 'PANAMA', distrito: 'PANAMA', corregimiento: 'BELLA VISTA' } as const;

export const SHAPES: Record<string, FiscalDocumentInput> = {
  'every optional group (medicine, vehicle, GTIN quantities, gAutXML, gPedComGl, gInfoLog, gLcEntr)':
    aSaleWithEveryGroup({ numeroDocumentoFiscal: '9' }),
  'consumidor final, cash with change': aSale({ pagos: [{ formaPagoFact: '02', valorCuotaPagada: '10.00' }] }),
  'contribuyente with location, ISC, OTI, GTIN, discounts': aSale({
    numeroDocumentoFiscal: '2',
    informacionInteres: 'Entrega en bodega, horario de 8:00 a 17:00',
    cliente: {
      ...CONTRIBUYENTE,
      ubicacion: BELLA_VISTA,
      telefonos: ['6657-8711'],
      correos: ['compras@cliente.com.pa'],
    },
    items: [
      anItem({
        cantidad: '3',
        precioUnitario: '12.345678',
        precioUnitarioDescuento: '0.5',
        codigoGTIN: '7501031311309',
      }),
      anItem({
        codigo: 'S-10',
        descripcion: 'Servicio de instalación',
        cantidad: '1.5',
        precioUnitario: '40',
        tasaItbms: '00',
      }),
      anItem({
        codigo: 'B-01',
        descripcion: 'Bebida azucarada 2 L',
        precioUnitario: '2.10',
        isc: { tasa: '0.05' },
        otis: [{ codigo: '01', valor: '0.25' }],
      }),
    ],
    descuentosGlobales: [{ descDescuento: 'Descuento por volumen', montoDescuento: '1.00' }],
    pagos: [{ formaPagoFact: '03', valorCuotaPagada: '99.64' }],
  }),
  'credit note (04) referencing a CUFE': aCreditNote({ numeroDocumentoFiscal: '3' }),
  'foreign customer on term, two instalments': aSale({
    numeroDocumentoFiscal: '4',
    cliente: {
      tipoClienteFE: '04',
      razonSocial: 'Juan Pérez Gómez',
      tipoIdentificacion: '01',
      nroIdentificacionExtranjero: 'AB123456',
      paisExtranjero: 'Colombia',
      pais: 'PA',
    },
    items: [anItem({ precioUnitario: '100' })],
    pagos: [{ formaPagoFact: '01', valorCuotaPagada: '107.00' }],
    tiempoPago: '2',
    pagosPlazo: [
      { fechaVenceCuota: '2026-12-28T00:00:00-05:00', valorCuota: '53.50', infoPagoCuota: 'Primera cuota mensual' },
      { fechaVenceCuota: '2027-01-28T00:00:00-05:00', valorCuota: '53.50' },
    ],
  }),
  'contingency (02) with withholding': aSale({
    numeroDocumentoFiscal: '5',
    tipoEmision: '02',
    contingencia: { fechaInicio: '2026-11-28T08:00:00-05:00', motivo: 'Falla del enlace de internet del local' },
    cliente: { ...CONTRIBUYENTE },
    retencion: { codigoRetencion: '2', montoRetencion: '0.15' },
  }),
  'export (03) with gFExp': aSale({
    numeroDocumentoFiscal: '6',
    tipoDocumento: '03',
    naturalezaOperacion: '02',
    destinoOperacion: '2',
    cliente: {
      tipoClienteFE: '04',
      razonSocial: 'Importadora Andina SAS',
      tipoIdentificacion: '01',
      nroIdentificacionExtranjero: 'PA998877',
      paisExtranjero: 'Colombia',
      pais: 'CO',
    },
    datosFacturaExportacion: {
      condicionesEntrega: 'FOB',
      monedaOperExportacion: 'USD',
      puertoEmbarque: 'Puerto de Balboa',
    },
    items: [anItem({ tasaItbms: '00', precioUnitario: '250' })],
    pagos: [{ formaPagoFact: '08', valorCuotaPagada: '250.00' }],
  }),
  'generic debit note (07) referencing a paper invoice': aSale({
    numeroDocumentoFiscal: '7',
    tipoDocumento: '07',
    tipoVenta: undefined,
    referencias: [{ fechaEmision: '2026-11-01T09:00:00-05:00', nroFacturaPapel: 'A-000123' }],
  }),
};

export const rfeOf = (input: FiscalDocumentInput) => {
  const doc = authorizeDocument(input);
  const xml = buildRfeXml(doc);
  return { doc, xml, rfe: parseXml(xml) };
};
export const names = (node: XNode | undefined): string[] => node?.children.map((c) => c.name) ?? [];
export const path = (node: XNode | undefined, ...steps: string[]): XNode | undefined =>
  steps.reduce((n, s) => child(n, s), node);
