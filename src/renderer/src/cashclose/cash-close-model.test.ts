import { describe, expect, it } from 'vitest';
import { cashDifference, differenceKind, parseCash, todayInPanama } from './cash-close-model';

describe('parseCash', () => {
  it('accepts zero and amounts with up to 2 decimals, written the usual ways', () => {
    expect(parseCash('0')).toEqual({ ok: true, value: '0.00' });
    expect(parseCash(' 1,234.5 ')).toEqual({ ok: true, value: '1234.50' });
    expect(parseCash('B/. 20')).toEqual({ ok: true, value: '20.00' });
    expect(parseCash('20,5')).toEqual({ ok: true, value: '20.50' });
  });
  it('refuses empty, negative, text and a third decimal', () => {
    expect(parseCash('  ')).toEqual({ ok: false, problem: 'cashEmpty' });
    expect(parseCash('-5')).toEqual({ ok: false, problem: 'cashInvalid' });
    expect(parseCash('veinte')).toEqual({ ok: false, problem: 'cashInvalid' });
    expect(parseCash('1.005')).toEqual({ ok: false, problem: 'cashInvalid' });
  });
});

describe('cashDifference', () => {
  it('is counted minus expected, exactly', () => {
    expect(cashDifference('100.10', '100.3')).toBe('0.20');
    expect(cashDifference('100.10', '98.85')).toBe('-1.25');
    expect(cashDifference('0.30', '0.3')).toBe('0.00');
    expect(cashDifference('-2.00', '0')).toBe('2.00');
  });
  it('is null while the count is not a valid amount', () => {
    expect(cashDifference('10.00', 'x')).toBeNull();
  });
  it('says whether cash is short, over or exact', () => {
    expect(differenceKind('-1.25')).toBe('short');
    expect(differenceKind('0.20')).toBe('over');
    expect(differenceKind('0.00')).toBe('exact');
  });
});

describe('todayInPanama', () => {
  it('is the Panamá date, five hours behind UTC', () => {
    expect(todayInPanama(new Date('2026-11-29T03:00:00Z'))).toBe('2026-11-28');
    expect(todayInPanama(new Date('2026-11-29T05:00:00Z'))).toBe('2026-11-29');
  });
});
