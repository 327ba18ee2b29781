// Whether a document can be written in the DGI format as the 2020 XSD defines it (REFERENCE.md §4.9, §7.17).
// HKA accepts codes, lengths and fields the 2020 schema does not know. buildRfeXml writes such values as received
// (so the XML fails that schema: effect 'invalid') and leaves out fields that have no v1.00 element (effect
// 'omitted': the XML stays valid but loses them). A document is "2020-representable" when it has neither.
import { money } from '../../../../shared/fiscal/money';
import { child, textOf, type XNode } from '../../xml/xnode';
import type { AuthorizedDocument } from '../types';
import {
  CPBS_2020,
  CPBS_ABREVIADO_2020,
  INCOTERMS_2020,
  MONEDAS_2020,
  PAISES_2020,
  UBICACIONES_2020,
  UNIDADES_MEDIDA_2020,
} from './rfe-2020-catalogues';
import { DGI_EMAIL_PATTERN } from '../../../../shared/fiscal/dgi-catalogues';
import { CLIENTE_EMAILS, CLIENTE_PHONES } from './rfe-parties';
import { listItems } from './rfe-writer';

export interface Rfe2020Gap {
  /** Where the value is: an HKA path ("datosTransaccion/cliente/telefono1") or "emisor/…" for account data. */
  path: string;
  value: string;
  effect: 'invalid' | 'omitted';
  reason: string;
}

type Test = (value: string) => boolean;
const oneOf =
  (...codes: string[]): Test =>
  (v) =>
    codes.includes(v);
const inSet =
  (set: ReadonlySet<string>): Test =>
  (v) =>
    set.has(v);
const matches =
  (pattern: RegExp): Test =>
  (v) =>
    pattern.test(v);
const maxLength =
  (n: number): Test =>
  (v) =>
    [...v].length <= n;
/** xs:integer / xs:decimal enumerations compare values, not text ('2' and '02', '0.05' and '0.050' are equal). */
const numberIn =
  (...values: string[]): Test =>
  (v) =>
    /^\d+(\.\d+)?$/.test(v) && values.some((x) => money(v).eq(x));

// Patterns of the 2020 XSD, as XSD reads them (implicitly anchored; its \w is every character except
// punctuation, separators and "other", i.e. letters, marks, numbers and symbols).
const PHONE_2020 = /^[0-9]{3,4}-[0-9]{4}$/;
const COORDINATES_2020 = /^[-+]?[0-9]{1,2}\.[0-9]{4,6},-[0-9]{2}\.[0-9]{4,6}$/;
/** RucType/dRuc, copied verbatim (5 to 20 characters). */
const RUC_2020 =
  /^(?:(([P][E][-](([-]|[0-9]){1,17})|[N][-](([-]|[0-9]){1,18})|[E][-](([-]|[0-9]){1,18})|(([-]|[0-9]){5,20}))|(((([0-9]{1})[-][A][V][-](([-]|[0-9]){1,15}))|(([0-9]{2})[-][A][V][-](([-]|[0-9]){1,14})))|((([0-9]{1,2})[-][N][T][-](([-]|[0-9]){1,15}))|(([0-9]{1,2})[-][N][T][-](([-]|[0-9]){1,14}))|([N][T][-](([-]|[0-9]){1,14}))|(([0-9]{1,2})[-][P][I][-](([-]|[0-9]){1,14}))|([P][I][-](([-]|[0-9]){1,14}))|(([0-9]){1,2}[P][I][-](([-]|[0-9]){1,14})))))?)$/;
const ruc2020: Test = (v) => v.length >= 5 && v.length <= 20 && RUC_2020.test(v);

const TIPO_DOCUMENTO_2020 = oneOf('01', '02', '03', '04', '05', '06', '07', '08', '09');
const NATURALEZA_2020 = oneOf('01', '02', '10', '11', '12', '13', '14', '20', '21');
const OTI_2020 = oneOf('01', '02');
const FORMA_PAGO_2020 = numberIn('1', '2', '3', '4', '5', '6', '7', '8', '99');
const TASA_ISC_2020 = numberIn('0.05', '0.06', '0', '0.1325', '0.325', '0.035');

class GapCollector {
  readonly gaps: Rfe2020Gap[] = [];

  /** Records an 'invalid' gap when the value is present and fails the 2020 rule. */
  check(path: string, value: string | undefined, test: Test, reason: string): void {
    if (value !== undefined && !test(value)) this.gaps.push({ path, value, effect: 'invalid', reason });
  }

