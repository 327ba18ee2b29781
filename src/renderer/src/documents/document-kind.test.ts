import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { es } from '../i18n/es';
import { documentKindText, documentTitle } from './document-kind';

describe('the kind of a document, in the list and as a title', () => {
  beforeAll(async () => {
    await i18next.init({
      lng: 'es-PA',
      resources: { 'es-PA': { translation: es } },
      interpolation: { escapeValue: false },
    });
  });
  const t = i18next.t.bind(i18next);

  it('names the invoice a credit note credits; an invoice needs no label', () => {
    expect(documentKindText({ tipoDocumento: '01', numero: 12, facturaNumero: null }, t)).toBeNull();
    expect(documentKindText({ tipoDocumento: '04', numero: 13, facturaNumero: 12 }, t)).toBe(
      'Nota de crédito de la factura Nº 0000000012',
    );
    expect(documentKindText({ tipoDocumento: '06', numero: 2, facturaNumero: null }, t)).toBe(
      'Nota de crédito genérica',
    );
    expect(documentTitle({ tipoDocumento: '04', numero: 13, facturaNumero: 12 }, t)).toBe(
      'Nota de crédito Nº 0000000013 · de la factura Nº 0000000012',
    );
    expect(documentTitle({ tipoDocumento: '01', numero: 12 }, t)).toBe('Factura No. 0000000012');
  });
});
