// Amount printing for the DGI formats: montoTipo06 (2–6 decimals), montoTipo01/02 (exactly 2), rounded half-up.
import { describe, expect, it } from 'vitest';
import { amount2, amount6, decimalText } from './rfe-writer';

describe('DGI amount formats', () => {
  it.each([
    ['5.938500', '5.9385'],
    ['4.25', '4.25'],
    ['4.5', '4.50'],
    ['7', '7.00'],
    ['0', '0.00'],
    ['1.0000005', '1.000001'],
    ['123456789.123456', '123456789.123456'],
  ])('amount6(%s) = %s', (value, expected) => {
    expect(amount6(value)).toBe(expected);
  });

  it.each([
    ['86.3884', '86.39'],
    ['0.385', '0.39'],
    ['0.3849', '0.38'],
    ['970', '970.00'],
    ['4.5', '4.50'],
  ])('amount2(%s) = %s', (value, expected) => {
    expect(amount2(value)).toBe(expected);
  });

  it('allows no decimals when the minimum is 0 (dVTotEst, weights)', () => {
    expect(decimalText('6', 0, 4)).toBe('6');
    expect(decimalText('6.123450', 0, 4)).toBe('6.1235');
  });

  it('passes through what is not a plain decimal, and absent values', () => {
    expect(amount6('1,50')).toBe('1,50');
    expect(amount2('-3.00')).toBe('-3.00');
    expect(amount2(undefined)).toBeUndefined();
  });
});
