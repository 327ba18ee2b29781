// Reading the key of an issued document (REFERENCE.md §1.5) from datosDocumento, or from an Enviar `documento`.
import { child, textOf, type XNode } from '../../xml/xnode';
import { fieldInvalid, fieldRequired } from '../sim-codes';
import type { DocumentKey, SimStore, StoredDocument } from '../store/sim-store';
import type { SimAccount } from '../types';

export interface RawKey {
  codigoSucursalEmisor: string | undefined;
  numeroDocumentoFiscal: string | undefined;
  puntoFacturacionFiscal: string | undefined;
  tipoDocumento: string | undefined;
  tipoEmision: string | undefined;
}

export interface ParsedKey {
  key: Omit<DocumentKey, 'ruc'>;
  tipoEmision: string;
}

const RULES: Record<keyof RawKey, RegExp> = {
  codigoSucursalEmisor: /^[0-9A-Za-z]{4}$/,
  numeroDocumentoFiscal: /^(?!0+$)\d{1,10}$/,
  puntoFacturacionFiscal: /^(?!0+$)\d{1,3}$/,
  tipoDocumento: /^(0[1-9]|10)$/,
  tipoEmision: /^0[1-4]$/,
};

/** Checks the five key fields; número is compared as a number ('891' = '0000000891'), punto padded to 3 digits. */
export function parseKey(raw: RawKey): { ok: true; parsed: ParsedKey } | { ok: false; messages: string[] } {
  const messages: string[] = [];
  for (const field of Object.keys(RULES) as (keyof RawKey)[]) {
    const value = raw[field];
    if (value === undefined) messages.push(fieldRequired(field));
    else if (!RULES[field].test(value)) messages.push(fieldInvalid(field));
  }
  const { codigoSucursalEmisor, numeroDocumentoFiscal, puntoFacturacionFiscal, tipoDocumento, tipoEmision } = raw;
  if (
    messages.length > 0 ||
    !codigoSucursalEmisor ||
    !numeroDocumentoFiscal ||
    !puntoFacturacionFiscal ||
    !tipoDocumento ||
    !tipoEmision
  ) {
    return { ok: false, messages };
  }
  return {
    ok: true,
    parsed: {
      key: {
        codigoSucursalEmisor,
        numero: Number(numeroDocumentoFiscal),
        puntoFacturacionFiscal: puntoFacturacionFiscal.padStart(3, '0'),
        tipoDocumento,
      },
      tipoEmision,
    },
  };
}

export function keyOfDatosDocumento(datos: XNode | undefined): RawKey {
  return {
    codigoSucursalEmisor: textOf(datos, 'codigoSucursalEmisor'),
    numeroDocumentoFiscal: textOf(datos, 'numeroDocumentoFiscal'),
    puntoFacturacionFiscal: textOf(datos, 'puntoFacturacionFiscal'),
    tipoDocumento: textOf(datos, 'tipoDocumento'),
    tipoEmision: textOf(datos, 'tipoEmision'),
  };
}

export function keyOfDocumento(documento: XNode): RawKey {
  const datos = child(documento, 'datosTransaccion');
  return { ...keyOfDatosDocumento(datos), codigoSucursalEmisor: textOf(documento, 'codigoSucursalEmisor') };
}

export type DocumentLookup =
  { ok: true; doc: StoredDocument } | { ok: false; messages: string[] } | { ok: false; notFound: true };

/** The stored document a datosDocumento names, for the token's issuer; the tipoEmision must match too. */
export function lookupDocument(datos: XNode | undefined, account: SimAccount, store: SimStore): DocumentLookup {
  if (!datos || datos.children.length === 0) return { ok: false, messages: [fieldRequired('datosDocumento')] };
  const parsed = parseKey(keyOfDatosDocumento(datos));
  if (!parsed.ok) return parsed;
  const doc = store.findByKey({ ...parsed.parsed.key, ruc: account.issuer.ruc });
  if (!doc || doc.tipoEmision !== parsed.parsed.tipoEmision) return { ok: false, notFound: true };
  return { ok: true, doc };
}
