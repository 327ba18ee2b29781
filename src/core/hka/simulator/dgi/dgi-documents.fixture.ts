// Test support: AuthorizedDocuments built the way the simulator builds them, from our own fiscal documents
// (validateDocument → toHkaDocumento → XML → parseXml) and a fixed demo issuer (HKA's test RUC, REFERENCE.md §3).
import { createHash, createHmac } from 'node:crypto';
import type { FiscalDocumentInput } from '../../../../shared/fiscal/document';
import { buildCufe } from '../../../../shared/fiscal/cufe';
import { validateDocument } from '../../../../shared/fiscal/validate';
import type { HkaElement } from '../../documento-types';
import { toHkaDocumento } from '../../map-documento';
import { elementXml } from '../../xml/hka-element-xml';
import { child, parseXml, textOf } from '../../xml/xnode';
import type { AuthorizedDocument, SimBranch, SimIssuer } from '../types';

/** Head office in Bella Vista (8-8-7, names as FE_ubicaciones_v1.00.xsd spells them). */
export const SIM_BRANCH: SimBranch = {
  codigo: '0000',
  nombre: 'Casa Matriz',
  direccion: 'Calle 50, Edificio Plaza Bella Vista, Piso 3',
  codigoUbicacion: '8-8-7',
  provincia: 'PANAMA',
  distrito: 'PANAMA',
  corregimiento: 'BELLA VISTA',
  coordenadas: '+8.9892,-79.5201',
  telefono: '222-3456',
};

export const SIM_ISSUER: SimIssuer = {
  tipoRuc: '2',
  ruc: '155596713-2-2015',
  dv: '59',
  razonSocial: 'THE FACTORY HKA CORP',
  branches: [SIM_BRANCH],
};

/** Our document, validated and mapped to HKA's `documento`; throws if the input is not a valid document. */
export function hkaDocumentoOf(input: FiscalDocumentInput): HkaElement {
  const result = validateDocument(input);
  if (!result.ok) throw new Error(`Invalid test document: ${JSON.stringify(result.violations)}`);
  return toHkaDocumento(result.document, result.totals);
}

const base64url = (data: string | Buffer): string => Buffer.from(data).toString('base64url');

/** The QR URL of §5.6 with a JWT signed by a throwaway key (nobody can verify the real one offline either). */
function qrUrl(cufe: string, digestValue: string): string {
  const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const payload = base64url(JSON.stringify({ chFE: cufe, iAmb: '2', digestValue }));
  const signature = base64url(createHmac('sha256', 'simulator-test-key').update(`${header}.${payload}`).digest());
  const query = new URLSearchParams({ chFE: cufe, iAmb: '2', digestValue, jwt: `${header}.${payload}.${signature}` });
  return `https://dgi-fep-test.mef.gob.pa:40001/Consultas/FacturasPorQR?${query.toString()}`;
}

/** An HKA `documento` as the simulator keeps it after authorising it in the demo environment. */
export function authorize(documento: HkaElement, options: { codigoSeguridad?: string } = {}): AuthorizedDocument {
  const xml = elementXml('documento', documento);
  const node = parseXml(xml);
  const datos = child(node, 'datosTransaccion');
  const text = (name: string): string => textOf(datos, name) ?? '';
  const codigoSeguridad = options.codigoSeguridad ?? '123456789';
  const cufe = buildCufe({
    tipoDocumento: text('tipoDocumento'),
    tipoRuc: SIM_ISSUER.tipoRuc,
    ruc: SIM_ISSUER.ruc,
    dv: SIM_ISSUER.dv,
    codigoSucursal: SIM_BRANCH.codigo,
    fechaEmision: text('fechaEmision').slice(0, 10).replaceAll('-', ''),
    numeroDocumentoFiscal: text('numeroDocumentoFiscal'),
    puntoFacturacion: text('puntoFacturacionFiscal'),
    tipoEmision: text('tipoEmision'),
    ambiente: '2',
    codigoSeguridad,
  });
  const digestValue = createHash('sha256').update(xml).digest('base64');
  return {
    documento: node,
    issuer: SIM_ISSUER,
    branch: SIM_BRANCH,
    cufe,
    qr: qrUrl(cufe, digestValue),
    nroProtocoloAutorizacion: '0000155596713-2-201520260000000000000042',
    fechaRecepcionDGI: '2026-11-28T10:15:07-05:00',
    ambiente: '2',
    codigoSeguridad,
    digestValue,
    status: 'Autorizada',
  };
}

/** Shortcut: validate, map and authorise one of our documents. */
export function authorizeDocument(input: FiscalDocumentInput): AuthorizedDocument {
  return authorize(hkaDocumentoOf(input));
}