  /** Records an 'omitted' gap when a field without v1.00 element is present. */
  noElement(path: string, value: string | undefined, reason: string): void {
    if (value !== undefined) this.gaps.push({ path, value, effect: 'omitted', reason });
  }

  /** Checks a named child of `node`, reporting it under `base/name`. */
  field(node: XNode | undefined, base: string, name: string, test: Test, reason: string): void {
    this.check(`${base}/${name}`, textOf(node, name), test, reason);
  }
}

function checkCliente(g: GapCollector, datos: XNode | undefined): void {
  const cliente = child(datos, 'cliente');
  const at = 'datosTransaccion/cliente';
  g.field(cliente, at, 'numeroRUC', ruc2020, 'RUC form not accepted by the 2020 dRuc pattern');
  g.field(cliente, at, 'razonSocial', maxLength(100), 'dNombRec admits at most 100 characters in 2020 (HKA: 200)');
  g.field(cliente, at, 'codigoUbicacion', inSet(UBICACIONES_2020), 'location code not in the 2020 catalogue');
  g.noElement(`${at}/tipoIdentificacion`, textOf(cliente, 'tipoIdentificacion'), 'no foreign-ID type element in v1.00');
  for (const name of CLIENTE_PHONES)
    g.field(cliente, at, name, matches(PHONE_2020), '2020 phones are 999-9999 or 9999-9999');
  for (const name of CLIENTE_EMAILS)
    g.field(cliente, at, name, matches(DGI_EMAIL_PATTERN), 'not accepted by the 2020 e-mail pattern');
  g.field(cliente, at, 'pais', inSet(PAISES_2020), 'country code not in the 2020 catalogue');
}

function checkDatosTransaccion(g: GapCollector, datos: XNode | undefined): void {
  const at = 'datosTransaccion';
  g.field(datos, at, 'tipoDocumento', TIPO_DOCUMENTO_2020, 'iDoc is 01–09 in 2020 (HKA adds 10)');
  g.field(datos, at, 'naturalezaOperacion', NATURALEZA_2020, 'iNatOp 03 and 04 are newer than the 2020 XSD');
  checkCliente(g, datos);
  const exp = child(datos, 'datosFacturaExportacion');
  g.field(
    exp,
    `${at}/datosFacturaExportacion`,
    'condicionesEntrega',
    inSet(INCOTERMS_2020),
    'INCOTERM not in the 2020 list',
  );
  g.field(
    exp,
    `${at}/datosFacturaExportacion`,
    'monedaOperExportacion',
    inSet(MONEDAS_2020),
    'currency not in the 2020 list',
  );
  listItems(datos, 'listaAutorizadosDescargaFEyEventos', 'autorizadoDescargaFEyEventos').forEach((aut, i) =>
    g.field(
      aut,
      `${at}/listaAutorizadosDescargaFEyEventos/autorizadoDescargaFEyEventos[${i + 1}]`,
      'rucReceptor',
      ruc2020,
      'RUC form not accepted by the 2020 dRuc pattern',
    ),
  );
}

function checkItems(g: GapCollector, documento: XNode): void {
  listItems(documento, 'listaItems', 'item').forEach((item, i) => {
    const at = `listaItems/item[${i + 1}]`;
    g.field(item, at, 'unidadMedida', inSet(UNIDADES_MEDIDA_2020), 'unit not in the 2020 catalogue');
    g.field(item, at, 'unidadMedidaCPBS', inSet(UNIDADES_MEDIDA_2020), 'unit not in the 2020 catalogue');
    g.field(item, at, 'codigoCPBSAbrev', inSet(CPBS_ABREVIADO_2020), 'CPBS family not in the 2020 catalogue');
    g.field(item, at, 'codigoCPBS', inSet(CPBS_2020), 'CPBS code not in the 2020 catalogue');
    g.field(item, at, 'tasaISC', TASA_ISC_2020, 'ISC rate not in the 2020 list (0.05, 0.06, 0.1325, 0.325, 0.035, 0)');
    listItems(item, 'listaItemOTI', 'oti').forEach((oti, j) =>
      g.field(oti, `${at}/listaItemOTI/oti[${j + 1}]`, 'tasaOTI', OTI_2020, 'OTI codes are 01–02 in 2020 (HKA: 01–11)'),
    );
    const vehiculo = child(item, 'vehiculo');
    g.field(
      vehiculo,
      `${at}/vehiculo`,
      'tipoVehiculo',
      numberIn('1', '2', '3', '4', '5', '6'),
      'cTipoVehic is 1–6 in 2020',
    );
    g.field(vehiculo, `${at}/vehiculo`, 'usoVehiculo', numberIn('1', '2'), 'cUsoVehic is 1–2 in 2020');
  });
}

