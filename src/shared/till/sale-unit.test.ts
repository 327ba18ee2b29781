import { describe, expect, it } from 'vitest';
import { isWeighedUnit, quantityUnitMessage, quantityUnitProblem } from './sale-unit';

describe('sale units', () => {
  it('knows kg and lb as weighed, whatever the case; und, paq and no unit are counted', () => {
    expect([isWeighedUnit('kg'), isWeighedUnit(' LB '), isWeighedUnit('und'), isWeighedUnit('paq')]).toEqual([
      true,
      true,
      false,
      false,
    ]);
    expect(isWeighedUnit(null)).toBe(false);
  });

  it('lets a weighed item carry up to 3 decimals and refuses a 4th', () => {
    expect(quantityUnitProblem('0.375', 'kg')).toBeNull();
    expect(quantityUnitProblem('0.375000', 'lb')).toBeNull(); // the till's 6-decimal form of 0.375
    expect(quantityUnitProblem('2', 'kg')).toBeNull();
    expect(quantityUnitProblem('0.3755', 'kg')).toBe('tooManyDecimals');
  });

  it('refuses any fraction of a counted item', () => {
    expect(quantityUnitProblem('3.000000', 'und')).toBeNull();
    expect(quantityUnitProblem('1.5', 'und')).toBe('wholeUnitsOnly');
    expect(quantityUnitProblem('0.001', 'Caja')).toBe('wholeUnitsOnly');
  });

  it('says in Spanish what is wrong and with which product', () => {
    expect(quantityUnitMessage('wholeUnitsOnly', 'Aceite 1 L', '1.500000', 'und')).toBe(
      'Aceite 1 L se vende por unidades: la cantidad 1.5 debe ser un número entero',
    );
    expect(quantityUnitMessage('tooManyDecimals', 'Jamón', '0.3755', 'kg')).toBe(
      'Jamón se vende por peso (kg): la cantidad 0.3755 admite hasta 3 decimales',
    );
  });
});
