import { describe, expect, it } from 'vitest';
import { checkReceiptForm, receiptToForm, toLines } from './receipt-form';

const SETTINGS = {
  printerName: null,
  paper: '80' as const,
  headerLines: ['MINI SUPER EL AHORRO', 'Vía España'],
  footerLines: ['Gracias por su compra'],
  copies: 1,
};

describe('receipt form', () => {
  it('round-trips the saved settings through the form', () => {
    expect(checkReceiptForm(receiptToForm(SETTINGS))).toEqual({ ok: true, settings: SETTINGS });
  });

  it('drops trailing blank lines but keeps blank lines between text', () => {
    expect(toLines('A\r\n\nB\n\n')).toEqual(['A', '', 'B']);
  });

  it('refuses a line longer than the paper, more than 6 lines and copies out of 1–3, in Spanish', () => {
    const form = {
      ...receiptToForm(SETTINGS),
      header: `ok\n${'x'.repeat(43)}`,
      footer: '1\n2\n3\n4\n5\n6\n7',
      copies: '4',
    };
    expect(checkReceiptForm(form)).toEqual({
      ok: false,
      problems: {
        header: 'Línea 2: Cada línea admite hasta 42 caracteres',
        footer: 'Admite hasta 6 líneas',
        copies: 'Las copias van de 1 a 3',
      },
    });
    expect(checkReceiptForm({ ...receiptToForm(SETTINGS), copies: 'dos' })).toMatchObject({
      ok: false,
      problems: { copies: 'Las copias van de 1 a 3' },
    });
  });
});
