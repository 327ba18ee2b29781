// The schema the rFE tests validate against: why the published FE_v1.00.xsd is adapted, exactly what changes, and
// that the adapted patterns still reject what the originals were written to reject.
import { describe, expect, it } from 'vitest';
import { aSale } from '../../../../../tests/fixtures/fiscal-documents';
import { authorizeDocument } from './dgi-documents.fixture';
import { buildRfeXml } from './rfe-xml';
import { readSchemaFile, rfe2020Errors, schemaFor2020, validateWithSchema } from './rfe-xsd.fixture';

const validXml = buildRfeXml(authorizeDocument(aSale({ pagos: [{ formaPagoFact: '02', valorCuotaPagada: '10.00' }] })));

function replaceOnce(xml: string, from: string, to: string): string {
  expect(xml).toContain(from);
  return xml.replace(from, to);
}

describe('DGI 2020 schema as used by the tests', () => {
  it('does not compile as published: its look-ahead patterns are .NET regex, not XML Schema', async () => {
    await expect(validateWithSchema(validXml, readSchemaFile('FE_v1.00.xsd'))).rejects.toThrow(
      /not a valid regular expression/,
    );
  });

  it('rewrites only the .NET-only pattern syntax: 3 look-aheads and 4 ^…$ anchors', () => {
    expect(schemaFor2020().rewrites.map((r) => r.from)).toEqual([
      '^(?=.*[1-9].*)[0-9]{10}$',
      '^^(?=.*[1-9].*)[0-9]{3}$',
      '(?=.*[1-9].*)[0-9]{9}',
      '^([-+]?)([\\d]{1,2})(((\\.)[\\d]{4,6}(,)))(-([\\d]{2})(\\.)[\\d]{4,6})$',
      '^[0-9]{1,11}([,.][0-9]{0,6})?',
      '^[0-9]{1,9}([.][0-9]{0,6})?',
      '^[0-9]{1,9}[.][0-9]{2,6}',
    ]);
    const { xsd } = schemaFor2020();
    expect(xsd.length).toBeGreaterThan(400_000);
    expect(xsd).not.toContain('(?=');
  });

  it('accepts a document built by buildRfeXml', async () => {
    expect(await rfe2020Errors(validXml)).toEqual([]);
  });

  it.each([
    ['dNroDF all zeros', '<dNroDF>0000000001</dNroDF>', '<dNroDF>0000000000</dNroDF>', 'dNroDF'],
    ['dNroDF of 9 digits', '<dNroDF>0000000001</dNroDF>', '<dNroDF>000000001</dNroDF>', 'dNroDF'],
    ['dPtoFacDF 000', '<dPtoFacDF>001</dPtoFacDF>', '<dPtoFacDF>000</dPtoFacDF>', 'dPtoFacDF'],
    ['dSeg all zeros', '<dSeg>123456789</dSeg>', '<dSeg>000000000</dSeg>', 'dSeg'],
    ['a montoTipo06 amount with one decimal', '<dPrUnit>4.25</dPrUnit>', '<dPrUnit>4.2</dPrUnit>', 'dPrUnit'],
    ['a montoTipo06 amount without decimals', '<dPrUnit>4.25</dPrUnit>', '<dPrUnit>4</dPrUnit>', 'dPrUnit'],
    ['a montoTipo01 total with 3 decimals', '<dVTot>4.55</dVTot>', '<dVTot>4.550</dVTot>', 'dVTot'],
    [
      'coordinates without the longitude sign',
      '<dCoordEm>+8.9892,-79.5201</dCoordEm>',
      '<dCoordEm>+8.9892,79.5201</dCoordEm>',
      'dCoordEm',
    ],
    [
      'a quantity with 7 decimals',
      '<dCantCodInt>1.00</dCantCodInt>',
      '<dCantCodInt>1.0000001</dCantCodInt>',
      'dCantCodInt',
    ],
    ['elements out of order', '<iTipoOp>1</iTipoOp><iDest>1</iDest>', '<iDest>1</iDest><iTipoOp>1</iTipoOp>', 'iDest'],
  ])('still rejects %s', async (_, from, to, element) => {
    const errors = await rfe2020Errors(replaceOnce(validXml, from, to));
    expect(errors.join('\n')).toContain(element);
  });
});
