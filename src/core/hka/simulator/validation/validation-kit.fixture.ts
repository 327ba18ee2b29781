// Test support for the simulator's validation: a hand-written valid `documento` (independent of our mapping), a test
// issuer, and immutable edits of an XNode tree addressed by path ("listaItems/item[2]/valorITBMS", 1-based index).
import { find, parseXml, type XNode } from '../../xml/xnode';
import type { SimIssuer } from '../types';
import type { DocumentoValidationContext } from './validate-documento';

export const TEST_ISSUER: SimIssuer = {
  tipoRuc: '2',
  ruc: '155596713-2-2015',
  dv: '59',
  razonSocial: 'THE FACTORY HKA CORP',
  branches: [
    {
      codigo: '0000',
      nombre: 'Casa matriz',
      direccion: 'Ave. La Paz',
      codigoUbicacion: '8-8-7',
      provincia: 'PANAMÁ',
      distrito: 'PANAMÁ',
      corregimiento: 'BELLA VISTA',
      coordenadas: '+8.9892,-79.5201',
      telefono: '222-3456',
    },
  ],
};

/** HKA's clock in the tests: after every sample's fechaEmision. */
export const CTX: DocumentoValidationContext = { issuer: TEST_ISSUER, now: new Date('2026-11-28T12:00:00-05:00') };

/** The `documento` element of an XML text (a SOAP body, an Enviar wrapper or a bare documento). */
export function documentoOf(xml: string): XNode {
  // Published samples are fragments whose prefixes were declared on an envelope they no longer have.
  const documento = find(parseXml(xml, { namespaces: false }), 'documento');
  if (!documento) throw new Error('No <documento> element');
  return documento;
}

const leafXml = (name: string, value: string): string => `<ser:${name}>${value}</ser:${name}>`;
export const fieldsXml = (fields: Record<string, string>): string =>
  Object.entries(fields)
    .map(([k, v]) => leafXml(k, v))
    .join('');

/**
 * A valid cash sale to a consumidor final: item 1 = 2 × 10.00 at 7 % (ITBMS 1.40), item 2 = 1 × 5.50 exempt;
 * total 26.90, paid 30.00 in cash, change 3.10.
 */
export const BASE_XML = `<tem:documento xmlns:tem="http://tempuri.org/"
  xmlns:ser="http://schemas.datacontract.org/2004/07/Services.ObjComprobante.v1_0">
  ${fieldsXml({ codigoSucursalEmisor: '0000', tipoSucursal: '1' })}
  <ser:datosTransaccion>
    ${fieldsXml({
      tipoEmision: '01',
      tipoDocumento: '01',
      numeroDocumentoFiscal: '0000000042',
      puntoFacturacionFiscal: '001',
      fechaEmision: '2026-11-28T10:15:00-05:00',
      naturalezaOperacion: '01',
      tipoOperacion: '1',
      destinoOperacion: '1',
      formatoCAFE: '2',
      entregaCAFE: '2',
      envioContenedor: '1',
      procesoGeneracion: '1',
      tipoVenta: '1',
    })}
    <ser:cliente>${fieldsXml({ tipoClienteFE: '02', pais: 'PA' })}</ser:cliente>
  </ser:datosTransaccion>
  <ser:listaItems>
    <ser:item>${fieldsXml({
      descripcion: 'Arroz 5 lb',
      codigo: 'A001',
      unidadMedida: 'und',
      cantidad: '2.00',
      precioUnitario: '10.00',
      precioItem: '20.00',
      valorTotal: '21.40',
      tasaITBMS: '01',
      valorITBMS: '1.40',
    })}</ser:item>
    <ser:item>${fieldsXml({
      descripcion: 'Agua 1 l',
      cantidad: '1.00',
      precioUnitario: '5.50',
      precioItem: '5.50',
      valorTotal: '5.50',
      tasaITBMS: '00',
      valorITBMS: '0.00',
    })}</ser:item>
  </ser:listaItems>
  <ser:totalesSubTotales>
    ${fieldsXml({
      totalPrecioNeto: '25.50',
      totalITBMS: '1.40',
      totalMontoGravado: '1.40',
      totalFactura: '26.90',
      totalValorRecibido: '30.00',
      vuelto: '3.10',
      tiempoPago: '1',
      nroItems: '2',
      totalTodosItems: '26.90',
    })}
    <ser:listaFormaPago><ser:formaPago>${fieldsXml({ formaPagoFact: '02', valorCuotaPagada: '30.00' })}</ser:formaPago></ser:listaFormaPago>
  </ser:totalesSubTotales>
</tem:documento>`;

