import { describe, expect, it } from 'vitest';
import { ean13CheckDigit, quantityForAmount, readEmbeddedBarcode } from './embedded-barcode';

const label = (first12: string) => `${first12}${ean13CheckDigit(first12)}`;

describe('price- and weight-embedded EAN-13 labels', () => {
  it('computes the EAN-13 check digit', () => {
    expect(ean13CheckDigit('745100000137')).toBe(6); // the demo catalogue's arroz: 7451000001376
  });

  it('reads the default layout: 2x prefix + PLU(5) + price in cents(5) + check digit', () => {
    expect(readEmbeddedBarcode(label('200012304567'))).toEqual({ kind: 'price', plu: '00123', amount: '45.67' });
    expect(readEmbeddedBarcode(label('290042000350'))).toEqual({ kind: 'price', plu: '00420', amount: '3.50' });
  });

  it('reads a weight layout in thousandths', () => {
    expect(readEmbeddedBarcode(label('210004201250'), { pluDigits: 5, valueDigits: 5, value: 'weight' })).toEqual({
      kind: 'weight',
      plu: '00042',
      quantity: '1.250',
    });
  });

  it('is not a label: other prefixes, a bad check digit, a zero value, a layout that does not fit', () => {
    expect(readEmbeddedBarcode('7451000001376')).toBeNull();
    expect(readEmbeddedBarcode(`200123004567${(ean13CheckDigit('200123004567') + 1) % 10}`)).toBeNull();
    expect(readEmbeddedBarcode(label('200012300000'))).toBeNull();
    expect(readEmbeddedBarcode(label('200012304567'), { pluDigits: 6, valueDigits: 6, value: 'price' })).toBeNull();
    expect(readEmbeddedBarcode('P001')).toBeNull();
  });

  it('turns a label amount into a quantity to 3 decimals', () => {
    expect(quantityForAmount('3.50', '7.00')).toBe('0.500');
    expect(quantityForAmount('4.00', '3.00')).toBe('1.333');
    expect(quantityForAmount('1.00', '0')).toBeNull();
  });
});
