import { describe, expect, it } from 'vitest';
import { CONTRIBUYENTE, REAL_CUFE, aCreditNote, aSale, anItem } from '../../../tests/fixtures/fiscal-documents';
import { validateDocument, type ValidationResult } from './validate';

function violationsOf(result: ValidationResult) {
  return result.ok ? [] : result.violations;
}

describe('validateDocument', () => {
  it('accepts a plain cash sale and returns its totals', () => {
    const result = validateDocument(aSale());
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.totals.totalFactura).toBe('4.55');
  });

  it('reports every structural problem at once, with paths and Spanish messages', () => {
    const result = validateDocument(
      aSale({
        puntoFacturacionFiscal: '000',
        items: [anItem(), anItem({ tasaItbms: '07' as never, cantidad: '0' })],
        pagos: [{ formaPagoFact: '99', valorCuotaPagada: '9.10' }],
      }),
    );
    expect(violationsOf(result)).toEqual(
      expect.arrayContaining([
        {
          path: 'puntoFacturacionFiscal',
          rule: 'invalid_format',
          message: 'El punto de facturación debe ser de 001 a 999',
        },
        { path: 'items[1].tasaItbms', rule: 'invalid_value', message: 'Ítem 2: la tasa de ITBMS no es válida' },
      ]),
    );
    const paths = violationsOf(result).map((v) => v.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'puntoFacturacionFiscal',
        'items[1].tasaItbms',
        'items[1].cantidad',
        'pagos[0].descFormaPago',
      ]),
    );
    expect(violationsOf(result).find((v) => v.path === 'items[1].cantidad')?.message).toBe(
      'Ítem 2: la cantidad debe ser mayor que cero',
    );
    expect(violationsOf(result).find((v) => v.path === 'pagos[0].descFormaPago')?.message).toBe(
      'Pago 1: la forma de pago "Otro" necesita una descripción (10 a 100 caracteres)',
    );
  });

  it('says what is missing when a required field is absent', () => {
    const { items, ...noItems } = aSale();
    void items;
    expect(violationsOf(validateDocument(noItems))).toContainEqual({
      path: 'items',
      rule: 'invalid_type',
      message: 'La lista de ítems es obligatoria',
    });
    expect(violationsOf(validateDocument(aSale({ items: [] })))[0]?.message).toBe(
      'El documento debe tener al menos un ítem',
    );
  });

  it('accepts 1000 items and refuses 1001', () => {
    const many = (n: number) => Array.from({ length: n }, () => anItem({ precioUnitario: '1', tasaItbms: '00' }));
    expect(
      validateDocument(aSale({ items: many(1000), pagos: [{ formaPagoFact: '02', valorCuotaPagada: '1000' }] })).ok,
    ).toBe(true);
    expect(
      violationsOf(
        validateDocument(aSale({ items: many(1001), pagos: [{ formaPagoFact: '02', valorCuotaPagada: '1001' }] })),
      ),
    ).toContainEqual(expect.objectContaining({ path: 'items', message: 'El documento admite como máximo 1000 ítems' }));
  });

  it('requires payments that cover the total, and change only from cash', () => {
    expect(
      violationsOf(validateDocument(aSale({ pagos: [{ formaPagoFact: '02', valorCuotaPagada: '4.54' }] }))),
    ).toContainEqual(
      expect.objectContaining({ rule: 'payments_short', message: 'Los pagos (4.54) no cubren el total (4.55)' }),
    );
    expect(validateDocument(aSale({ pagos: [{ formaPagoFact: '02', valorCuotaPagada: '20' }] })).ok).toBe(true);
    expect(
      violationsOf(validateDocument(aSale({ pagos: [{ formaPagoFact: '03', valorCuotaPagada: '20' }] }))),
    ).toContainEqual(expect.objectContaining({ rule: 'change_without_cash' }));
  });

  describe('receptor', () => {
    it('requires RUC, DV, razón social and address for a contribuyente', () => {
      const paths = violationsOf(
        validateDocument(aSale({ cliente: { tipoClienteFE: '01', pais: 'PA' } as never })),
      ).map((v) => v.path);
      expect(paths).toEqual(
        expect.arrayContaining([
          'cliente.tipoContribuyente',
          'cliente.numeroRUC',
          'cliente.digitoVerificadorRUC',
          'cliente.razonSocial',
          'cliente.direccion',
        ]),
      );
    });

    it('accepts a RUC whose DV verifies and refuses one that does not', () => {
      expect(validateDocument(aSale({ cliente: CONTRIBUYENTE })).ok).toBe(true);
      expect(
        violationsOf(validateDocument(aSale({ cliente: { ...CONTRIBUYENTE, digitoVerificadorRUC: '58' } }))),
      ).toEqual([
        {
          path: 'cliente.digitoVerificadorRUC',
          rule: 'dv_mismatch',
          message: 'Cliente: el dígito verificador no corresponde al RUC (se esperaba 59)',
        },
      ]);
    });

    it('does not call an NT RUC wrong when its DV cannot be computed locally', () => {
      const gobierno = {
        ...CONTRIBUYENTE,
        tipoClienteFE: '03',
        numeroRUC: '8-NT-1-13656',
        digitoVerificadorRUC: '43',
      } as const;
      const items = [anItem({ codigoCPBSAbrev: '72', codigoCPBS: '7210', unidadMedidaCPBS: 'm' })];
      expect(validateDocument(aSale({ cliente: gobierno, items })).ok).toBe(true);
    });

    it('requires CPBS codes on every item sold to the government', () => {
      const gobierno = { ...CONTRIBUYENTE, tipoClienteFE: '03' } as const;
      expect(violationsOf(validateDocument(aSale({ cliente: gobierno })))).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            path: 'items[0].codigoCPBSAbrev',
            message: 'Ítem 1: las ventas al Estado necesitan el código CPBS abreviado',
          }),
        ]),
      );
    });

    it('refuses a company RUC billed as consumidor final', () => {
      const cliente = {
        tipoClienteFE: '02',
        pais: 'PA',
        identificacion: { tipoContribuyente: '2', numeroRUC: '155596713-2-2015', digitoVerificadorRUC: '59' },
      } as const;
      expect(violationsOf(validateDocument(aSale({ cliente })))).toContainEqual(
        expect.objectContaining({ rule: 'juridico_as_consumer' }),
      );
    });

    it('needs identification type and number for a foreigner', () => {
      const paths = violationsOf(
        validateDocument(aSale({ cliente: { tipoClienteFE: '04', pais: 'PA' } as never })),
      ).map((v) => v.path);
      expect(paths).toEqual(['cliente.tipoIdentificacion', 'cliente.nroIdentificacionExtranjero']);
    });

    it('requires PA for a domestic operation', () => {
      const cliente = {
        tipoClienteFE: '04',
        tipoIdentificacion: '01',
        nroIdentificacionExtranjero: 'X123',
        pais: 'CO',
      } as const;
      expect(violationsOf(validateDocument(aSale({ cliente })))).toContainEqual(
        expect.objectContaining({ path: 'cliente.pais', rule: 'domestic_needs_pa' }),
      );
    });
  });

  describe('contingency', () => {
    it('requires start date and a 15–250 character reason for tipoEmision 02', () => {
      expect(violationsOf(validateDocument(aSale({ tipoEmision: '02' })))).toContainEqual(
        expect.objectContaining({ rule: 'contingency_required' }),
      );
      const short = aSale({
        tipoEmision: '02',
        contingencia: { fechaInicio: '2026-11-28T09:00:00-05:00', motivo: 'sin red' },
      });
      expect(violationsOf(validateDocument(short))).toContainEqual({
        path: 'contingencia.motivo',
        rule: 'too_small',
        message: 'Contingencia: el motivo de la contingencia debe tener al menos 15 caracteres',
      });
      const ok = aSale({
        tipoEmision: '02',
        contingencia: { fechaInicio: '2026-11-28T09:00:00-05:00', motivo: 'Sin conexión a internet en la tienda' },
      });
      expect(validateDocument(ok).ok).toBe(true);
    });

    it('refuses contingency data on a normal emission', () => {
      const doc = aSale({
        contingencia: { fechaInicio: '2026-11-28T09:00:00-05:00', motivo: 'Sin conexión a internet en la tienda' },
      });
      expect(violationsOf(validateDocument(doc))).toContainEqual(
        expect.objectContaining({ rule: 'contingency_not_allowed' }),
      );
    });
  });

  describe('credit notes', () => {
    it('accepts a credit note that references a valid CUFE', () => {
      expect(validateDocument(aCreditNote()).ok).toBe(true);
    });

    it('refuses a credit note without a reference, or with a CUFE whose check digit is wrong', () => {
      expect(violationsOf(validateDocument(aCreditNote({ referencias: undefined })))).toContainEqual(
        expect.objectContaining({ rule: 'reference_required' }),
      );
      const badCufe = `${REAL_CUFE.slice(0, 65)}${(Number(REAL_CUFE.at(-1)) + 1) % 10}`;
      const result = validateDocument(
        aCreditNote({ referencias: [{ fechaEmision: '2026-11-20T09:00:00-05:00', cufe: badCufe }] }),
      );
      expect(violationsOf(result)).toContainEqual(
        expect.objectContaining({ path: 'referencias[0].cufe', rule: 'cufe_invalid' }),
      );
    });

    it('refuses a credit note more than 180 days after the invoice', () => {
      const late = aCreditNote({ referencias: [{ fechaEmision: '2026-01-01T09:00:00-05:00', cufe: REAL_CUFE }] });
      expect(violationsOf(validateDocument(late))).toContainEqual(
        expect.objectContaining({ rule: 'credit_note_too_late' }),
      );
    });

    it('keeps generic notes (06) free of CUFE references', () => {
      expect(validateDocument(aCreditNote({ tipoDocumento: '06', referencias: undefined })).ok).toBe(true);
      expect(violationsOf(validateDocument(aCreditNote({ tipoDocumento: '06' })))).toContainEqual(
        expect.objectContaining({ rule: 'cufe_on_generic_note' }),
      );
    });
  });

  it('checks the withholding amount against totalITBMS', () => {
    expect(validateDocument(aSale({ retencion: { codigoRetencion: '3', montoRetencion: '0.30' } })).ok).toBe(true);
    expect(
      violationsOf(validateDocument(aSale({ retencion: { codigoRetencion: '3', montoRetencion: '0.20' } }))),
    ).toContainEqual({
      path: 'retencion.montoRetencion',
      rule: 'withholding_amount',
      message: 'Retención: el monto de la retención debe ser 0.30',
    });
  });

  it('never throws, whatever it is given', () => {
    for (const input of [undefined, null, 42, 'x', [], {}, { items: 'nope' }, { cliente: { tipoClienteFE: '01' } }]) {
      expect(() => validateDocument(input)).not.toThrow();
      expect(validateDocument(input).ok).toBe(false);
    }
  });
});
