// Arithmetic of §2.13 within 0.01 per value: item values, totals, payments, OTI totals, withholding; plus the item rules
// that sit next to it (unit discount, ISC, freight and insurance once) and several errors reported together.
import { describe, expect, it } from 'vitest';
import type { XNode } from '../../xml/xnode';
import { validateDocumento } from './validate-documento';
import { BASE, CTX, append, el, group, insertAfter, remove, setText, setTexts } from './validation-kit.fixture';

const validate = (doc: XNode) => validateDocumento(doc, CTX);
const ITEM1 = 'listaItems/item[1]';
const ITEM2 = 'listaItems/item[2]';
const TOT = 'totalesSubTotales';
const AT1 = 'En la ocurrencia 1 de Item, ';

describe('simulator validation: item arithmetic', () => {
  it('rejects a valorITBMS 0.02 off, and what is computed from it, naming both values', () => {
    expect(validate(setText(BASE, `${ITEM1}/valorITBMS`, '1.42'))).toEqual([
      `${AT1}El campo valorITBMS es inválido (declarado 1.42, calculado 1.40)`,
      `${AT1}El campo valorTotal es inválido (declarado 21.40, calculado 21.42)`,
      'El campo totalITBMS es inválido (declarado 1.40, calculado 1.42)',
    ]);
  });

  it('accepts a valorITBMS 0.01 off (and the totals built from it)', () => {
    expect(validate(setText(BASE, `${ITEM1}/valorITBMS`, '1.41'))).toEqual([]);
  });

  it('accepts a 6-decimal item whose 2-decimal values differ from the exact ones by less than 0.01', () => {
    // 3.333333 × 1.234567 = 4.115222921811 → 4.12; 7 % of 4.12 = 0.2884 → 0.29
    const doc = setTexts(BASE, {
      [`${ITEM1}/cantidad`]: '3.333333',
      [`${ITEM1}/precioUnitario`]: '1.234567',
      [`${ITEM1}/precioItem`]: '4.12',
      [`${ITEM1}/valorITBMS`]: '0.29',
      [`${ITEM1}/valorTotal`]: '4.41',
      [`${TOT}/totalPrecioNeto`]: '9.62',
      [`${TOT}/totalITBMS`]: '0.29',
      [`${TOT}/totalMontoGravado`]: '0.29',
      [`${TOT}/totalTodosItems`]: '9.91',
      [`${TOT}/totalFactura`]: '9.91',
      [`${TOT}/totalValorRecibido`]: '10.00',
      [`${TOT}/vuelto`]: '0.09',
      [`${TOT}/listaFormaPago/formaPago/valorCuotaPagada`]: '10.00',
    });
    expect(validate(doc)).toEqual([]);
    expect(validate(setText(doc, `${ITEM1}/precioItem`, '4.13'))).toEqual([
      `${AT1}El campo precioItem es inválido (declarado 4.13, calculado 4.115223)`,
    ]);
  });

  it("accepts both forms of a line HKA sees: rounded to cents per line (the DGI's) and unrounded (HKA's samples)", () => {
    // 35 × 0.35 = 12.25 at 7 % → 0.8575 ITBMS; item 2 removed so the totals are this one line's (decision 0008).
    const oneLine = (itbms: string, valorTotal: string, totalItbms: string, total: string) =>
      setTexts(remove(BASE, ITEM2), {
        [`${ITEM1}/cantidad`]: '35.00',
        [`${ITEM1}/precioUnitario`]: '0.35',
        [`${ITEM1}/precioItem`]: '12.25',
        [`${ITEM1}/valorITBMS`]: itbms,
        [`${ITEM1}/valorTotal`]: valorTotal,
        [`${TOT}/totalPrecioNeto`]: '12.25',
        [`${TOT}/totalITBMS`]: totalItbms,
        [`${TOT}/totalMontoGravado`]: totalItbms,
        [`${TOT}/totalTodosItems`]: total,
        [`${TOT}/totalFactura`]: total,
        [`${TOT}/totalValorRecibido`]: '30.00',
        [`${TOT}/vuelto`]: (30 - Number(total)).toFixed(2),
        [`${TOT}/nroItems`]: '1',
      });
    expect(validate(oneLine('0.86', '13.11', '0.86', '13.11'))).toEqual([]);
    expect(validate(oneLine('0.8575', '13.1075', '0.86', '13.11'))).toEqual([]);
    expect(validate(oneLine('0.88', '13.13', '0.88', '13.13'))).toEqual([
      `${AT1}El campo valorITBMS es inválido (declarado 0.88, calculado 0.8575)`,
    ]);
  });

  it('applies the unit discount: precioItem = cantidad × (precioUnitario − precioUnitarioDescuento)', () => {
    const discounted = insertAfter(BASE, `${ITEM1}/precioUnitario`, el('precioUnitarioDescuento', '1.00'));
    expect(validate(discounted)).toEqual([`${AT1}El campo precioItem es inválido (declarado 20.00, calculado 18.00)`]);
  });

  it('requires the unit discount to stay below the unit price', () => {
    const discounted = insertAfter(BASE, `${ITEM1}/precioUnitario`, el('precioUnitarioDescuento', '10.00'));
    expect(validate(discounted)).toContain(
      `${AT1}El campo precioUnitarioDescuento es inválido (debe ser menor que precioUnitario)`,
    );
  });

  it('checks ISC: the rate needs its value, the value matches the rate, and the total is then required', () => {
    const withIsc = (tasa: string, valor?: string) => {
      const doc = insertAfter(BASE, `${ITEM1}/valorITBMS`, el('tasaISC', tasa));
      return valor === undefined ? doc : insertAfter(doc, `${ITEM1}/tasaISC`, el('valorISC', valor));
    };
    expect(validate(withIsc('0.05'))).toEqual([`${AT1}El campo valorISC es requerido`]);
    const consistent = (doc: XNode) =>
      setTexts(insertAfter(doc, `${TOT}/totalITBMS`, el('totalISC', '1.00')), {
        [`${ITEM1}/valorTotal`]: '22.40',
        [`${TOT}/totalMontoGravado`]: '2.40',
        [`${TOT}/totalTodosItems`]: '27.90',
        [`${TOT}/totalFactura`]: '27.90',
        [`${TOT}/vuelto`]: '2.10',
      });
    expect(validate(consistent(withIsc('0.05', '1.00')))).toEqual([]);
    expect(validate(consistent(withIsc('5.00', '1.00')))).toEqual([]); // percentage reading, §7.11
    expect(validate(consistent(withIsc('0.06', '1.00')))).toEqual([
      `${AT1}El campo valorISC es inválido (declarado 1.00, calculado 1.20)`,
    ]);
    expect(validate(remove(consistent(withIsc('0.05', '1.00')), `${TOT}/totalISC`))).toEqual([
      'El campo totalISC es requerido',
      'El campo totalMontoGravado es inválido (declarado 2.40, calculado 1.40)',
    ]);
  });

  it('includes per-item freight, insurance and OTI in valorTotal', () => {
    const doc = insertAfter(
      insertAfter(BASE, `${ITEM1}/precioItem`, el('precioAcarreo', '1.00')),
      `${ITEM1}/precioAcarreo`,
      el('precioSeguro', '0.50'),
    );
    expect(validate(doc)).toContain(`${AT1}El campo valorTotal es inválido (declarado 21.40, calculado 22.90)`);
  });
});

