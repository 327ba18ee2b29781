// A small ordered XML tree with local names, for reading SOAP messages whatever namespace prefixes the sender
// used (REFERENCE.md §1.3: real clients send several variants). Order is kept: HKA's WCF service cares.
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export interface XNode {
  /** Local name, without prefix. */
  name: string;
  /** Attributes by local name (e.g. `nil` for `i:nil`). */
  attrs: Record<string, string>;
  /** Direct text content (CDATA included), trimmed. */
  text: string;
  children: XNode[];
}

export class XmlParseError extends Error {
  override readonly name = 'XmlParseError';
}

type Ordered = Record<string, unknown>;
const localName = (tag: string): string => tag.slice(tag.indexOf(':') + 1);

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  commentPropName: '#comment',
});

function toNode(entry: Ordered): XNode | undefined {
  const tag = Object.keys(entry).find((k) => k !== ':@');
  if (!tag || tag === '#text' || tag === '#comment') return undefined;
  const rawAttrs = (entry[':@'] ?? {}) as Record<string, string>;
  const attrs = Object.fromEntries(
    Object.entries(rawAttrs).filter(([k]) => !k.startsWith('xmlns')).map(([k, v]) => [localName(k), String(v)]),
  );
  const content = (entry[tag] ?? []) as Ordered[];
  const text = content.filter((c) => '#text' in c).map((c) => String(c['#text'])).join('').trim();
  const children = content.map(toNode).filter((n): n is XNode => n !== undefined);
  return { name: localName(tag), attrs, text, children };
}

/** Parses a whole document and returns its root element; throws XmlParseError on malformed XML. */
export function parseXml(xml: string): XNode {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new XmlParseError(`Malformed XML: ${valid.err.msg} (line ${valid.err.line})`);
  const root = (parser.parse(xml) as Ordered[]).map(toNode).find((n) => n !== undefined);
  if (!root) throw new XmlParseError('XML has no root element');
  return root;
}

export function child(node: XNode | undefined, name: string): XNode | undefined {
  return node?.children.find((c) => c.name === name);
}

export function children(node: XNode | undefined, name: string): XNode[] {
  return node?.children.filter((c) => c.name === name) ?? [];
}

/** Text of a child element; an empty element, or one marked i:nil="true", counts as absent. */
export function textOf(node: XNode | undefined, name: string): string | undefined {
  const c = child(node, name);
  if (!c || c.attrs['nil'] === 'true' || c.text === '') return undefined;
  return c.text;
}

/** Depth-first search for the first element with this local name. */
export function find(node: XNode, name: string): XNode | undefined {
  if (node.name === name) return node;
  for (const c of node.children) {
    const hit = find(c, name);
    if (hit) return hit;
  }
  return undefined;
}
