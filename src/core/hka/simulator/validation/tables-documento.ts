// HKA's fields for the top of `documento` (REFERENCE.md §2.1), datosTransaccion (§2.2), cliente (§2.3),
// datosFacturaExportacion (§2.4), docFiscalReferenciado (§2.5) and autorizadoDescargaFEyEventos (§2.6), in wire order.
// "C" rows are enforced by the rule functions named in the comment.
import {
  DESTINO_OPERACION,
  ENTREGA_CAFE,
  ENVIO_CONTENEDOR,
  FORMATO_CAFE,
  NATURALEZA_OPERACION,
  PROCESO_GENERACION,
  TIPO_CLIENTE_FE,
  TIPO_CONTRIBUYENTE,
  TIPO_DOCUMENTO,
  TIPO_EMISION,
  TIPO_IDENTIFICACION,
  TIPO_OPERACION,
  TIPO_SUCURSAL,
  TIPO_VENTA,
} from '../../../../shared/fiscal/codes';
import {
  INCOTERMS_DGI as INCOTERMS,
  MONEDAS_DGI as MONEDAS,
  PAISES_DGI as PAISES,
} from '../../../../shared/fiscal/dgi-catalogues';
import { DATE_TIME, EMAIL, PHONE, code, hka, notAllZeros } from './field-formats';
import { group, leaf, list, type FieldSpec } from './field-spec';
import { INFO_ENTREGA, INFO_LOGISTICA, PEDIDO_COMERCIAL_GLOBAL } from './tables-groups';
import { ITEM, TOTALES } from './tables-items-totales';

/** §2.3 cliente (rules-cliente.ts). */
export const CLIENTE: readonly FieldSpec[] = [
  leaf('tipoClienteFE', 'SI', code(TIPO_CLIENTE_FE)),
  leaf('tipoContribuyente', 'C', code(TIPO_CONTRIBUYENTE)),
  leaf('numeroRUC', 'C', hka('AN|..20')),
  leaf('digitoVerificadorRUC', 'C', hka('N|2')),
  leaf('razonSocial', 'C', hka('AN|2..200')),
  leaf('direccion', 'C', hka('AN|5..100')),
  // Location is checked by format only: the DGI answers a bad location with a notification (1607…), not a rejection.
  leaf('codigoUbicacion', 'C', hka('AN|..8')),
  leaf('provincia', 'C', hka('AN|..50')),
  leaf('distrito', 'C', hka('AN|..50')),
  leaf('corregimiento', 'C', hka('AN|..50')),
  leaf('tipoIdentificacion', 'C', code(TIPO_IDENTIFICACION)),
  leaf('nroIdentificacionExtranjero', 'C', hka('AN|..50')),
  leaf('paisExtranjero', 'C', hka('AN|..50')),
  leaf('telefono1', 'NO', PHONE),
  leaf('telefono2', 'NO', PHONE),
  leaf('telefono3', 'NO', PHONE),
  leaf('correoElectronico1', 'NO', EMAIL),
  leaf('correoElectronico2', 'NO', EMAIL),
  leaf('correoElectronico3', 'NO', EMAIL),
  leaf('pais', 'SI', code(PAISES)),
  leaf('paisOtro', 'C', hka('AN|5..50')),
];

/** §2.4, required when destinoOperacion is 2 (rules-transaccion.ts). */
export const DATOS_FACTURA_EXPORTACION: readonly FieldSpec[] = [
  leaf('condicionesEntrega', 'SI', code(INCOTERMS)),
  leaf('monedaOperExportacion', 'SI', code(MONEDAS)),
  leaf('monedaOperExportacionNonDef', 'C', hka('AN|5..50')),
  leaf('tipoDeCambio', 'C', hka('N|1..11|2.4')),
  leaf('montoMonedaExtranjera', 'C', hka('N|1..20|0.4')),
  leaf('puertoEmbarque', 'NO', hka('AN|5..50')),
];

