// Receptor rules (REFERENCE.md §2.3, §2.12 rules 3–4) and the DV of every RUC the document carries (§5.4).
import { verifyDv } from '../../../../shared/fiscal/ruc-dv';
import { textOf, type XNode } from '../../xml/xnode';
import { PAISES_DGI as PAISES } from '../../../../shared/fiscal/dgi-catalogues';
import { listItems, type Rule } from './documento-view';
import { inOccurrence, invalido, noDebeSerInformado, requerido, TOP, type Location } from './messages';

const RUC_FIELDS = ['tipoContribuyente', 'numeroRUC', 'digitoVerificadorRUC'] as const;
const LOCATION_FIELDS = ['codigoUbicacion', 'provincia', 'distrito', 'corregimiento'] as const;

const missing = (node: XNode | undefined, fields: readonly string[]): string[] =>
  fields.filter((f) => textOf(node, f) === undefined).map((f) => requerido(TOP, f));

const sent = (node: XNode | undefined, fields: readonly string[]): string[] =>
  fields.filter((f) => textOf(node, f) !== undefined).map((f) => noDebeSerInformado(TOP, f));

/**
 * 01 contribuyente / 03 gobierno: identified by RUC + DV, name and address. 02 consumidor final: a jurídico RUC must
 * be declared as contribuyente (HKA FAQ). 04 extranjero: foreign ID instead of RUC, and no Panamanian location.
 */
export const receptorByType: Rule = ({ cliente }) => {
  switch (textOf(cliente, 'tipoClienteFE') ?? '') {
    case '01':
    case '03':
      return missing(cliente, [...RUC_FIELDS, 'razonSocial', 'direccion']);
    case '02':
      return textOf(cliente, 'tipoContribuyente') === '2'
        ? [invalido(TOP, 'tipoClienteFE', 'un RUC jurídico debe declararse como contribuyente (01)')]
        : [];
    case '04':
      return [
        ...missing(cliente, ['tipoIdentificacion', 'nroIdentificacionExtranjero']),
        ...sent(cliente, [...RUC_FIELDS, ...LOCATION_FIELDS]),
      ];
    default:
      return [];
  }
};

/** Rule 3: PA for operations in Panamá, another country for exports; ZZ (not in the list) names the country. */
export const receptorCountry: Rule = ({ transaccion, cliente }) => {
  const destino = textOf(transaccion, 'destinoOperacion');
  const pais = textOf(cliente, 'pais');
  if (pais === undefined || !PAISES.has(pais)) return []; // absent or unknown: the table reports it
  const messages: string[] = [];
  if (destino === '1' && pais !== 'PA') {
    messages.push(invalido(TOP, 'pais', 'debe ser PA cuando destinoOperacion es 1'));
  }
  if (destino === '2' && pais === 'PA')
    messages.push(invalido(TOP, 'pais', 'no puede ser PA cuando destinoOperacion es 2'));
  if (pais === 'ZZ' && textOf(cliente, 'paisOtro') === undefined) messages.push(requerido(TOP, 'paisOtro'));
  return messages;
};

export interface RucFields {
  tipo: string;
  ruc: string;
  dv: string;
}

/**
 * A DV that contradicts the DGI algorithm is an error; forms the algorithm cannot reproduce ('unverifiable', e.g.
 * 4-digit tomos) are accepted, as HKA would only know by asking the DGI. A DV of the wrong shape is the table's error.
 */
export function dvMessages(at: Location, node: XNode | undefined, fields: RucFields): string[] {
  const ruc = textOf(node, fields.ruc);
  const dv = textOf(node, fields.dv);
  if (ruc === undefined || dv === undefined || !/^\d{2}$/.test(dv)) return [];
  const tipo = textOf(node, fields.tipo);
  const check = verifyDv(ruc, dv, tipo === '1' || tipo === '2' ? tipo : undefined);
  switch (check.status) {
    case 'valid':
    case 'unverifiable':
      return [];
    case 'mismatch':
      return [invalido(at, fields.dv, `declarado ${dv}, calculado ${check.expected}`)];
    case 'invalid':
      return [invalido(at, fields.ruc)];
  }
}

const CLIENTE_RUC: RucFields = { tipo: 'tipoContribuyente', ruc: 'numeroRUC', dv: 'digitoVerificadorRUC' };
const AUTORIZADO_RUC: RucFields = { tipo: 'tipoContribuyente', ruc: 'rucReceptor', dv: 'digitoVerifRucReceptor' };

/** The receptor's DV (for 04 the RUC fields are forbidden instead) and those of third parties allowed to download. */
export const rucCheckDigits: Rule = ({ transaccion, cliente }) => [
  ...(textOf(cliente, 'tipoClienteFE') === '04' ? [] : dvMessages(TOP, cliente, CLIENTE_RUC)),
  ...listItems(transaccion, 'listaAutorizadosDescargaFEyEventos').flatMap((autorizado, i) =>
    dvMessages(inOccurrence(TOP, 'AutorizadoDescargaFEyEventos', i + 1), autorizado, AUTORIZADO_RUC),
  ),
];
