// What HKA/DGI add when they authorise a document: CUFE (§5.5), digest + QR URL with a JWT (§5.6), and the
// authorisation protocol number (§5.8). Pure functions; randomness and time come from the caller.
import { createHash, createHmac } from 'node:crypto';
import { buildCufe } from '../../../shared/fiscal/cufe';
import type { SimIssuer } from './types';

/** The simulator always behaves like HKA's demo environment (iAmb 2; production CUFEs carry 1). */
export const SIM_AMBIENTE = '2';
/** HKA's own RUC, which prefixes every protocol number seen in real traffic [L][P] (§5.8). */
export const PAC_RUC = '155596713-2-2015';
/** The DGI test host HKA's demo QR codes point at (§5.6). */
export const QR_BASE_URL = 'https://dgi-fep-test.mef.gob.pa:40001/Consultas/FacturasPorQR';
/** Key of the simulator's QR JWTs. The DGI's real key is not public, so nobody can verify real ones offline either. */
export const SIM_JWT_SECRET = 'sago-factu-hka-simulator-jwt-key';

export interface CufeInput {
  issuer: SimIssuer;
  tipoDocumento: string;
  codigoSucursalEmisor: string;
  /** `AAAA-MM-DDThh:mm:ss-05:00`; only the date (as written) enters the CUFE. */
  fechaEmision: string;
  numero: number;
  puntoFacturacionFiscal: string;
  tipoEmision: string;
  codigoSeguridad: string;
}

export function simCufe(input: CufeInput): string {
  return buildCufe({
    tipoDocumento: input.tipoDocumento,
    tipoRuc: input.issuer.tipoRuc,
    ruc: input.issuer.ruc,
    dv: input.issuer.dv,
    codigoSucursal: input.codigoSucursalEmisor,
    fechaEmision: input.fechaEmision.slice(0, 10).replace(/-/g, ''),
    numeroDocumentoFiscal: String(input.numero),
    puntoFacturacion: input.puntoFacturacionFiscal,
    tipoEmision: input.tipoEmision,
    ambiente: SIM_AMBIENTE,
    codigoSeguridad: input.codigoSeguridad,
  });
}

/** dSeg: 9 digits, never all zeros, from a uniform random number in [0, 1). */
export function codigoSeguridad(random: () => number): string {
  const value = 1 + Math.min(Math.floor(random() * 999_999_999), 999_999_998);
  return String(value).padStart(9, '0');
}

/**
 * Stand-in for the XML signature's SHA-256 DigestValue (Base64): the simulator signs nothing, so it digests what it
 * received (the `documento` text) plus the CUFE, which is unique per document.
 */
export function digestValue(documentoXml: string, cufe: string): string {
  return createHash('sha256')
    .update(documentoXml + cufe, 'utf8')
    .digest('base64');
}

const b64url = (value: string | Buffer): string => Buffer.from(value).toString('base64url');

/** HS256 JWT with the payload the DGI puts in its QR: {chFE, iAmb, digestValue} (§5.6). */
export function qrJwt(cufe: string, digest: string, secret = SIM_JWT_SECRET): string {
  const header = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const payload = b64url(JSON.stringify({ chFE: cufe, iAmb: SIM_AMBIENTE, digestValue: digest }));
  const signature = createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url');
  return `${header}.${payload}.${signature}`;
}

/** The QR URL as HKA returns it: parameters not URL-encoded (digestValue keeps its '/', '+', '='), like sample 03. */
export function qrUrl(cufe: string, digest: string): string {
  return `${QR_BASE_URL}?chFE=${cufe}&iAmb=${SIM_AMBIENTE}&digestValue=${digest}&jwt=${qrJwt(cufe, digest)}`;
}

/** `0000155596713-2-2015` + year + 16-digit sequence = 40 characters (§5.8). */
export function protocolNumber(year: string, sequence: number): string {
  return PAC_RUC.padStart(20, '0') + year + String(sequence).padStart(16, '0');
}
