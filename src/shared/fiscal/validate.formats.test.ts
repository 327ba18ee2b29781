// validateDocument on the formats HKA is strict about and the DGI's code lists (split from validate.test.ts).
import { describe, expect, it } from 'vitest';
import { aSale, anItem } from '../../../tests/fixtures/fiscal-documents';
import { validateDocument, type ValidationResult } from './validate';

function violationsOf(result: ValidationResult) {
  return result.ok ? [] : result.violations;
}

describe('formats HKA is strict about', () => {
  it('wants dates in Panamá time (-05:00)', () => {
    expect(violationsOf(validateDocument(aSale({ fechaEmision: '2026-11-28T15:15:00+00:00' })))).toContainEqual(
      expect.objectContaining({
        path: 'fechaEmision',
        message: 'La fecha de emisión debe tener el formato AAAA-MM-DDThh:mm:ss-05:00',
      }),
    );
  });

  it('wants an ISC rate with 2 to 4 decimals', () => {
    expect(
      validateDocument(
        aSale({ items: [anItem({ isc: { tasa: '0.05' } })], pagos: [{ formaPagoFact: '02', valorCuotaPagada: '10' }] }),
      ).ok,
    ).toBe(true);
    for (const tasa of ['0', '1', '0.5', '0.12345', '5.00']) {
      expect(
        violationsOf(
          validateDocument(
            aSale({ items: [anItem({ isc: { tasa } })], pagos: [{ formaPagoFact: '02', valorCuotaPagada: '10' }] }),
          ),
        )[0]?.path,
      ).toBe('items[0].isc.tasa');
    }
  });

  it('wants the exchange rate and foreign amount for exports in another currency', () => {
    const cliente = {
      tipoClienteFE: '04',
      tipoIdentificacion: '02',
      nroIdentificacionExtranjero: 'TAX-1',
      pais: 'CO',
    } as const;
    const base = { destinoOperacion: '2', naturalezaOperacion: '02', tipoDocumento: '03', cliente } as const;
    const eur = aSale({
      ...base,
      datosFacturaExportacion: { condicionesEntrega: 'FOB', monedaOperExportacion: 'EUR' },
    });
    expect(violationsOf(validateDocument(eur))).toContainEqual(
      expect.objectContaining({ rule: 'export_rate_required' }),
    );
    const usd = aSale({
      ...base,
      datosFacturaExportacion: { condicionesEntrega: 'FOB', monedaOperExportacion: 'USD' },
    });
    expect(validateDocument(usd).ok).toBe(true);
  });
});

describe('DGI code lists and patterns', () => {
  it('accepts only DGI country codes, currencies and INCOTERMS', () => {
    const cliente = { tipoClienteFE: '02', pais: 'XX' } as const;
    expect(violationsOf(validateDocument(aSale({ cliente })))).toContainEqual(
      expect.objectContaining({ path: 'cliente.pais' }),
    );
    const foreign = {
      tipoClienteFE: '04',
      tipoIdentificacion: '02',
      nroIdentificacionExtranjero: 'TAX-1',
      pais: 'CO',
    } as const;
    const exp = aSale({
      destinoOperacion: '2',
      naturalezaOperacion: '02',
      tipoDocumento: '03',
      cliente: foreign,
      datosFacturaExportacion: { condicionesEntrega: 'XYZ', monedaOperExportacion: 'ABC' },
    });
    expect(violationsOf(validateDocument(exp)).map((v) => v.path)).toEqual(
      expect.arrayContaining([
        'datosFacturaExportacion.condicionesEntrega',
        'datosFacturaExportacion.monedaOperExportacion',
      ]),
    );
  });

  it('checks e-mail addresses with the DGI pattern', () => {
    const withEmail = (correo: string) => aSale({ cliente: { tipoClienteFE: '02', correos: [correo], pais: 'PA' } });
    expect(validateDocument(withEmail('josé.núñez@correo.pa')).ok).toBe(true);
    for (const bad of ['ana@x.com', 'sin-arroba.pa', '-x@ab.pa', 'a@bc-.pa']) {
      expect(violationsOf(validateDocument(withEmail(bad)))[0]?.path, bad).toBe('cliente.correos[0]');
    }
  });
});
