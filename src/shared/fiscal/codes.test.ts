import { describe, expect, it } from 'vitest';
import * as codes from './codes';

/** Every catalogue of REFERENCE.md §2.11 with its codes, as listed there. */
const EXPECTED: Record<string, string[]> = {
  TIPO_EMISION: ['01', '02', '03', '04'],
  TIPO_DOCUMENTO: ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10'],
  NATURALEZA_OPERACION: ['01', '02', '03', '04', '10', '11', '12', '13', '14', '20', '21'],
  TIPO_OPERACION: ['1', '2'],
  DESTINO_OPERACION: ['1', '2'],
  FORMATO_CAFE: ['1', '2', '3'],
  ENTREGA_CAFE: ['1', '2', '3'],
  ENVIO_CONTENEDOR: ['1', '2'],
  PROCESO_GENERACION: ['1'],
  TIPO_VENTA: ['1', '2', '3', '4'],
  TIPO_SUCURSAL: ['1', '2'],
  TIPO_CLIENTE_FE: ['01', '02', '03', '04'],
  TIPO_CONTRIBUYENTE: ['1', '2'],
  TIPO_IDENTIFICACION: ['01', '02', '99'],
  TASA_ITBMS: ['00', '01', '02', '03'],
  FORMA_PAGO: ['01', '02', '03', '04', '05', '06', '07', '08', '09', '99'],
  TIEMPO_PAGO: ['1', '2', '3'],
  CODIGO_RETENCION: ['1', '2', '3', '4', '7', '8'],
  CODIGO_OTI: ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11'],
  UNIDAD_PESO_TOTAL: ['1', '2', '3', '4'],
};

describe('HKA catalogues', () => {
  it.each(Object.entries(EXPECTED))(
    '%s has exactly the codes of §2.11, each with a Spanish label',
    (name, expected) => {
      const catalogue = (codes as unknown as Record<string, Record<string, string | { label: string }>>)[name];
      expect(catalogue).toBeDefined();
      expect(codes.codesOf(catalogue ?? {})).toEqual(expected);
      for (const code of expected) expect(codes.labelOf(catalogue ?? {}, code)?.length).toBeGreaterThan(1);
    },
  );

  it('keeps ITBMS rates as exact decimal strings', () => {
    expect(Object.values(codes.TASA_ITBMS).map((t) => t.rate)).toEqual(['0', '0.07', '0.10', '0.15']);
  });

  it('labels in Spanish', () => {
    expect(codes.labelOf(codes.TIPO_DOCUMENTO, '04')).toBe('Nota de crédito referente a una FE');
    expect(codes.labelOf(codes.FORMA_PAGO, '02')).toBe('Efectivo');
    expect(codes.labelOf(codes.TASA_ITBMS, '00')).toBe('Exento (0 %)');
    expect(codes.labelOf(codes.TIPO_CLIENTE_FE, '99')).toBeUndefined();
  });
});
