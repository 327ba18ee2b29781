// HKA Panamá SOAP contract facts shared by the client, the simulator and the WSDL tests (REFERENCE.md §1).

export const HKA_OPERATIONS = [
  'Enviar',
  'EstadoDocumento',
  'AnulacionDocumento',
  'DescargaXML',
  'DescargaPDF',
  'FoliosRestantes',
  'EnvioCorreo',
  'RastreoCorreo',
  'ConsultarRucDV',
] as const;
export type HkaOperation = (typeof HKA_OPERATIONS)[number];

export function isHkaOperation(name: string): name is HkaOperation {
  return (HKA_OPERATIONS as readonly string[]).includes(name);
}

export const NS = {
  soapenv: 'http://schemas.xmlsoap.org/soap/envelope/',
  tem: 'http://tempuri.org/',
  /** Everything inside `documento` (Enviar). CONFIRMED by production traffic (§1.3). */
  comprobante: 'http://schemas.datacontract.org/2004/07/Services.ObjComprobante.v1_0',
  /** Children of every `…Result` (prefix `a:`). */
  response: 'http://schemas.datacontract.org/2004/07/Services.Response',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
  /** Children of `datosDocumento`: `Services.Model` vs `Services.Models` is UNCONFIRMED (§7.1); we chose `Services.Model`. */
  model: 'http://schemas.datacontract.org/2004/07/Services.Model',
  /** Children of `consultarRucDVRequest` (one source, §1.3). */
  apiRest: 'http://schemas.datacontract.org/2004/07/Services.ApiRest',
  /** `listTracking` items of RastreoCorreo: the real URI is unknown (§1.6.8); this is our WCF-style guess. */
  tracking: 'http://schemas.datacontract.org/2004/07/Services.Response.Tracking',
} as const;

export const SERVICE_PATH = '/ws/obj/v1.0/Service.svc';

export function soapAction(operation: HkaOperation): string {
  return `http://tempuri.org/IService/${operation}`;
}

export type HkaEnvironment = 'simulador' | 'demo' | 'produccion';

/** Real HKA endpoints (§1.1). The simulator's endpoint is wherever it listens. */
export const HKA_ENDPOINTS: Record<Exclude<HkaEnvironment, 'simulador'>, string> = {
  demo: 'https://demoemision.thefactoryhka.com.pa/ws/obj/v1.0/Service.svc',
  produccion: 'https://emision.thefactoryhka.com.pa/ws/obj/v1.0/Service.svc',
};

/** Children of each `<Op>Result`, in HKA's order (§1.6; not alphabetical). */
export const RESULT_FIELDS: Record<HkaOperation, readonly string[]> = {
  Enviar: [
    'codigo',
    'resultado',
    'mensaje',
    'cufe',
    'qr',
    'fechaRecepcionDGI',
    'nroProtocoloAutorizacion',
    'fechaLimite',
  ],
  EstadoDocumento: [
    'codigo',
    'mensaje',
    'cufe',
    'fechaEmisionDocumento',
    'fechaRecepcionDocumento',
    'estatusDocumento',
    'mensajeDocumento',
    'resultado',
  ],
  AnulacionDocumento: ['codigo', 'resultado', 'mensaje'],
  DescargaXML: ['codigo', 'resultado', 'mensaje', 'documento'],
  DescargaPDF: ['codigo', 'resultado', 'mensaje', 'documento'],
  FoliosRestantes: [
    'codigo',
    'mensaje',
    'licencia',
    'fechaLicencia',
    'ciclo',
    'fechaCiclo',
    'foliosTotalesCiclo',
    'foliosUtilizadosCiclo',
    'foliosDisponibleCiclo',
    'foliosTotales',
    'resultado',
  ],
  EnvioCorreo: ['codigo', 'resultado', 'mensaje'],
  RastreoCorreo: ['codigo', 'mensaje', 'listaRastreo', 'resultado'],
  ConsultarRucDV: ['codigo', 'infoRuc', 'mensaje', 'resultado'],
};

/** `infoRuc` of ConsultarRucDV and `listTracking` of RastreoCorreo, in order. */
export const INFO_RUC_FIELDS = ['tipoRuc', 'ruc', 'dv', 'razonSocial', 'afiliadoFE'] as const;
export const TRACKING_FIELDS = ['correo', 'creado_en', 'estado', 'messageId'] as const;

/** The key of an issued document (§1.5), alphabetical as WCF serialises it. */
export const DATOS_DOCUMENTO_FIELDS = [
  'codigoSucursalEmisor',
  'numeroDocumentoFiscal',
  'puntoFacturacionFiscal',
  'serialDispositivo',
  'tipoDocumento',
  'tipoEmision',
] as const;

/** Request parameters of each operation, in order (§1.6). ConsultarRucDV wraps its own in one object. */
export const REQUEST_PARAMS: Record<HkaOperation, readonly string[]> = {
  Enviar: ['tokenEmpresa', 'tokenPassword', 'documento'],
  EstadoDocumento: ['tokenEmpresa', 'tokenPassword', 'datosDocumento'],
  AnulacionDocumento: ['tokenEmpresa', 'tokenPassword', 'motivoAnulacion', 'datosDocumento'],
  DescargaXML: ['tokenEmpresa', 'tokenPassword', 'datosDocumento'],
  DescargaPDF: ['tokenEmpresa', 'tokenPassword', 'datosDocumento'],
  FoliosRestantes: ['tokenEmpresa', 'tokenPassword'],
  EnvioCorreo: ['tokenEmpresa', 'tokenPassword', 'datosDocumento', 'correo'],
  RastreoCorreo: ['tokenEmpresa', 'tokenPassword', 'cufe'],
  ConsultarRucDV: ['consultarRucDVRequest'],
};
export const CONSULTAR_RUC_DV_FIELDS = ['tokenEmpresa', 'tokenPassword', 'tipoRuc', 'ruc'] as const;
