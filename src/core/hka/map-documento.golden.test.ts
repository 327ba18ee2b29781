// Golden test: for each HKA-published document sample, our equivalent document maps to the same elements, in
// the same order, with the same values (amounts compared as exact decimals: samples write 1.00 or 1.000000). Where a
// sample keeps an item value unrounded (0.3885), ours is that value rounded half-up to 2 decimals (decision 0008), and
// the sample's totals, which HKA built from the unrounded values, are still exactly ours.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { fiscalDocumentSchema } from '../../shared/fiscal/document';
import { money, round2 } from '../../shared/fiscal/money';
import { computeTotals } from '../../shared/fiscal/totals';
import { validateDocument } from '../../shared/fiscal/validate';
import { flattenElement, type HkaLeaf } from './documento-types';
import { SAMPLE_CASES } from './hka-samples.fixture';
import { toHkaDocumento } from './map-documento';

const SAMPLES_DIR = join(import.meta.dirname, '../../../tests/fixtures/reference/hka-dgi/hka-document-samples');

const AMOUNT_FIELDS = new Set([
  'cantidad',
  'precioUnitario',
  'precioUnitarioDescuento',
  'precioItem',
  'precioAcarreo',
  'precioSeguro',
  'valorTotal',
  'valorITBMS',
  'valorISC',
  'tasaISC',
  'valorTasa',
  'totalPrecioNeto',
  'totalITBMS',
  'totalISC',
  'totalMontoGravado',
  'totalDescuento',
  'totalAcarreoCobrado',
  'valorSeguroCobrado',
  'totalFactura',
  'totalValorRecibido',
  'vuelto',
  'totalTodosItems',
  'montoDescuento',
  'valorCuotaPagada',
  'valorCuota',
  'montoRetencion',
  'valorTotalOTI',
]);

type OrderedNode = Record<string, unknown>;
const localName = (tag: string) => tag.slice(tag.indexOf(':') + 1);

/** Leaves of the sample's <tem:documento>, in document order, with local names. */
function sampleLeaves(file: string): HkaLeaf[] {
  const parser = new XMLParser({ preserveOrder: true, parseTagValue: false, trimValues: true, ignoreAttributes: true });
  const tree = parser.parse(readFileSync(join(SAMPLES_DIR, file), 'utf8')) as OrderedNode[];
  const find = (nodes: OrderedNode[]): OrderedNode[] | undefined => {
    for (const node of nodes) {
      const tag = Object.keys(node).find((k) => k !== ':@' && k !== '#text');
      if (!tag) continue;
      if (localName(tag) === 'documento') return node[tag] as OrderedNode[];
      const inner = find(node[tag] as OrderedNode[]);
      if (inner) return inner;
    }
    return undefined;
  };
  const walk = (nodes: OrderedNode[], prefix: string): HkaLeaf[] =>
    nodes.flatMap((node) => {
      const tag = Object.keys(node).find((k) => k !== ':@');
      if (!tag || tag === '#text' || tag === '#comment') return [];
      const children = node[tag] as OrderedNode[];
      const path = prefix ? `${prefix}/${localName(tag)}` : localName(tag);
      const texts = children.filter((c) => '#text' in c);
      const elements = children.filter((c) => !('#text' in c));
      if (elements.length > 0) return walk(children, path);
      return [{ path, value: texts.map((t) => String(t['#text'])).join('') }];
    });
  const documento = find(tree);
  if (!documento) throw new Error(`No <documento> in ${file}`);
  return walk(documento, '');
}

function sameValue(path: string, expected: string, actual: string, unrounded: Record<string, string>): boolean {
  const field = path.slice(path.lastIndexOf('/') + 1);
  if (path in unrounded) return !money(expected).eq(money(actual)) && round2(money(expected)).eq(money(actual));
  if (AMOUNT_FIELDS.has(field)) return money(expected).eq(money(actual));
  if (field === 'numeroDocumentoFiscal') return Number(expected) === Number(actual);
  return expected === actual;
}

describe.each(SAMPLE_CASES)('HKA sample $file', ({ file, document, omitted, breaks, unrounded = {} }) => {
  const parsed = fiscalDocumentSchema.parse(document);
  const ours = flattenElement(toHkaDocumento(parsed, computeTotals(parsed)));

  it('maps to the same elements, in the same order, with the same values', () => {
    const expected = sampleLeaves(file).filter((leaf) => !(leaf.path in omitted));
    expect(ours.map((l) => l.path)).toEqual(expected.map((l) => l.path));
    const mismatches = expected.flatMap((leaf, i) =>
      sameValue(leaf.path, leaf.value, ours[i]?.value ?? '', unrounded)
        ? []
        : [`${leaf.path}: sample ${leaf.value}, ours ${ours[i]?.value}`],
    );
    expect(mismatches).toEqual([]);
  });

  it('differs from the sample only where the sample keeps an item value unrounded, each listed with its reason', () => {
    const expected = sampleLeaves(file).filter((leaf) => !(leaf.path in omitted));
    const differing = expected.filter(
      (leaf, i) =>
        AMOUNT_FIELDS.has(leaf.path.slice(leaf.path.lastIndexOf('/') + 1)) &&
        !money(leaf.value).eq(money(ours[i]?.value ?? '0')),
    );
    expect([...new Set(differing.map((l) => l.path))].sort()).toEqual(Object.keys(unrounded).sort());
  });

  it('omits only the elements listed, each for a stated reason', () => {
    const sampleOnly = sampleLeaves(file)
      .filter((leaf) => leaf.path in omitted)
      .map((l) => l.path);
    expect(sampleOnly.sort()).toEqual(Object.keys(omitted).sort());
  });

  it('is valid, or breaks exactly the HKA rules the sample itself breaks', () => {
    const result = validateDocument(document);
    const rules = result.ok ? [] : result.violations.map((v) => v.rule);
    expect(rules.sort()).toEqual(Object.keys(breaks).sort());
  });
});
