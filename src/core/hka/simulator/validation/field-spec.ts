// How a group of HKA's `documento` is specified as data: one row per element, in wire order (a row's index in its
// table IS its position: HKA's WCF service reads members in that sequence, §1.8), with HKA's "Req" column and format.
import type { FieldFormat } from './field-formats';

/** HKA's "Req" column: SI required, NO optional, C conditional (the condition lives in a rule function). */
export type Req = 'SI' | 'NO' | 'C';

export interface LeafSpec {
  kind: 'leaf';
  name: string;
  req: Req;
  format: FieldFormat;
}

/** A nested object. Without `fields` its content is accepted as sent (optional groups the simulator does not check). */
export interface GroupSpec {
  kind: 'group';
  name: string;
  req: Req;
  fields?: readonly FieldSpec[];
}

/** A wrapper of repeated elements, e.g. listaItems/item. */
export interface ListSpec {
  kind: 'list';
  name: string;
  req: Req;
  /** Accepted names of the repeated element; the first is canonical (listaTotalOTI takes totalOti and totalOTI, §2.9). */
  itemNames: readonly [string, ...string[]];
  /** Name used in messages: "En la ocurrencia 2 de Item". */
  label: string;
  /** Occurrences allowed when the list is sent (DGI limits); fewer than `min` counts as absent. */
  min: number;
  max: number;
  fields: readonly FieldSpec[];
}

export type FieldSpec = LeafSpec | GroupSpec | ListSpec;

export function leaf(name: string, req: Req, format: FieldFormat): LeafSpec {
  return { kind: 'leaf', name, req, format };
}

export function group(name: string, req: Req, fields?: readonly FieldSpec[]): GroupSpec {
  return fields ? { kind: 'group', name, req, fields } : { kind: 'group', name, req };
}

const capitalised = (name: string): string => name.charAt(0).toUpperCase() + name.slice(1);

export function list(
  name: string,
  req: Req,
  item: { names: readonly [string, ...string[]]; min?: number; max: number; fields: readonly FieldSpec[] },
): ListSpec {
  return {
    kind: 'list',
    name,
    req,
    itemNames: item.names,
    label: capitalised(item.names[0]),
    min: item.min ?? 1,
    max: item.max,
    fields: item.fields,
  };
}