/** §2.5: exactly one of the last three (rules-transaccion.ts). */
export const DOC_FISCAL_REFERENCIADO: readonly FieldSpec[] = [
  leaf('fechaEmisionDocFiscalReferenciado', 'SI', DATE_TIME),
  leaf('cufeFEReferenciada', 'C', hka('AN|66')),
  leaf('nroFacturaPapel', 'C', hka('AN|..22')),
  leaf('nroFacturaImpFiscal', 'C', hka('AN|..22')),
];

/** §2.6; the DV is two digits (the wiki's "N|1" cannot hold a DV). */
export const AUTORIZADO_DESCARGA: readonly FieldSpec[] = [
  leaf('tipoContribuyente', 'SI', code(TIPO_CONTRIBUYENTE)),
  leaf('rucReceptor', 'SI', hka('AN|..20')),
  leaf('digitoVerifRucReceptor', 'SI', hka('N|2')),
];

/** §2.2 datosTransaccion. */
export const DATOS_TRANSACCION: readonly FieldSpec[] = [
  leaf('tipoEmision', 'SI', code(TIPO_EMISION)),
  leaf('fechaInicioContingencia', 'C', DATE_TIME),
  leaf('motivoContingencia', 'C', hka('AN|15..250')),
  leaf('tipoDocumento', 'SI', code(TIPO_DOCUMENTO)),
  // "N|10": the samples send it unpadded (176, 5000010) and HKA pads it for dNroDF, so 1 to 10 digits.
  leaf('numeroDocumentoFiscal', 'SI', notAllZeros(hka('N|..10'))),
  leaf('puntoFacturacionFiscal', 'SI', notAllZeros(hka('N|3'))),
  leaf('fechaEmision', 'SI', DATE_TIME),
  leaf('fechaSalida', 'NO', DATE_TIME),
  leaf('naturalezaOperacion', 'SI', code(NATURALEZA_OPERACION)),
  leaf('tipoOperacion', 'SI', code(TIPO_OPERACION)),
  leaf('destinoOperacion', 'SI', code(DESTINO_OPERACION)),
  leaf('formatoCAFE', 'SI', code(FORMATO_CAFE)),
  leaf('entregaCAFE', 'SI', code(ENTREGA_CAFE)),
  leaf('envioContenedor', 'SI', code(ENVIO_CONTENEDOR)),
  leaf('procesoGeneracion', 'SI', code(PROCESO_GENERACION)),
  leaf('tipoVenta', 'C', code(TIPO_VENTA)),
  leaf('informacionInteres', 'NO', hka('AN|..5000')),
  group('cliente', 'SI', CLIENTE),
  group('datosFacturaExportacion', 'C', DATOS_FACTURA_EXPORTACION),
  list('listaDocsFiscalReferenciados', 'C', {
    names: ['docFiscalReferenciado'],
    max: 99,
    fields: DOC_FISCAL_REFERENCIADO,
  }),
  list('listaAutorizadosDescargaFEyEventos', 'NO', {
    names: ['autorizadoDescargaFEyEventos'],
    max: 10,
    fields: AUTORIZADO_DESCARGA,
  }),
];

/** §2.1 documento. usoPosterior and listaExtras (undocumented HKA extras) are accepted as sent. */
export const DOCUMENTO: readonly FieldSpec[] = [
  // Letters allowed (§2.1); the DGI's dSucEm is [a-zA-Z0-9]{4}. Whether the branch exists is the server's check.
  leaf('codigoSucursalEmisor', 'SI', hka('AN|4')),
  leaf('tipoSucursal', 'NO', code(TIPO_SUCURSAL)),
  group('datosTransaccion', 'SI', DATOS_TRANSACCION),
  list('listaItems', 'SI', { names: ['item'], max: 1000, fields: ITEM }),
  group('totalesSubTotales', 'SI', TOTALES),
  group('pedidoComercialGlobal', 'NO', PEDIDO_COMERCIAL_GLOBAL),
  group('infoLogistica', 'NO', INFO_LOGISTICA),
  group('infoEntrega', 'NO', INFO_ENTREGA),
  group('usoPosterior', 'NO'),
  group('listaExtras', 'NO'),
  leaf('serialDispositivo', 'NO', hka('AN|..10')),
];