export const BASE: XNode = documentoOf(BASE_XML);

/** A new element: text content, or children. */
export function el(name: string, content: string | XNode[]): XNode {
  return typeof content === 'string'
    ? { name, ns: '', attrs: {}, text: content, children: [] }
    : { name, ns: '', attrs: {}, text: '', children: content };
}

/** An element whose children are leaves, in the given order. */
export function group(name: string, fields: Record<string, string>): XNode {
  return el(
    name,
    Object.entries(fields).map(([k, v]) => el(k, v)),
  );
}

function indexOf(children: readonly XNode[], segment: string): number {
  const m = /^(\w+)(?:\[(\d+)\])?$/.exec(segment);
  if (!m) throw new Error(`Bad path segment ${segment}`);
  const [, name, nth = '1'] = m;
  let seen = 0;
  const index = children.findIndex((c) => c.name === name && ++seen === Number(nth));
  if (index < 0) throw new Error(`No element ${segment}`);
  return index;
}

/** Replaces the children of the element at `path` ('' = the root itself) with what `change` returns. */
export function editChildren(root: XNode, path: string, change: (children: XNode[]) => XNode[]): XNode {
  const segments = path === '' ? [] : path.split('/');
  const walk = (node: XNode, rest: readonly string[]): XNode => {
    const [first, ...others] = rest;
    if (first === undefined) return { ...node, children: change([...node.children]) };
    const i = indexOf(node.children, first);
    const children = [...node.children];
    children[i] = walk(children[i] as XNode, others);
    return { ...node, children };
  };
  return walk(root, segments);
}

const split = (path: string): [string, string] => {
  const cut = path.lastIndexOf('/');
  return cut < 0 ? ['', path] : [path.slice(0, cut), path.slice(cut + 1)];
};

/** Replaces (or with undefined removes) the element at `path`. */
export function edit(root: XNode, path: string, change: (node: XNode) => XNode | undefined): XNode {
  const [parent, last] = split(path);
  return editChildren(root, parent, (children) => {
    const i = indexOf(children, last);
    const replaced = change(children[i] as XNode);
    return [...children.slice(0, i), ...(replaced ? [replaced] : []), ...children.slice(i + 1)];
  });
}

export const setText = (root: XNode, path: string, text: string): XNode =>
  edit(root, path, (n) => ({ ...n, text, children: [] }));

export const remove = (root: XNode, path: string): XNode => edit(root, path, () => undefined);

/** Inserts `node` right after the element at `path` (its sibling). */
export function insertAfter(root: XNode, path: string, node: XNode): XNode {
  const [parent, last] = split(path);
  return editChildren(root, parent, (children) => {
    const i = indexOf(children, last);
    return [...children.slice(0, i + 1), node, ...children.slice(i + 1)];
  });
}

/** Several setText at once: { 'totalesSubTotales/vuelto': '0.10', … }. */
export const setTexts = (root: XNode, values: Record<string, string>): XNode =>
  Object.entries(values).reduce((node, [path, text]) => setText(node, path, text), root);

/** Appends `node` as the last child of the element at `path` ('' = the root). */
export const append = (root: XNode, path: string, node: XNode): XNode =>
  editChildren(root, path, (children) => [...children, node]);
