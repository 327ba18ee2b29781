// HKA's `documento` (DocumentoElectronico) as an ordered tree of strings. Key insertion order IS the element
// order on the wire: HKA's WCF service skips elements that arrive out of order (REFERENCE.md §1.8).

/** An element's content: text, a nested element, or a repeated element (list items). */
export type HkaValue = string | HkaElement | HkaElement[];
export interface HkaElement {
  [name: string]: HkaValue;
}

/** Builds an element keeping the given order and dropping absent (undefined) optional children. */
export function element(entries: readonly (readonly [string, HkaValue | undefined])[]): HkaElement {
  const out: HkaElement = {};
  for (const [name, value] of entries) {
    if (value !== undefined) out[name] = value;
  }
  return out;
}

/** A leaf in document order: "datosTransaccion/cliente/pais" = "PA". Used by tests and logs. */
export interface HkaLeaf {
  path: string;
  value: string;
}

export function flattenElement(node: HkaElement, prefix = ''): HkaLeaf[] {
  return Object.entries(node).flatMap(([name, value]) => {
    const path = prefix ? `${prefix}/${name}` : name;
    if (typeof value === 'string') return [{ path, value }];
    if (Array.isArray(value)) return value.flatMap((child) => flattenElement(child, path));
    return flattenElement(value, path);
  });
}