describe('simulator validation: totals', () => {
  it.each<[string, Record<string, string>, string[]]>([
    [
      'totalPrecioNeto',
      { [`${TOT}/totalPrecioNeto`]: '25.52' },
      ['El campo totalPrecioNeto es inválido (declarado 25.52, calculado 25.50)'],
    ],
    [
      'totalTodosItems',
      { [`${TOT}/totalTodosItems`]: '26.80' },
      [
        'El campo totalTodosItems es inválido (declarado 26.80, calculado 26.90)',
        'El campo totalFactura es inválido (declarado 26.90, calculado 26.80)',
      ],
    ],
    [
      'totalMontoGravado',
      { [`${TOT}/totalMontoGravado`]: '0.00' },
      ['El campo totalMontoGravado es inválido (declarado 0.00, calculado 1.40)'],
    ],
    ['vuelto', { [`${TOT}/vuelto`]: '3.00' }, ['El campo vuelto es inválido (declarado 3.00, calculado 3.10)']],
    [
      'totalValorRecibido vs payments',
      { [`${TOT}/totalValorRecibido`]: '31.00' },
      [
        'El campo totalValorRecibido es inválido (declarado 31.00, calculado 30.00)',
        'El campo vuelto es inválido (declarado 3.10, calculado 4.10)',
      ],
    ],
    ['nroItems', { [`${TOT}/nroItems`]: '3' }, ['El campo nroItems es inválido (declarado 3, calculado 2)']],
    [
      'payments that do not cover the total',
      {
        [`${TOT}/totalValorRecibido`]: '20.00',
        [`${TOT}/vuelto`]: '0.00',
        [`${TOT}/listaFormaPago/formaPago/valorCuotaPagada`]: '20.00',
      },
      [
        'El campo vuelto es inválido (declarado 0.00, calculado -6.90)',
        'El campo totalValorRecibido es inválido (20.00 es menor que totalFactura 26.90)',
      ],
    ],
  ])('checks %s', (_field, values, expected) => {
    expect(validate(setTexts(BASE, values))).toEqual(expected);
  });

  it('accepts a document without vuelto (sent only when there is change)', () => {
    const exact = setTexts(remove(BASE, `${TOT}/vuelto`), {
      [`${TOT}/totalValorRecibido`]: '26.90',
      [`${TOT}/listaFormaPago/formaPago/valorCuotaPagada`]: '26.90',
    });
    expect(validate(exact)).toEqual([]);
  });

  it('subtracts global discounts after ITBMS and requires their total', () => {
    const discount = el('listaDescBonificacion', [
      group('descuentoBonificacion', { descDescuento: 'Promoción', montoDescuento: '1.90' }),
    ]);
    const withList = insertAfter(BASE, `${TOT}/totalTodosItems`, discount);
    expect(validate(withList)).toEqual(['El campo totalDescuento es requerido']);
    const complete = setTexts(insertAfter(withList, `${TOT}/totalMontoGravado`, el('totalDescuento', '1.90')), {
      [`${TOT}/totalFactura`]: '25.00',
      [`${TOT}/vuelto`]: '5.00',
    });
    expect(validate(complete)).toEqual([]);
  });

  it('rejects freight on the items and on the invoice at once (§2.12 rule 5)', () => {
    const doc = setTexts(
      insertAfter(
        insertAfter(BASE, `${ITEM1}/precioItem`, el('precioAcarreo', '1.00')),
        `${TOT}/totalMontoGravado`,
        el('totalAcarreoCobrado', '2.00'),
      ),
      {
        [`${ITEM1}/valorTotal`]: '22.40',
        [`${TOT}/totalTodosItems`]: '27.90',
        [`${TOT}/totalFactura`]: '29.90',
        [`${TOT}/vuelto`]: '0.10',
      },
    );
    expect(validate(doc)).toEqual(['El campo totalAcarreoCobrado no debe ser informado']);
    expect(validate(setText(doc, `${TOT}/totalAcarreoCobrado`, '0.00'))).toContain(
      'El campo totalFactura es inválido (declarado 29.90, calculado 27.90)',
    );
  });
});

