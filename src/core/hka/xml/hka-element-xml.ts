// Serialises an ordered HkaElement (our `documento`) to XML text, e.g. to post a raw SOAP request or to feed the
// simulator's parsers in tests. Element order is the object's key order.
import type { HkaElement, HkaValue } from '../documento-types';

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function valueXml(name: string, value: HkaValue, prefix: string): string {
  const tag = prefix ? `${prefix}:${name}` : name;
  if (typeof value === 'string') return `<${tag}>${escapeXml(value)}</${tag}>`;
  if (Array.isArray(value)) return value.map((item) => valueXml(name, item, prefix)).join('');
  return `<${tag}>${elementChildrenXml(value, prefix)}</${tag}>`;
}

/** The children of an element, in order: `<p:a>1</p:a><p:b>…</p:b>`. */
export function elementChildrenXml(element: HkaElement, prefix = ''): string {
  return Object.entries(element)
    .map(([name, value]) => valueXml(name, value, prefix))
    .join('');
}

/** A whole element: `<tag xmlns:p="ns"><p:child>…</p:child></tag>`. */
export function elementXml(
  tag: string,
  element: HkaElement,
  options: { prefix?: string; namespace?: string } = {},
): string {
  const prefix = options.prefix ?? '';
  const xmlns = options.namespace ? ` xmlns${prefix ? `:${prefix}` : ''}="${escapeXml(options.namespace)}"` : '';
  return `<${tag}${xmlns}>${elementChildrenXml(element, prefix)}</${tag}>`;
}
