import { describe, expect, it } from 'vitest';
import { money, round2, toAmount2 } from './money';
import { microsToAmount2, optionalMicros, parseMicros, roundToCents, roundedProduct } from './money-micros';

describe('fixed-point micros', () => {
  it('reads only canonical amounts, leaving everything else to decimal.js', () => {
    expect(parseMicros('12')).toBe(12_000_000n);
    expect(parseMicros('0.125')).toBe(125_000n);
    expect(parseMicros('99999999999.999999')).toBe(99_999_999_999_999_999n);
    for (const other of [12, '1e3', '-1', '+1', '.5', '1.', '1.1234567', '', ' 1', '0x10', undefined, null])
      expect(parseMicros(other)).toBeUndefined();
    expect(optionalMicros(undefined)).toBe(0n);
    expect(optionalMicros(null)).toBe(0n);
    expect(optionalMicros('abc')).toBeUndefined();
  });

  it('rounds half-up with ties away from zero, as decimal.js ROUND_HALF_UP', () => {
    for (const value of ['0.005', '0.004999', '1.125', '2.675', '0.015', '7.994999', '7.995']) {
      const micros = parseMicros(value) ?? 0n;
      expect(microsToAmount2(roundToCents(micros))).toBe(toAmount2(round2(money(value))));
      expect(microsToAmount2(-micros)).toBe(toAmount2(money(value).neg()));
    }
    expect(microsToAmount2(-parseMicros('0.004')!)).toBe('0.00'); // no "-0.00", as decimal.js prints it
  });

  it('rounds a product of two 6-decimal amounts once, exactly', () => {
    const cases: [string, string][] = [
      ['1.005', '1'],
      ['0.333', '2.985'],
      ['99999999999.999999', '99999999999.999999'],
      ['0.000001', '0.005'],
    ];
    for (const [a, b] of cases) {
      const product = roundedProduct(parseMicros(a) ?? 0n, parseMicros(b) ?? 0n);
      expect(microsToAmount2(product)).toBe(toAmount2(money(a).times(b)));
    }
  });
});
