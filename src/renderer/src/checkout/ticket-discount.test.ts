import { describe, expect, it } from 'vitest';
import { ticketDiscountAmount, ticketDiscountLabel, ticketDiscountProblem } from '../../../shared/till/ticket-discount';
import { parseTicketDiscount, ticketDiscountText } from './ticket-discount';

describe('the discount on the whole sale', () => {
  it('reads an amount or a percentage; empty removes it', () => {
    expect(parseTicketDiscount('5')).toEqual({ ok: true, discount: { kind: 'amount', value: '5.00' } });
    expect(parseTicketDiscount('B/. 1,5')).toEqual({ ok: true, discount: { kind: 'amount', value: '1.50' } });
    expect(parseTicketDiscount('10%')).toEqual({ ok: true, discount: { kind: 'percent', value: '10' } });
    expect(parseTicketDiscount(' 12.5 %')).toEqual({ ok: true, discount: { kind: 'percent', value: '12.5' } });
    expect(parseTicketDiscount('  ')).toEqual({ ok: true, discount: null });
  });

  it('refuses what is not a discount, with the reason', () => {
    expect(parseTicketDiscount('abc')).toEqual({ ok: false, problem: 'notANumber' });
    expect(parseTicketDiscount('-5')).toEqual({ ok: false, problem: 'notANumber' });
    expect(parseTicketDiscount('0')).toEqual({ ok: false, problem: 'mustBePositive' });
    expect(parseTicketDiscount('0.125')).toEqual({ ok: false, problem: 'tooManyDecimals' });
    expect(parseTicketDiscount('100%')).toEqual({ ok: false, problem: 'percentTooHigh' });
  });

  it('takes a percentage of the items total to the cent, half-up, and must leave something to pay', () => {
    expect(ticketDiscountAmount({ kind: 'percent', value: '10' }, '16.65')).toBe('1.67'); // 1.665 → 1.67
    expect(ticketDiscountAmount({ kind: 'percent', value: '12.5' }, '7.00')).toBe('0.88'); // 0.875 → 0.88
    expect(ticketDiscountAmount({ kind: 'amount', value: '2.00' }, '16.65')).toBe('2.00');
    expect(ticketDiscountProblem({ kind: 'amount', value: '2.00' }, '16.65')).toBeNull();
    expect(ticketDiscountProblem({ kind: 'amount', value: '16.65' }, '16.65')).toBe('discountNotBelowTotal');
    expect(ticketDiscountProblem({ kind: 'percent', value: '0.01' }, '0.10')).toBe('mustBePositive'); // 0.00001 → 0.00
  });

  it('names itself for HKA and reads back into the field', () => {
    expect(ticketDiscountLabel({ kind: 'percent', value: '10' })).toBe('Descuento 10 %');
    expect(ticketDiscountLabel({ kind: 'amount', value: '2.00' })).toBe('Descuento a la venta');
    expect(ticketDiscountText({ kind: 'percent', value: '10' })).toBe('10%');
    expect(ticketDiscountText(null)).toBe('');
  });
});
