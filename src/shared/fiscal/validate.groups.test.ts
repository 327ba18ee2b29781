// The optional groups of issue 12 §3 in the till's validation, with the Spanish message that names the field.
import { describe, expect, it } from 'vitest';
import {
  MEDICINA_ITEM,
  VEHICULO_ITEM,
  aSale,
  aSaleWithEveryGroup,
  anItem,
} from '../../../tests/fixtures/fiscal-documents';
import type { FiscalDocumentInput } from './document';
import { validateDocument } from './validate';

function violations(input: FiscalDocumentInput) {
  const result = validateDocument(input);
  return result.ok ? [] : result.violations.map((v) => ({ path: v.path, rule: v.rule, message: v.message }));
}

describe('optional groups: the till refuses what HKA would', () => {
  it('accepts a document with every group', () => {
    expect(violations(aSaleWithEveryGroup())).toEqual([]);
  });

  it.each<[string, FiscalDocumentInput, { path: string; rule: string; message: string }]>([
    [
      'a medicine lot of 4 characters',
      aSale({ items: [{ ...MEDICINA_ITEM, medicina: { nroLote: 'L204', cantProductosLote: '21' } }] }),
      {
        path: 'items[0].medicina.nroLote',
        rule: 'too_small',
        message: 'Ítem 1: el número de lote debe tener al menos 5 caracteres',
      },
    ],
    [
      'a medicine without the quantity of its lot',
      aSale({ items: [{ ...MEDICINA_ITEM, medicina: { nroLote: 'L2026-0457' } as never }] }),
      {
        path: 'items[0].medicina.cantProductosLote',
        rule: 'invalid_type',
        message: 'Ítem 1: la cantidad de productos del lote es obligatoria',
      },
    ],
    [
      'a fractional quantity of the lot',
      aSale({ items: [{ ...MEDICINA_ITEM, medicina: { nroLote: 'L2026-0457', cantProductosLote: '2.5' } }] }),
      {
        path: 'items[0].medicina.cantProductosLote',
        rule: 'invalid_format',
        message: 'Ítem 1: la cantidad de productos del lote debe ser un número entero de hasta 9 cifras',
      },
    ],
    [
      'a 16-character VIN',
      aSale({ items: [{ ...VEHICULO_ITEM, vehiculo: { ...VEHICULO_ITEM.vehiculo!, chasis: '3N1AB7AP5KY12345' } }] }),
      {
        path: 'items[0].vehiculo.chasis',
        rule: 'invalid_format',
        message: 'Ítem 1: el número de chasis (VIN) debe tener 17 letras o dígitos',
      },
    ],
    [
      'fuel "otro" without its description',
      aSale({ items: [{ ...VEHICULO_ITEM, vehiculo: { ...VEHICULO_ITEM.vehiculo!, tipoCombustible: '99' } }] }),
      {
        path: 'items[0].vehiculo.tipoCombustibleNoDef',
        rule: 'vehicle_other_described',
        message: 'Ítem 1: el combustible "otro" necesita una descripción (10 a 50 caracteres)',
      },
    ],
    [
      'a GTIN quantity without its GTIN',
      aSale({ items: [anItem({ cantGTINCom: '2' })] }),
      {
        path: 'items[0].cantGTINCom',
        rule: 'gtin_quantity_without_gtin',
        message: 'Ítem 1: la cantidad en unidades GTIN necesita el código GTIN',
      },
    ],
    [
      'an authorised downloader whose DV does not match',
      aSale({
        autorizadosDescarga: [
          { tipoContribuyente: '2', rucReceptor: '155646463-2-2017', digitoVerifRucReceptor: '68' },
        ],
      }),
      {
        path: 'autorizadosDescarga[0].digitoVerifRucReceptor',
        rule: 'dv_mismatch',
        message: 'Autorizado a descargar 1: el DV del autorizado no corresponde al RUC (se esperaba 86)',
      },
    ],
    [
      'logistics without the carrier',
      aSale({ infoLogistica: { nroVolumenes: '2' } as never }),
      {
        path: 'infoLogistica.razonSocialTransportista',
        rule: 'invalid_type',
        message: 'Logística: la razón social del transportista es obligatoria',
      },
    ],
    [
      'a delivery RUC without its DV',
      aSaleWithEveryGroup({ infoEntrega: { ...aSaleWithEveryGroup().infoEntrega!, digitoVerifRucEntrega: undefined } }),
      {
        path: 'infoEntrega.numeroRucEntrega',
        rule: 'delivery_ruc_incomplete',
        message: 'Entrega: el RUC de entrega necesita su tipo, número y DV',
      },
    ],
    [
      'a 5-digit delivery phone',
      aSaleWithEveryGroup({ infoEntrega: { ...aSaleWithEveryGroup().infoEntrega!, telefonoEntrega: '22-3456' } }),
      {
        path: 'infoEntrega.telefonoEntrega',
        rule: 'invalid_format',
        message: 'Entrega: el teléfono de entrega debe tener la forma 999-9999 o 9999-9999',
      },
    ],
  ])('%s', (_what, doc, violation) => {
    expect(violations(doc)).toContainEqual(violation);
  });

  it('accepts at most 10 authorised downloaders', () => {
    const one = { tipoContribuyente: '2', rucReceptor: '155646463-2-2017', digitoVerifRucReceptor: '86' } as const;
    expect(violations(aSale({ autorizadosDescarga: Array.from({ length: 10 }, () => one) }))).toEqual([]);
    expect(
      violations(aSale({ autorizadosDescarga: Array.from({ length: 11 }, () => one) })).map((v) => v.rule),
    ).toEqual(['too_big']);
  });
});
