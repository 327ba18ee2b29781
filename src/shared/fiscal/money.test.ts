import { describe, expect, it } from 'vitest';
import { formatBalboas, integerDigits, integerDigitsOfAmount, money, round2, sum, toAmount2, toAmount6 } from './money';

describe('money', () => {
  it('adds decimals exactly where floats drift', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(sum([money('0.1'), money('0.2')]).toString()).toBe('0.3');
  });

  it('rounds half-up to 2 decimals, including negative-free HKA cases', () => {
    expect(toAmount2(money('86.3884'))).toBe('86.39');
    expect(toAmount2(money('0.3885'))).toBe('0.39');
    expect(toAmount2(money('5.9385'))).toBe('5.94');
    expect(toAmount2(money('0.005'))).toBe('0.01');
    expect(toAmount2(money('0.004999'))).toBe('0.00');
    expect(round2(money('2.675')).toFixed(2)).toBe('2.68'); // 2.675 as a float rounds to 2.67
  });

  it('prints item amounts with 2 to 6 decimals', () => {
    expect(toAmount6(money('7'))).toBe('7.00');
    expect(toAmount6(money('5.9385'))).toBe('5.9385');
    expect(toAmount6(money('1.1234565'))).toBe('1.123457');
    expect(toAmount6(money('0.10'))).toBe('0.10');
  });

  it('formats balboas for people', () => {
    expect(formatBalboas('1234.5')).toBe('B/. 1,234.50');
    expect(formatBalboas('0')).toBe('B/. 0.00');
    expect(formatBalboas('1000000')).toBe('B/. 1,000,000.00');
    expect(formatBalboas('-3.005')).toBe('-B/. 3.01');
  });

  it('counts the integer digits of an amount string as decimal.js does, from its text', () => {
    for (const amount of ['0.00', '0.5', '-0.50', '7', '999999999.99', '-1000000000.00', '0007.10', '1e12', '.5'])
      expect(integerDigitsOfAmount(amount)).toBe(integerDigits(money(amount)));
  });
});
