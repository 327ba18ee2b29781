import { describe, expect, it } from 'vitest';
import { quickCashAmounts, summarisePayment, tendersToPagos, type Tender } from './tenders';

const cash = (amount: string, key = 1): Tender => ({ key, forma: '02', amount });
const card = (amount: string, key = 2): Tender => ({ key, forma: '03', amount });

describe('payment with tenders', () => {
  it('gives change on cash', () => {
    expect(summarisePayment('15.55', [cash('20.00')])).toEqual({
      total: '15.55',
      paid: '20.00',
      remaining: '0.00',
      change: '4.45',
      problem: null,
    });
  });

  it('reports what is still owed when the tenders fall short', () => {
    expect(summarisePayment('15.55', [cash('5.00')])).toMatchObject({
      remaining: '10.55',
      change: '0.00',
      problem: 'short',
    });
    expect(summarisePayment('15.55', [])).toMatchObject({ remaining: '15.55', problem: 'short' });
  });

  it('splits between card and cash, and gives change only from cash', () => {
    expect(summarisePayment('15.55', [card('10.00'), cash('10.00')])).toMatchObject({ change: '4.45', problem: null });
    expect(summarisePayment('15.55', [card('20.00')])).toMatchObject({ change: '4.45', problem: 'changeWithoutCash' });
    expect(summarisePayment('15.55', [card('15.55')])).toMatchObject({ change: '0.00', problem: null });
  });

  it('offers the next bills above what is owed, each once', () => {
    expect(quickCashAmounts('15.55')).toEqual(['16.00', '20.00', '50.00', '100.00']);
    expect(quickCashAmounts('13.75')).toEqual(['14.00', '15.00', '20.00', '50.00', '100.00']);
    expect(quickCashAmounts('20.00')).toEqual(['21.00', '25.00', '30.00', '40.00', '50.00', '100.00']);
    expect(quickCashAmounts('120.10')).toEqual(['121.00', '125.00', '130.00', '140.00', '150.00', '200.00']);
    expect(quickCashAmounts('0.00')).toEqual([]);
  });

  it('maps tenders to HKA pagos in order', () => {
    expect(tendersToPagos([card('10.00'), cash('10.00', 3)])).toEqual([
      { formaPagoFact: '03', valorCuotaPagada: '10.00' },
      { formaPagoFact: '02', valorCuotaPagada: '10.00' },
    ]);
  });
});
