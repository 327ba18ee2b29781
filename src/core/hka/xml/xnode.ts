// A small ordered XML tree with local names, for reading SOAP messages whatever namespace prefixes the sender
// used (REFERENCE.md §1.3: real clients send several variants). Order is kept: HKA's WCF service cares.
//
// Parsing is strict XML 1.0 with namespaces (saxes), as a WCF service reads a request: characters XML 1.0 does not
// allow (NUL, ESC and the other C0 controls except tab/LF/CR, U+FFFE/U+FFFF, lone surrogates) raw or as character
// references, undefined entities, undeclared prefixes and DTDs are all refused. A lenient parser here would let the
// simulator accept what HKA's real service cannot even read.
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { hasLoneSurrogate } from '../../../shared/fiscal/xml-text';

export interface XNode {
  /** Local name, without prefix. */
  name: string;
  /** Namespace URI of the element ('' when it has none). */
  ns: string;
  /** Attributes by local name (e.g. `nil` for `i:nil`). */
  attrs: Record<string, string>;
  /** Direct text content (CDATA included), trimmed. */
  text: string;
  children: XNode[];
}

export class XmlParseError extends Error {
  override readonly name = 'XmlParseError';
}

interface Building {
  node: XNode;
  rawText: string[];
}

function attributesOf(tag: SaxesTagNS): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const attr of Object.values(tag.attributes)) {
    if (attr.prefix === 'xmlns' || attr.name === 'xmlns') continue;
    attrs[attr.local] = attr.value;
  }
  return attrs;
}

export interface ParseOptions {
  /**
   * false for an element cut out of a larger message (the simulator keeps `documento` as it was received): its
   * prefixes were declared on the envelope, so names are split at ':' and `ns` is ''. Characters are still checked.
   */
  namespaces?: boolean;
}

const localName = (qualified: string): string => qualified.slice(qualified.indexOf(':') + 1);

function plainAttributesOf(attributes: Record<string, string>): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const [name, value] of Object.entries(attributes)) {
    if (name === 'xmlns' || name.startsWith('xmlns:')) continue;
    attrs[localName(name)] = value;
  }
  return attrs;
}

/** Parses a whole document and returns its root element; throws XmlParseError on anything not well-formed. */
export function parseXml(xml: string, options: ParseOptions = {}): XNode {
  const namespaces = options.namespaces ?? true;
  // saxes does not look at surrogates; a lone one cannot even be encoded on the wire (Node sends U+FFFD for it).
  if (hasLoneSurrogate(xml)) throw new XmlParseError('Malformed XML: lone UTF-16 surrogate');
  const parser = new SaxesParser({
    xmlns: namespaces,
    position: true,
    forceXMLVersion: true,
    defaultXMLVersion: '1.0',
  });
  const stack: Building[] = [];
  let root: XNode | undefined;
  let failure: string | undefined;

  parser.on('error', (error) => {
    failure ??= error.message;
  });
  parser.on('doctype', () => {
    // WCF prohibits DTDs in messages (XmlDictionaryReader); they are also how entity-expansion attacks arrive.
    failure ??= `DTD is prohibited in this message (line ${parser.line})`;
  });
  parser.on('opentag', (tag) => {
    const node: XNode = namespaces
      ? {
          name: tag.local ?? tag.name,
          ns: tag.uri ?? '',
          attrs: attributesOf(tag as SaxesTagNS),
          text: '',
          children: [],
        }
      : {
          name: localName(tag.name),
          ns: '',
          attrs: plainAttributesOf(tag.attributes as Record<string, string>),
          text: '',
          children: [],
        };
    stack.at(-1)?.node.children.push(node);
    stack.push({ node, rawText: [] });
  });
  parser.on('text', (text) => stack.at(-1)?.rawText.push(text));
  parser.on('cdata', (text) => stack.at(-1)?.rawText.push(text));
  parser.on('closetag', () => {
    const done = stack.pop();
    if (!done) return;
    done.node.text = done.rawText.join('').trim();
    if (stack.length === 0) root = done.node;
  });

  try {
    parser.write(xml).close();
  } catch (error) {
    // saxes' default is to throw; our handler records instead, but a writer error may still surface here.
    failure ??= error instanceof Error ? error.message : String(error);
  }
  if (failure !== undefined) throw new XmlParseError(`Malformed XML: ${failure}`);
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