function checkTotales(g: GapCollector, documento: XNode): void {
  const totales = child(documento, 'totalesSubTotales');
  const at = 'totalesSubTotales';
  g.noElement(`${at}/totalOtrosGastos`, textOf(totales, 'totalOtrosGastos'), 'no "otros gastos" total in v1.00');
  listItems(totales, 'listaFormaPago', 'formaPago').forEach((pago, i) =>
    g.field(
      pago,
      `${at}/listaFormaPago/formaPago[${i + 1}]`,
      'formaPagoFact',
      FORMA_PAGO_2020,
      'iFormaPago 09 (cheque) is newer than 2020',
    ),
  );
  listItems(totales, 'listaTotalOTI', ['totalOti', 'totalOTI']).forEach((oti, i) =>
    g.field(
      oti,
      `${at}/listaTotalOTI/totalOti[${i + 1}]`,
      'codigoTotalOTI',
      OTI_2020,
      'OTI codes are 01–02 in 2020 (HKA: 01–11)',
    ),
  );
}

function checkComplementarios(g: GapCollector, documento: XNode): void {
  const pedido = child(documento, 'pedidoComercialGlobal');
  g.noElement('pedidoComercialGlobal/codigoReceptor', textOf(pedido, 'codigoReceptor'), 'no element in v1.00');
  g.noElement(
    'pedidoComercialGlobal/codigoSistemaEmisor',
    textOf(pedido, 'codigoSistemaEmisor'),
    'no element in v1.00',
  );
  const log = child(documento, 'infoLogistica');
  g.field(log, 'infoLogistica', 'rucTransportista', ruc2020, 'RUC form not accepted by the 2020 dRuc pattern');
  const entrega = child(documento, 'infoEntrega');
  g.field(entrega, 'infoEntrega', 'numeroRucEntrega', ruc2020, 'RUC form not accepted by the 2020 dRuc pattern');
  g.field(
    entrega,
    'infoEntrega',
    'codigoUbicacionEntrega',
    inSet(UBICACIONES_2020),
    'location code not in the 2020 catalogue',
  );
  g.field(entrega, 'infoEntrega', 'telefonoEntrega', matches(PHONE_2020), '2020 phones are 999-9999 or 9999-9999');
  g.field(entrega, 'infoEntrega', 'telefonoEntregaAlt', matches(PHONE_2020), '2020 phones are 999-9999 or 9999-9999');
}

/** The issuer and branch come from the account configuration (§3) and must fit gEmis too. */
function checkEmisor(g: GapCollector, doc: AuthorizedDocument): void {
  g.check('emisor/ruc', doc.issuer.ruc, ruc2020, 'RUC form not accepted by the 2020 dRuc pattern');
  g.check('emisor/razonSocial', doc.issuer.razonSocial, maxLength(100), 'dNombEm admits at most 100 characters');
  g.check('emisor/sucursal/direccion', doc.branch.direccion, maxLength(100), 'dDirecEm admits at most 100 characters');
  g.check(
    'emisor/sucursal/coordenadas',
    doc.branch.coordenadas,
    matches(COORDINATES_2020),
    'not in the 2020 dCoordEm form',
  );
  g.check(
    'emisor/sucursal/codigoUbicacion',
    doc.branch.codigoUbicacion,
    inSet(UBICACIONES_2020),
    'location code not in the 2020 catalogue',
  );
  g.check(
    'emisor/sucursal/telefono',
    doc.branch.telefono,
    matches(PHONE_2020),
    '2020 phones are 999-9999 or 9999-9999',
  );
  g.check(
    'emisor/sucursal/correo',
    doc.branch.correo,
    matches(DGI_EMAIL_PATTERN),
    'not accepted by the 2020 e-mail pattern',
  );
}

/** Every value of the document the 2020 format cannot carry, in document order (issuer data last). */
export function rfe2020Gaps(doc: AuthorizedDocument): Rfe2020Gap[] {
  const g = new GapCollector();
  checkDatosTransaccion(g, child(doc.documento, 'datosTransaccion'));
  checkItems(g, doc.documento);
  checkTotales(g, doc.documento);
  checkComplementarios(g, doc.documento);
  checkEmisor(g, doc);
  return g.gaps;
}

/**
 * True when no value lies outside the 2020 format: buildRfeXml then writes the whole document and the 2020 XSD
 * accepts it (given a document HKA accepted: where HKA's formats equal the XSD's, nothing is re-checked here).
 */
export function isRfe2020Representable(doc: AuthorizedDocument): boolean {
  return rfe2020Gaps(doc).length === 0;
}
