// Reads an element the way HKA's WCF DataContractSerializer does (REFERENCE.md §1.8) and checks it against its table:
// members are read in sequence, so an element that arrives after one that should follow it is skipped (its value is
// lost and a required field then "es requerido"); unknown elements and repeats are ignored silently; empty and
// i:nil elements count as absent. The result is a "view": the same tree holding only what HKA would have read, which
// the rule functions then inspect with the ordinary xnode helpers.
import type { XNode } from '../../xml/xnode';
import { conforms } from './field-formats';
import type { FieldSpec, ListSpec } from './field-spec';
import { inOccurrence, invalido, requerido, type Location } from './messages';

export interface TableReading {
  view: XNode;
  messages: string[];
}

const isNil = (node: XNode): boolean => node.attrs['nil'] === 'true';

/** The children HKA reads: those whose table position is after the last one read. */
function readInSequence(node: XNode, fields: readonly FieldSpec[]): XNode[] {
  const read: XNode[] = [];
  let last = -1;
  for (const child of node.children) {
    const position = fields.findIndex((f) => f.name === child.name);
    if (position > last) {
      read.push(child);
      last = position;
    }
  }
  return read;
}

function readList(node: XNode, spec: ListSpec, at: Location): TableReading {
  const items = node.children.filter((c) => spec.itemNames.includes(c.name));
  const messages: string[] = [];
  // An empty optional list is as good as absent; conditional lists are then required by their rule function.
  if (items.length < spec.min && spec.req === 'SI') messages.push(requerido(at, spec.name));
  if (items.length > spec.max) messages.push(invalido(at, spec.name, `máximo ${spec.max} ocurrencias`));
  const views = items.map((item, i) => {
    const reading = readTable(item, spec.fields, inOccurrence(at, spec.label, i + 1));
    messages.push(...reading.messages);
    return { ...reading.view, name: spec.itemNames[0] };
  });
  return { view: { ...node, text: '', children: views }, messages };
}

/** Reads `node` against `fields`: required fields, formats, and the same for nested groups and lists. */
export function readTable(node: XNode, fields: readonly FieldSpec[], at: Location): TableReading {
  const read = readInSequence(node, fields);
  const messages: string[] = [];
  const view: XNode[] = [];
  for (const spec of fields) {
    const found = read.find((c) => c.name === spec.name);
    const present = found !== undefined && !isNil(found) && (spec.kind !== 'leaf' || found.text !== '');
    if (!present) {
      if (spec.req === 'SI') messages.push(requerido(at, spec.name));
      continue;
    }
    if (spec.kind === 'leaf') {
      if (!conforms(found.text, spec.format)) messages.push(invalido(at, spec.name));
      view.push(found);
    } else if (spec.kind === 'group') {
      if (!spec.fields) {
        view.push(found);
        continue;
      }
      const nested = readTable(found, spec.fields, at);
      messages.push(...nested.messages);
      view.push(nested.view);
    } else {
      const nested = readList(found, spec, at);
      messages.push(...nested.messages);
      view.push(nested.view);
    }
  }
  return { view: { ...node, children: view }, messages };
}
