import { describe, expect, it } from 'vitest';
import { isExactKey, planF4, previewChange } from './payment-keys';
import type { Tender } from './tenders';

const cash = (amount: string, key = 1): Tender => ({ key, forma: '02', amount });

describe('payment keys never invent money', () => {
  it('F4 with 5 typed against 13.75 is refused, naming what is missing', () => {
    expect(planF4('13.75', [], { text: '5', typed: true }, '02', 9)).toEqual({
      kind: 'refuse',
      problem: 'short',
      remaining: '8.75',
    });
  });

  it('F4 after a partial tender of 5 ignores the suggested 8.75 the field shows', () => {
    expect(planF4('13.75', [cash('5.00')], { text: '8.75', typed: false }, '02', 9)).toEqual({
      kind: 'refuse',
      problem: 'short',
      remaining: '8.75',
    });
  });

  it('F4 right after opening the dialog does not take the suggested total as cash', () => {
    expect(planF4('13.75', [], { text: '13.75', typed: false }, '02', 9)).toMatchObject({
      kind: 'refuse',
      problem: 'short',
    });
  });

  it('F4 completes with what was typed when it covers the total', () => {
    expect(planF4('13.75', [cash('5.00')], { text: '10', typed: true }, '02', 9)).toEqual({
      kind: 'complete',
      tenders: [cash('5.00'), { key: 9, forma: '02', amount: '10.00' }],
    });
  });

  it('F4 refuses a card tender over the total and an unreadable amount', () => {
    expect(planF4('13.75', [], { text: '20', typed: true }, '03', 9)).toEqual({
      kind: 'refuse',
      problem: 'changeWithoutCash',
    });
    expect(planF4('13.75', [], { text: 'abc', typed: true }, '02', 9)).toEqual({
      kind: 'badAmount',
      problem: 'notANumber',
    });
  });

  it('previews the change of the typed amount', () => {
    expect(previewChange('13.75', [], { text: '20', typed: true }, '02')).toBe('6.25');
    expect(previewChange('13.75', [], { text: 'x', typed: true }, '02')).toBe('0.00');
  });

  it('knows the exact-amount key', () => {
    expect(isExactKey('+')).toBe(true);
    expect(isExactKey('Enter')).toBe(false);
  });
});
