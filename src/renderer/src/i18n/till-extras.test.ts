// The texts of issue 14's last pieces as a cashier reads them, through i18next with the app's catalogues.
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { en } from './en';
import { es } from './es';

const i18n = i18next.createInstance();
void i18n.init({
  resources: { 'es-PA': { translation: es }, en: { translation: en } },
  lng: 'es-PA',
  initAsync: false,
  interpolation: { escapeValue: false },
});

describe('issue 14 texts', () => {
  it('shows a capped document count as a floor, "1,000+", in both languages', () => {
    expect(i18n.getFixedT('es-PA')('documentsCountCapped', { count: 1000 })).toBe('1,000+ documentos');
    expect(i18n.getFixedT('en')('documentsCountCapped', { count: 1000 })).toBe('1,000+ documents');
  });

  it('titles a credit note with its invoice', () => {
    const vars = { number: '0000000043', invoice: '0000000042' };
    expect(i18n.getFixedT('es-PA')('receiptNote.credito', vars)).toBe(
      'NOTA DE CRÉDITO Nº 0000000043 a la factura Nº 0000000042',
    );
    expect(i18n.getFixedT('en')('receiptNote.credito', vars)).toBe(
      'CREDIT NOTE No. 0000000043 for invoice No. 0000000042',
    );
  });

  it('explains a quantity the unit does not take', () => {
    expect(
      i18n.getFixedT('es-PA')('saleUnits.wholeUnitsOnly', { name: 'Aceite 1 L', quantity: '1.5', unit: 'und' }),
    ).toBe('Aceite 1 L se vende por unidades: la cantidad 1.5 debe ser un número entero.');
  });
});
