// The optional groups through the simulator's validation (issue 12 §3): each table's required fields and formats in
// wire order, and the rules beyond them (vehicle "otro" descriptions, RUC/DV of carrier and delivery place).
import { describe, expect, it } from 'vitest';
import type { XNode } from '../../xml/xnode';
import { validateDocumento } from './validate-documento';
import { BASE, CTX, append, group, insertAfter } from './validation-kit.fixture';

const validate = (doc: XNode) => validateDocumento(doc, CTX);
const ITEM1 = 'listaItems/item[1]';
const AT1 = 'En la ocurrencia 1 de Item, ';
const withMedicina = (fields: Record<string, string>) => append(BASE, ITEM1, group('medicina', fields));

const VEHICULO = {
  modalidadOperacionVenta: '02',
  chasis: '3N1AB7AP5KY123456',
  potenciaMotor: '118',
  tipoCombustible: '01',
  numeroMotor: 'HR16-778899',
  tipoVehiculo: '4',
  usoVehiculo: '2',
};

describe('simulator validation: medicina (§2.7 #27)', () => {
  it('accepts a lot of 5 to 35 characters with its quantity', () => {
    expect(validate(withMedicina({ nroLote: 'L2026-0457', cantProductosLote: '21' }))).toEqual([]);
  });

  it.each<[string, Record<string, string>, string[]]>([
    ['without the lot', { cantProductosLote: '21' }, [`${AT1}El campo nroLote es requerido`]],
    ['without the quantity', { nroLote: 'L2026-0457' }, [`${AT1}El campo cantProductosLote es requerido`]],
    ['a 4-character lot', { nroLote: 'L204', cantProductosLote: '21' }, [`${AT1}El campo nroLote es inválido`]],
    [
      'a fractional quantity',
      { nroLote: 'L2026-0457', cantProductosLote: '2.5' },
      [`${AT1}El campo cantProductosLote es inválido`],
    ],
  ])('refuses a medicine %s', (_what, fields, expected) => {
    expect(validate(withMedicina(fields))).toEqual(expected);
  });
});

describe('simulator validation: vehiculo (§2.8)', () => {
  const withVehiculo = (fields: Record<string, string>) => append(BASE, ITEM1, group('vehiculo', fields));

  it('accepts a new vehicle with the required fields', () => {
    expect(validate(withVehiculo(VEHICULO))).toEqual([]);
  });

  it('refuses a 16-character VIN, a fuel code outside the list and "otro" without its description', () => {
    expect(validate(withVehiculo({ ...VEHICULO, chasis: '3N1AB7AP5KY12345', tipoCombustible: '05' }))).toEqual([
      `${AT1}El campo chasis es inválido`,
      `${AT1}El campo tipoCombustible es inválido`,
    ]);
    expect(validate(withVehiculo({ ...VEHICULO, modalidadOperacionVenta: '99' }))).toEqual([
      `${AT1}El campo modalidadOperacionVentaNoDef es requerido`,
    ]);
  });
});

describe('simulator validation: document-level groups (§2.10)', () => {
  const TOT = 'totalesSubTotales';
  const entrega = {
    tipoRucEntrega: '2',
    numeroRucEntrega: '155596713-2-2015',
    digitoVerifRucEntrega: '59',
    razonSocialEntrega: 'Bodega central',
    direccionEntrega: 'Vía España',
    codigoUbicacionEntrega: '8-8-7',
    provinciaEntrega: 'PANAMA',
    distritoEntrega: 'PANAMA',
    corregimientoEntrega: 'BELLA VISTA',
  };
  const logistica = {
    razonSocialTransportista: 'Transportes Istmeños, S.A.',
    tipoRucTransportista: '2',
    rucTransportista: '155732387-2-2023',
    digitoVerifRucTransportista: '14',
  };

  it('accepts a purchase order, logistics and delivery place after the totals, in that order', () => {
    const doc = insertAfter(
      insertAfter(
        insertAfter(BASE, TOT, group('pedidoComercialGlobal', { nroPedidoCompraGlobal: '4500123' })),
        'pedidoComercialGlobal',
        group('infoLogistica', logistica),
      ),
      'infoLogistica',
      group('infoEntrega', entrega),
    );
    expect(validate(doc)).toEqual([]);
  });

  it('verifies the DV of the carrier and of the delivery place, and wants the delivery RUC whole', () => {
    const doc = insertAfter(
      insertAfter(BASE, TOT, group('infoLogistica', { ...logistica, digitoVerifRucTransportista: '41' })),
      'infoLogistica',
      group('infoEntrega', { ...entrega, tipoRucEntrega: '' }),
    );
    expect(validate(doc)).toEqual([
      'El campo digitoVerifRucTransportista es inválido (declarado 41, calculado 14)',
      'El campo tipoRucEntrega es requerido',
    ]);
  });

  it('needs the carrier when logistics are sent, and a numeric purchase order', () => {
    const doc = insertAfter(
      insertAfter(BASE, TOT, group('pedidoComercialGlobal', { nroPedidoCompraGlobal: 'OC-1' })),
      'pedidoComercialGlobal',
      group('infoLogistica', { nroVolumenes: '2' }),
    );
    expect(validate(doc)).toEqual([
      'El campo nroPedidoCompraGlobal es inválido',
      'El campo razonSocialTransportista es requerido',
      'El campo tipoRucTransportista es requerido',
      'El campo rucTransportista es requerido',
      'El campo digitoVerifRucTransportista es requerido',
    ]);
  });
});
