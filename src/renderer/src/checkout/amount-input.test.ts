import { describe, expect, it } from 'vitest';
import { parsePrice, parseQuantity, parseTender, parseUnitDiscount } from './amount-input';

describe('cashier amount input', () => {
  it('accepts a comma or a dot as the decimal separator and normalises', () => {
    expect(parseQuantity('1,5')).toEqual({ ok: true, value: '1.50' });
    expect(parseQuantity(' 2 ')).toEqual({ ok: true, value: '2.00' });
    expect(parsePrice('B/. 1,234.5')).toEqual({ ok: true, value: '1234.50' });
    expect(parsePrice('.75')).toEqual({ ok: true, value: '0.75' });
    expect(parseTender('20')).toEqual({ ok: true, value: '20.00' });
  });

  it('refuses text, zero quantities and too many decimals', () => {
    expect(parseQuantity('abc')).toEqual({ ok: false, problem: 'notANumber' });
    expect(parseQuantity('-1')).toEqual({ ok: false, problem: 'notANumber' });
    expect(parseQuantity('0')).toEqual({ ok: false, problem: 'mustBePositive' });
    expect(parseTender('0.00')).toEqual({ ok: false, problem: 'mustBePositive' });
    expect(parseTender('1.005')).toEqual({ ok: false, problem: 'tooManyDecimals' });
    expect(parsePrice('1.1234567')).toEqual({ ok: false, problem: 'tooManyDecimals' });
  });

  it('turns a percentage discount into money per unit and keeps it below the price', () => {
    expect(parseUnitDiscount('10%', '4.25')).toEqual({ ok: true, value: '0.425' });
    expect(parseUnitDiscount('0.50', '4.25')).toEqual({ ok: true, value: '0.50' });
    expect(parseUnitDiscount('', '4.25')).toEqual({ ok: true, value: '0' });
    expect(parseUnitDiscount('100%', '4.25')).toEqual({ ok: false, problem: 'discountNotBelowPrice' });
    expect(parseUnitDiscount('5', '4.25')).toEqual({ ok: false, problem: 'discountNotBelowPrice' });
  });
});
