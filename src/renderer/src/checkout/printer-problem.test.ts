import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en';
import { es } from '../i18n/es';
import { printSubject, printerProblemText } from './printer-problem';

const i18n = i18next.createInstance();
void i18n.init({
  resources: { 'es-PA': { translation: es }, en: { translation: en } },
  lng: 'es-PA',
  initAsync: false,
  interpolation: { escapeValue: false },
});
const refusal = (rule: string) => ({
  code: 'internal' as const,
  message: 'Sin papel en la impresora térmica (192.168.1.50:9100): …',
  violations: [{ path: 'printer', message: '…', rule }],
});

describe("the printer's problem, in the cashier's language", () => {
  it('says out of paper, cover open or offline in Spanish and in English', () => {
    const es = i18n.getFixedT('es-PA');
    const en = i18n.getFixedT('en');
    expect(printerProblemText(refusal('printer.paperOut'), es)).toMatch(/^Sin papel: /);
    expect(printerProblemText(refusal('printer.coverOpen'), es)).toMatch(/^Tapa abierta: /);
    expect(printerProblemText(refusal('printer.offline'), es)).toMatch(/^Impresora fuera de línea: /);
    expect(printerProblemText(refusal('printer.paperOut'), en)).toMatch(/^Out of paper: /);
    expect(printerProblemText(refusal('printer.coverOpen'), en)).toMatch(/^Cover open: /);
    expect(printerProblemText(refusal('printer.offline'), en)).toMatch(/^Printer offline: /);
  });

  it("says what is saved: the sale, a return's credit note, or another document", () => {
    const es = i18n.getFixedT('es-PA');
    const en = i18n.getFixedT('en');
    expect(printerProblemText(refusal('printer.paperOut'), es, 'sale')).toBe(
      'Sin papel: cargue un rollo nuevo y reimprima el recibo (la venta está guardada).',
    );
    expect(printerProblemText(refusal('printer.paperOut'), es, 'creditNote')).toBe(
      'Sin papel: cargue un rollo nuevo y reimprima el recibo (la nota de crédito está guardada).',
    );
    for (const rule of ['printer.paperOut', 'printer.coverOpen', 'printer.offline']) {
      expect(printerProblemText(refusal(rule), es, 'creditNote')).toMatch(/\(la nota de crédito está guardada\)\.$/);
      expect(printerProblemText(refusal(rule), es, 'creditNote')).not.toContain('venta');
      expect(printerProblemText(refusal(rule), en, 'creditNote')).toMatch(/\(the credit note is saved\)\.$/);
      expect(printerProblemText(refusal(rule), es, 'document')).toMatch(/\(el documento está guardado\)\.$/);
      expect(printerProblemText(refusal(rule), en, 'sale')).toMatch(/\(the sale is saved\)\.$/);
    }
  });

  it("names the subject by the document's type: 01 a sale, 04 and 06 a credit note, any other a document", () => {
    expect(printSubject('01')).toBe('sale');
    expect(printSubject('04')).toBe('creditNote');
    expect(printSubject('06')).toBe('creditNote'); // nota de crédito genérica
    expect(printSubject('07')).toBe('document'); // a debit note is not a credit note
    expect(printSubject('05')).toBe('document');
    expect(printSubject('02')).toBe('document');
  });

  it('is null for any other error (the core message is shown as it is)', () => {
    const t = i18n.getFixedT('es-PA');
    expect(printerProblemText({ code: 'internal', message: 'No se pudo imprimir' }, t)).toBeNull();
    expect(printerProblemText(refusal('printer.onFire'), t)).toBeNull();
    expect(printerProblemText(refusal('items[0].cantidad'), t)).toBeNull();
  });
});
