// The catalogues copied into rfe-2020-catalogues.ts are exactly the enumerations of FE_v1.00.xsd.
import { describe, expect, it } from 'vitest';
import {
  CPBS_2020,
  CPBS_ABREVIADO_2020,
  INCOTERMS_2020,
  MONEDAS_2020,
  PAISES_2020,
  UBICACIONES_2020,
  UNIDADES_MEDIDA_2020,
} from './rfe-2020-catalogues';
import { readSchemaFile } from './rfe-xsd.fixture';

/** The distinct enumeration values of a named simpleType, ignoring the schema's commented-out blocks. */
function enumeration(typeName: string): Set<string> {
  const xsd = readSchemaFile('FE_v1.00.xsd').replace(/<!--[\s\S]*?-->/g, '');
  const body = new RegExp(`<xs:simpleType name="${typeName}">([\\s\\S]*?)</xs:simpleType>`).exec(xsd)?.[1] ?? '';
  return new Set([...body.matchAll(/<xs:enumeration value="([^"]*)"/g)].map((m) => m[1] ?? ''));
}

describe('2020 catalogues', () => {
  it.each([
    ['unidadesMedida', UNIDADES_MEDIDA_2020, 165],
    ['catBienes', CPBS_ABREVIADO_2020, 56],
    ['descBienes', CPBS_2020, 421],
    ['ubicaciones', UBICACIONES_2020, 641],
    ['paisType', PAISES_2020, 247],
    ['monedasType', MONEDAS_2020, 157],
    ['incotermsType', INCOTERMS_2020, 11],
  ] as const)('%s matches the XSD', (typeName, copied, size) => {
    expect(copied.size).toBe(size);
    expect([...copied].sort()).toEqual([...enumeration(typeName)].sort());
  });
});
