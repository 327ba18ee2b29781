// What a WSDL of HKA's service says that a client depends on: the operations, each operation's parameters in order,
// the namespace of each structured parameter's content (documento, datosDocumento, consultarRucDVRequest), and the
// element order of `documento` down to its leaves. Read with a strict XML parser that keeps prefix bindings, because a
// WSDL names types by QName ("q2:DatosDocumento") and the prefix is only meaningful in its scope.
import { SaxesParser } from 'saxes';

const WSDL_NS = 'http://schemas.xmlsoap.org/wsdl/';
const XSD_NS = 'http://www.w3.org/2001/XMLSchema';

interface WNode {
  local: string;
  ns: string;
  attrs: Record<string, string>;
  /** Prefix → namespace in scope at this element ('' is the default namespace). */
  scope: Record<string, string>;
  children: WNode[];
}

export class WsdlReadError extends Error {
  override readonly name = 'WsdlReadError';
}

function parseTree(text: string): WNode {
  const parser = new SaxesParser({ xmlns: true, forceXMLVersion: true, defaultXMLVersion: '1.0' });
  const stack: WNode[] = [];
  let root: WNode | undefined;
  let failure: string | undefined;
  parser.on('error', (e) => {
    failure ??= e.message;
  });
  parser.on('doctype', () => {
    failure ??= 'DTD is prohibited';
  });
  parser.on('opentag', (tag) => {
    const parentScope = stack.at(-1)?.scope ?? {};
    const node: WNode = {
      local: tag.local,
      ns: tag.uri,
      children: [],
      attrs: Object.fromEntries(
        Object.values(tag.attributes)
          .filter((a) => a.prefix !== 'xmlns' && a.name !== 'xmlns')
          .map((a) => [a.local, a.value]),
      ),
      scope: { ...parentScope, ...tag.ns },
    };
    stack.at(-1)?.children.push(node);
    stack.push(node);
  });
  parser.on('closetag', () => {
    const done = stack.pop();
    if (done && stack.length === 0) root = done;
  });
  try {
    parser.write(text).close();
  } catch (e) {
    failure ??= e instanceof Error ? e.message : String(e);
  }
  if (failure !== undefined) throw new WsdlReadError(`not well-formed XML: ${failure}`);
  if (!root) throw new WsdlReadError('no root element');
  return root;
}

const kids = (node: WNode | undefined, ns: string, local: string): WNode[] =>
  node?.children.filter((c) => c.ns === ns && c.local === local) ?? [];

function resolveQName(node: WNode, qname: string): { ns: string; name: string } {
  const colon = qname.indexOf(':');
  const prefix = colon < 0 ? '' : qname.slice(0, colon);
  return { ns: node.scope[prefix] ?? '', name: qname.slice(colon + 1) };
}

interface SchemaIndex {
  elements: Map<string, WNode>; // `${ns}#${name}` of top-level elements
  complexTypes: Map<string, WNode>; // `${ns}#${name}`
}

function indexSchemas(definitions: WNode): SchemaIndex {
  const index: SchemaIndex = { elements: new Map(), complexTypes: new Map() };
  for (const schema of kids(kids(definitions, WSDL_NS, 'types')[0], XSD_NS, 'schema')) {
    const tns = schema.attrs['targetNamespace'] ?? '';
    for (const el of kids(schema, XSD_NS, 'element')) index.elements.set(`${tns}#${el.attrs['name'] ?? ''}`, el);
    for (const ct of kids(schema, XSD_NS, 'complexType'))
      index.complexTypes.set(`${tns}#${ct.attrs['name'] ?? ''}`, ct);
  }
  return index;
}

/** The xs:element children of a complex type's sequence, in order. */
function sequenceOf(complexType: WNode | undefined): WNode[] {
  return kids(kids(complexType, XSD_NS, 'sequence')[0], XSD_NS, 'element');
}

export interface WsdlSummary {
  operations: string[];
  /** Operation → its parameters in order. */
  parameters: Record<string, string[]>;
  /** "Operation.parameter" → namespace of the parameter's content (structured parameters only). */
  parameterNamespaces: Record<string, string>;
  /** Every element path of `documento` (Enviar), depth first, in sequence order: "datosTransaccion/cliente/pais". */
  documentoOrder: string[];
  /** location/schemaLocation of imports and includes: a singleWsdl has none (the SOAP library would fetch them). */
  externalReferences: string[];
}

/** The locations named by wsdl:import, xs:import, xs:include and xs:redefine anywhere in the document. */
function externalReferences(node: WNode): string[] {
  const referencing = ['import', 'include', 'redefine'].includes(node.local);
  const own = referencing
    ? ['location', 'schemaLocation'].flatMap((a) => (node.attrs[a] === undefined ? [] : [node.attrs[a]]))
    : [];
  return [...own, ...node.children.flatMap(externalReferences)];
}

function typeOf(index: SchemaIndex, el: WNode): { ns: string; node: WNode } | undefined {
  const type = el.attrs['type'];
  if (type === undefined) return undefined;
  const q = resolveQName(el, type);
  const node = index.complexTypes.get(`${q.ns}#${q.name}`);
  return node ? { ns: q.ns, node } : undefined;
}

/** Depth-first element paths under a complex type; an array type (one repeated child) is walked through its item. */
function paths(index: SchemaIndex, complexType: WNode, prefix: string, depth: number): string[] {
  if (depth > 8) return []; // recursive types do not occur in HKA's contract; never loop on a hostile one
  return sequenceOf(complexType).flatMap((el) => {
    const path = prefix ? `${prefix}/${el.attrs['name'] ?? ''}` : (el.attrs['name'] ?? '');
    const type = typeOf(index, el);
    return type ? [path, ...paths(index, type.node, path, depth + 1)] : [path];
  });
}

/** Summarises a WSDL of HKA's service; throws WsdlReadError when it is not a usable WSDL of that service. */
export function summariseWsdl(text: string): WsdlSummary {
  const definitions = parseTree(text);
  if (definitions.ns !== WSDL_NS || definitions.local !== 'definitions')
    throw new WsdlReadError('the root is not wsdl:definitions');
  const index = indexSchemas(definitions);
  const portTypes = kids(definitions, WSDL_NS, 'portType');
  const operations = portTypes.flatMap((pt) => kids(pt, WSDL_NS, 'operation').map((op) => op.attrs['name'] ?? ''));
  if (operations.length === 0) throw new WsdlReadError('no portType operations');
  const tns = definitions.attrs['targetNamespace'] ?? '';
  const parameters: Record<string, string[]> = {};
  const parameterNamespaces: Record<string, string> = {};
  let documentoOrder: string[] = [];
  for (const operation of operations) {
    const wrapper = index.elements.get(`${tns}#${operation}`);
    const params = sequenceOf(kids(wrapper, XSD_NS, 'complexType')[0]);
    parameters[operation] = params.map((p) => p.attrs['name'] ?? '');
    for (const param of params) {
      const type = typeOf(index, param);
      if (!type) continue;
      parameterNamespaces[`${operation}.${param.attrs['name'] ?? ''}`] = type.ns;
      if (operation === 'Enviar' && param.attrs['name'] === 'documento')
        documentoOrder = paths(index, type.node, '', 0);
    }
  }
  return {
    operations,
    parameters,
    parameterNamespaces,
    documentoOrder,
    externalReferences: externalReferences(definitions),
  };
}
