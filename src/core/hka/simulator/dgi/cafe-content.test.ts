// The wording of the CAFE: labels from the HKA catalogues, amounts as people read them, receptor by kind.
import { describe, expect, it } from 'vitest';
import { aSale, anItem } from '../../../../../tests/fixtures/fiscal-documents';
import { authorizeDocument } from './dgi-documents.fixture';
import { cafeContent, fechaLocal } from './cafe-content';

describe('cafeContent', () => {
  it('lists ISC, each OTI by name and the global discount between ITBMS and the total', () => {
    const content = cafeContent(
      authorizeDocument(
        aSale({
          items: [
            anItem({
              precioUnitario: '10',
              isc: { tasa: '0.05' },
              otis: [
                { codigo: '01', valor: '0.50' },
                { codigo: '03', valor: '0.25' },
              ],
            }),
          ],
          descuentosGlobales: [{ descDescuento: 'Cliente frecuente', montoDescuento: '2.00' }],
          pagos: [{ formaPagoFact: '02', valorCuotaPagada: '20.00' }],
        }),
      ),
    );
    expect(content.totales).toEqual([
      ['Subtotal', 'B/. 10.00'],
      ['ITBMS', 'B/. 0.70'],
      ['ISC', 'B/. 0.50'],
      ['Tasa SUME 911', 'B/. 0.50'],
      ['Impuesto sobre seguro (5 %)', 'B/. 0.25'],
      ['Descuento', '-B/. 2.00'],
      ['TOTAL', 'B/. 9.95'],
    ]);
    expect(content.pagos).toEqual([
      ['Efectivo', 'B/. 20.00'],
      ['Vuelto', 'B/. 10.05'],
    ]);
  });

  it('keeps the unit price precision and shows quantities without padding', () => {
    const content = cafeContent(
      authorizeDocument(
        aSale({
          items: [anItem({ cantidad: '2.5', precioUnitario: '1234.456789' })],
          pagos: [{ formaPagoFact: '02', valorCuotaPagada: '4000.00' }],
        }),
      ),
    );
    expect(content.items).toEqual([
      { descripcion: 'Arroz Blanco 5 lb', detalle: '2.5 x B/. 1,234.456789', total: 'B/. 3,302.17' },
    ]);
  });

  it('names a consumidor final who gave a name and cédula, and shows the withholding', () => {
    const content = cafeContent(
      authorizeDocument(
        aSale({
          cliente: {
            tipoClienteFE: '02',
            razonSocial: 'Ana Sofía Ríos',
            pais: 'PA',
            identificacion: { tipoContribuyente: '1', numeroRUC: '8-442-445' },
          },
          retencion: { codigoRetencion: '4', montoRetencion: '0.15' },
          pagos: [{ formaPagoFact: '02', valorCuotaPagada: '4.55' }],
        }),
      ),
    );
    expect(content.receptor).toEqual(['Ana Sofía Ríos', 'RUC 8-442-445']);
    expect(content.pagos).toContainEqual(['Retención de ITBMS', 'B/. 0.15']);
    expect(content.tipoEmision).toBeUndefined();
  });

  it('formats DGI timestamps as local day/month/year', () => {
    expect(fechaLocal('2026-01-05T23:59:01-05:00')).toBe('05/01/2026 23:59:01');
    expect(fechaLocal('sin fecha')).toBe('sin fecha');
  });
});