describe('simulator validation: OTI totals and withholding', () => {
  const oti = (codigo: string, valor: string) => group('oti', { tasaOTI: codigo, valorTasa: valor });
  const totalOti = (codigo: string, valor: string) =>
    group('totalOti', { codigoTotalOTI: codigo, valorTotalOTI: valor });
  const withOti = (...totals: XNode[]) => {
    const doc = setTexts(
      insertAfter(BASE, `${ITEM1}/valorITBMS`, el('listaItemOTI', [oti('01', '0.50'), oti('02', '0.02')])),
      {
        [`${ITEM1}/valorTotal`]: '21.92',
        [`${TOT}/totalMontoGravado`]: '1.92',
        [`${TOT}/totalFactura`]: '27.42',
        [`${TOT}/totalTodosItems`]: '27.42',
        [`${TOT}/vuelto`]: '2.58',
      },
    );
    return totals.length === 0 ? doc : append(doc, TOT, el('listaTotalOTI', totals));
  };

  it.each<[string, XNode, string[]]>([
    ['one total per code', withOti(totalOti('01', '0.50'), totalOti('02', '0.02')), []],
    [
      'no listaTotalOTI',
      withOti(),
      [
        'El campo totalMontoGravado es inválido (declarado 1.92, calculado 1.40)',
        'El campo listaTotalOTI es requerido',
      ],
    ],
    [
      'a wrong code total',
      withOti(totalOti('01', '0.60'), totalOti('02', '0.02')),
      [
        'El campo totalMontoGravado es inválido (declarado 1.92, calculado 2.02)',
        'En la ocurrencia 1 de TotalOti, El campo valorTotalOTI es inválido (declarado 0.60, calculado 0.50)',
      ],
    ],
    [
      'a missing code, a repeated code and a code no item uses',
      withOti(totalOti('01', '0.50'), totalOti('01', '0.50'), totalOti('05', '0.02')),
      [
        'El campo totalMontoGravado es inválido (declarado 1.92, calculado 2.42)',
        'En la ocurrencia 2 de TotalOti, El campo codigoTotalOTI es inválido (el código 01 está repetido)',
        'En la ocurrencia 3 de TotalOti, El campo codigoTotalOTI es inválido (ningún ítem tiene el código 05)',
        'El campo listaTotalOTI es inválido (falta el código 02)',
      ],
    ],
  ])('%s', (_case, doc, expected) => {
    expect(validate(doc)).toEqual(expected);
  });

  const retencion = (codigo: string, monto: string) =>
    append(BASE, TOT, group('retencion', { codigoRetencion: codigo, montoRetencion: monto }));

  it.each<[string, string, string[]]>([
    ['1', '1.40', []],
    ['1', '1.00', ['El campo montoRetencion es inválido (declarado 1.00, calculado 1.40)']],
    ['2', '0.70', []],
    ['7', '1.40', ['El campo montoRetencion es inválido (declarado 1.40, calculado 0.70)']],
    ['8', '0.33', []],
    ['5', '0.70', ['El campo codigoRetencion es inválido']],
  ])('withholding code %s of %s', (codigo, monto, expected) => {
    expect(validate(retencion(codigo, monto))).toEqual(expected);
  });
});

describe('simulator validation: several problems at once', () => {
  it('reports every problem, not only the first', () => {
    const doc = setTexts(remove(BASE, 'datosTransaccion/tipoEmision'), {
      'datosTransaccion/cliente/pais': 'CO',
      [`${ITEM2}/valorITBMS`]: '0.55',
      [`${ITEM2}/cantidad`]: '1',
      [`${TOT}/tiempoPago`]: '2',
    });
    expect(validate(doc)).toEqual([
      'El campo tipoEmision es requerido',
      'En la ocurrencia 2 de Item, El campo cantidad es inválido',
      'El campo pais es inválido (debe ser PA cuando destinoOperacion es 1)',
      'El campo listaPagoPlazo es requerido',
      'En la ocurrencia 2 de Item, El campo valorITBMS es inválido (declarado 0.55, calculado 0.00)',
      'En la ocurrencia 2 de Item, El campo valorTotal es inválido (declarado 5.50, calculado 6.05)',
      'El campo totalITBMS es inválido (declarado 1.40, calculado 1.95)',
    ]);
  });
});
