// The verbatim text of one element of a received message. Enviar keeps the `documento` exactly as the client sent
// it: its digest goes into the QR, and DescargaXML/PDF rebuild the document from it after a restart.
import { escapeXml } from '../xml/hka-element-xml';
import type { XNode } from '../xml/xnode';

/**
 * `<tem:documento …>…</tem:documento>` as written in `xml` (first element with that local name, whatever its
 * prefix), or undefined when absent. Assumes the element does not nest inside itself, true for HKA's `documento`.
 */
export function rawElementXml(xml: string, localName: string): string | undefined {
  const open = new RegExp(`<((?:[A-Za-z_][\\w.-]*:)?)${localName}(?=[\\s/>])[^>]*?(/?)>`).exec(xml);
  if (!open) return undefined;
  if (open[2] === '/') return open[0];
  const closeTag = `</${open[1] ?? ''}${localName}`;
  const end = xml.lastIndexOf(closeTag);
  if (end < open.index) return undefined;
  const closeEnd = xml.indexOf('>', end);
  return closeEnd < 0 ? undefined : xml.slice(open.index, closeEnd + 1);
}

/** Fallback serialisation of a parsed element (local names, no namespaces) when the raw text is not available. */
export function xnodeXml(node: XNode): string {
  const inner = node.children.length > 0 ? node.children.map(xnodeXml).join('') : escapeXml(node.text);
  return `<${node.name}>${inner}</${node.name}>`;
}
