// Test support: validate XML against the DGI 2020 schema (FE_v1.00.xsd + the xmldsig schema it imports) with
// libxml2 (xmllint-wasm).
//
// The published schema was written for .NET's regex engine and does not compile as XML Schema 1.0: three
// patterns use look-ahead (`(?=.*[1-9].*)`, "not all zeros") and several wrap patterns in `^…$`, which XSD treats
// as literal characters (XSD patterns are always anchored). schemaFor2020() rewrites exactly those constructs
// into XSD syntax with the same meaning and leaves everything else byte for byte; rfe-xsd.test.ts pins the list
// of rewrites and checks that the rewritten patterns still reject what the originals reject.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateXML, type XMLValidationResult } from 'xmllint-wasm';

export const XSD_DIR = join(import.meta.dirname, '../../../../../tests/fixtures/reference/hka-dgi/dgi-xsd');

/** `n` digits, not all zeros: `0{k}[1-9][0-9]{n-1-k}` for every position k of the first non-zero digit. */
function digitsNotAllZeros(n: number): string {
  return Array.from({ length: n }, (_, k) => `0{${k}}[1-9][0-9]{${n - 1 - k}}`).join('|');
}

const LOOKAHEAD_PATTERNS: Readonly<Record<string, string>> = {
  '^(?=.*[1-9].*)[0-9]{10}$': digitsNotAllZeros(10), // dNroDF
  '^^(?=.*[1-9].*)[0-9]{3}$': digitsNotAllZeros(3), // dPtoFacDF
  '(?=.*[1-9].*)[0-9]{9}': digitsNotAllZeros(9), // dSeg
};

export interface AdaptedSchema {
  xsd: string;
  /** Patterns rewritten, original → XSD form. */
  rewrites: { from: string; to: string }[];
}

export function readSchemaFile(name: string): string {
  return readFileSync(join(XSD_DIR, name), 'utf8');
}

/** FE_v1.00.xsd with its .NET-only regex syntax rewritten to XML Schema 1.0 (see the header). */
export function schemaFor2020(): AdaptedSchema {
  const rewrites: { from: string; to: string }[] = [];
  const xsd = readSchemaFile('FE_v1.00.xsd').replace(/<xs:pattern value="([^"]*)"/g, (whole, pattern: string) => {
    const to = LOOKAHEAD_PATTERNS[pattern] ?? pattern.replace(/^\^/, '').replace(/\$$/, '');
    if (to === pattern) return whole;
    rewrites.push({ from: pattern, to });
    return `<xs:pattern value="${to}"`;
  });
  return { xsd, rewrites };
}

let cached: { schema: string; dsig: string } | undefined;

function schemaFiles(): { schema: string; dsig: string } {
  cached ??= { schema: schemaFor2020().xsd, dsig: readSchemaFile('xmldsig-core-schema.xsd') };
  return cached;
}

/** Runs xmllint with the given main schema text; FE_v1.00.xsd imports only xmldsig-core-schema.xsd. */
export function validateWithSchema(xml: string | readonly string[], schema: string): Promise<XMLValidationResult> {
  const docs = typeof xml === 'string' ? [xml] : xml;
  return validateXML({
    xml: docs.map((contents, i) => ({ fileName: `rFE-${i}.xml`, contents })),
    schema: { fileName: 'FE_v1.00.xsd', contents: schema },
    preload: [{ fileName: 'xmldsig-core-schema.xsd', contents: schemaFiles().dsig }],
  });
}

/**
 * Validates several rFE documents in one xmllint run (one schema compilation: ~10x faster than one run each).
 * A document counts as valid only when xmllint says "<file> validates"; otherwise its messages are returned.
 */
export async function rfe2020ErrorsEach(xmls: readonly string[]): Promise<string[][]> {
  if (xmls.length === 0) return [];
  const result = await validateWithSchema(xmls, schemaFiles().schema);
  const validated = new Set(
    result.rawOutput
      .split('\n')
      .filter((l) => l.endsWith(' validates'))
      .map((l) => l.slice(0, -' validates'.length)),
  );
  return xmls.map((_, i) => {
    const file = `rFE-${i}.xml`;
    if (validated.has(file)) return [];
    const messages = result.errors
      .filter((e) => e.loc?.fileName === file || e.rawMessage === `${file} fails to validate`)
      .map((e) => e.message);
    return messages.length > 0 ? messages : [`${file} was not validated: ${result.rawOutput}`];
  });
}

/** Validates one rFE against the (adapted) 2020 schema; resolves with libxml2's messages, [] when valid. */
export async function rfe2020Errors(xml: string): Promise<string[]> {
  const [errors = ['no result']] = await rfe2020ErrorsEach([xml]);
  return errors;
}
