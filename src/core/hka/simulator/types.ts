// Types shared by the parts of the HKA simulator (server, validation, DGI XML/PDF builders).
import type { XNode } from '../xml/xnode';

/** A branch (sucursal) configured in the issuer's HKA account; HKA fills gEmis from it (REFERENCE.md §3). */
export interface SimBranch {
  codigo: string; // 4 chars, e.g. '0000'
  nombre: string;
  direccion: string;
  codigoUbicacion: string; // e.g. '8-8-7'
  provincia: string;
  distrito: string;
  corregimiento: string;
  /** DGI dCoordEm, e.g. '+8.9892,-79.5201'. */
  coordenadas: string;
  telefono: string; // 999-9999 or 9999-9999
  correo?: string;
}

export interface SimIssuer {
  tipoRuc: '1' | '2';
  ruc: string;
  dv: string;
  razonSocial: string;
  branches: SimBranch[];
}

/** One HKA account: a token pair for one issuer (credentials are per RUC and per environment, §1.4). */
export interface SimAccount {
  tokenEmpresa: string;
  tokenPassword: string;
  issuer: SimIssuer;
  licencia: string;
  /** Folios of the current monthly cycle; decremented on each authorisation. */
  foliosTotalesCiclo: number;
  foliosTotales: number;
}

/** What the simulator keeps about an authorised document; input of the DGI XML and CAFE PDF builders. */
export interface AuthorizedDocument {
  /** The `documento` element exactly as received in Enviar. */
  documento: XNode;
  issuer: SimIssuer;
  branch: SimBranch;
  cufe: string;
  qr: string;
  nroProtocoloAutorizacion: string;
  /** `AAAA-MM-DDThh:mm:ss-05:00` */
  fechaRecepcionDGI: string;
  /** `1` production, `2` test; the simulator always uses 2. */
  ambiente: '1' | '2';
  /** dSeg, 9 digits (also inside the CUFE). */
  codigoSeguridad: string;
  /** Base64 SHA-256 digest placed in the QR and the signature reference. */
  digestValue: string;
  status: 'Autorizada' | 'Anulada';
}
