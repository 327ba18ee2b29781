// Field tables: required fields, empty and nil elements, code lists, formats and lengths, list limits, and HKA's WCF
// reading of element order (§1.8). Each case states the exact, complete list of messages.
import { describe, expect, it } from 'vitest';
import type { XNode } from '../../xml/xnode';
import { validateDocumento } from './validate-documento';
import { BASE, CTX, append, edit, el, insertAfter, remove, setText, setTexts } from './validation-kit.fixture';

const validate = (doc: XNode) => validateDocumento(doc, CTX);
const DT = 'datosTransaccion';
const ITEM1 = 'listaItems/item[1]';

describe('simulator validation: field tables', () => {
  it('accepts the hand-written base document', () => {
    expect(validate(BASE)).toEqual([]);
  });

  it.each<[string, (d: XNode) => XNode, string[]]>([
    ['a missing top-level field', (d) => remove(d, `${DT}/tipoEmision`), ['El campo tipoEmision es requerido']],
    [
      'an empty element (counts as absent)',
      (d) => setText(d, `${DT}/tipoEmision`, ''),
      ['El campo tipoEmision es requerido'],
    ],
    [
      'an i:nil element',
      (d) => edit(d, `${DT}/tipoEmision`, (n) => ({ ...n, attrs: { nil: 'true' } })),
      ['El campo tipoEmision es requerido'],
    ],
    ['a missing required group', (d) => remove(d, 'totalesSubTotales'), ['El campo totalesSubTotales es requerido']],
    [
      'a missing item field',
      (d) => remove(d, 'listaItems/item[2]/descripcion'),
      ['En la ocurrencia 2 de Item, El campo descripcion es requerido'],
    ],
    [
      'a missing payment field',
      (d) => remove(d, 'totalesSubTotales/listaFormaPago/formaPago/formaPagoFact'),
      ['En la ocurrencia 1 de FormaPago, El campo formaPagoFact es requerido'],
    ],
    [
      'a code outside the catalogue',
      (d) => setText(d, `${DT}/tipoDocumento`, '11'),
      ['El campo tipoDocumento es inválido'],
    ],
    [
      'a code without its leading zero',
      (d) => setText(d, `${ITEM1}/tasaITBMS`, '1'),
      ['En la ocurrencia 1 de Item, El campo tasaITBMS es inválido'],
    ],
    [
      'billing point 000',
      (d) => setText(d, `${DT}/puntoFacturacionFiscal`, '000'),
      ['El campo puntoFacturacionFiscal es inválido'],
    ],
    [
      'billing point not padded',
      (d) => setText(d, `${DT}/puntoFacturacionFiscal`, '1'),
      ['El campo puntoFacturacionFiscal es inválido'],
    ],
    [
      'document number of 11 digits',
      (d) => setText(d, `${DT}/numeroDocumentoFiscal`, '12345678901'),
      ['El campo numeroDocumentoFiscal es inválido'],
    ],
    [
      'document number all zeros',
      (d) => setText(d, `${DT}/numeroDocumentoFiscal`, '0000000000'),
      ['El campo numeroDocumentoFiscal es inválido'],
    ],
    [
      'a date without the -05:00 offset',
      (d) => setText(d, `${DT}/fechaEmision`, '2026-11-28T10:15:00'),
      ['El campo fechaEmision es inválido'],
    ],
    [
      'a date in UTC',
      (d) => setText(d, `${DT}/fechaEmision`, '2026-11-28T15:15:00Z'),
      ['El campo fechaEmision es inválido'],
    ],
    [
      'a date that does not exist',
      (d) => setText(d, `${DT}/fechaEmision`, '2026-02-30T10:15:00-05:00'),
      ['El campo fechaEmision es inválido'],
    ],
    [
      'an item date in the wrong format',
      (d) => insertAfter(d, `${ITEM1}/cantidad`, el('fechaCaducidad', '28/11/2027')),
      ['En la ocurrencia 1 de Item, El campo fechaCaducidad es inválido'],
    ],
    [
      'a 1-character description (AN|2..500)',
      (d) => setText(d, `${ITEM1}/descripcion`, 'A'),
      ['En la ocurrencia 1 de Item, El campo descripcion es inválido'],
    ],
    [
      'a quantity without decimals (N|1..9|2.6)',
      (d) => setText(d, `${ITEM1}/cantidad`, '2'),
      ['En la ocurrencia 1 de Item, El campo cantidad es inválido'],
    ],
    [
      'a quantity with 7 decimals',
      (d) => setText(d, `${ITEM1}/cantidad`, '2.0000000'),
      ['En la ocurrencia 1 de Item, El campo cantidad es inválido'],
    ],
    [
      'a total with 1 decimal (N|1..11|2)',
      (d) => setText(d, 'totalesSubTotales/totalITBMS', '1.4'),
      ['El campo totalITBMS es inválido'],
    ],
    [
      'a total with a comma',
      (d) => setText(d, 'totalesSubTotales/totalITBMS', '1,40'),
      ['El campo totalITBMS es inválido'],
    ],
    [
      'a negative amount',
      (d) => setText(d, 'listaItems/item[2]/valorITBMS', '-0.00'),
      ['En la ocurrencia 2 de Item, El campo valorITBMS es inválido'],
    ],
    [
      'nroItems with decimals',
      (d) => setText(d, 'totalesSubTotales/nroItems', '2.0'),
      ['El campo nroItems es inválido'],
    ],
    [
      'a branch code of 3 characters',
      (d) => setText(d, 'codigoSucursalEmisor', '000'),
      ['El campo codigoSucursalEmisor es inválido'],
    ],
    [
      'a phone in no allowed form',
      (d) => insertAfter(d, `${DT}/cliente/tipoClienteFE`, el('telefono1', '2234567')),
      ['El campo telefono1 es inválido'],
    ],
    [
      'an e-mail without domain',
      (d) => insertAfter(d, `${DT}/cliente/tipoClienteFE`, el('correoElectronico1', 'ventas@tienda')),
      ['El campo correoElectronico1 es inválido'],
    ],
    ['a country outside the DGI list', (d) => setText(d, `${DT}/cliente/pais`, 'XX'), ['El campo pais es inválido']],
  ])('reports %s', (_case, mutate, expected) => {
    expect(validate(mutate(BASE))).toEqual(expected);
  });

  it('locates a field of a list inside a list: "En la ocurrencia 1 de Item, En la ocurrencia 2 de Oti, …"', () => {
    const otis = el('listaItemOTI', [
      el('oti', [el('tasaOTI', '01'), el('valorTasa', '0.00')]),
      el('oti', [el('tasaOTI', '12'), el('valorTasa', '0.00')]),
    ]);
    const doc = append(
      insertAfter(BASE, `${ITEM1}/valorITBMS`, otis),
      'totalesSubTotales',
      el('listaTotalOTI', [el('totalOti', [el('codigoTotalOTI', '01'), el('valorTotalOTI', '0.00')])]),
    );
    expect(validate(doc)).toEqual([
      'En la ocurrencia 1 de Item, En la ocurrencia 2 de Oti, El campo tasaOTI es inválido',
    ]);
  });

  it('accepts every phone form of §2.3 and an e-mail the DGI pattern allows', () => {
    for (const phone of ['223-4567', '6123-4567', '507123-223-4567', '507123-6123-4567']) {
      const doc = insertAfter(BASE, `${DT}/cliente/tipoClienteFE`, el('telefono1', phone));
      expect(validate(doc), phone).toEqual([]);
    }
    const mail = insertAfter(
      BASE,
      `${DT}/cliente/tipoClienteFE`,
      el('correoElectronico1', 'compras.pa-01@tienda.com.pa'),
    );
    expect(validate(mail)).toEqual([]);
  });

  it('counts lengths in characters, not bytes (accents are one character)', () => {
    expect(validate(setText(BASE, `${ITEM1}/descripcion`, 'Ñá'))).toEqual([]);
  });
});

describe('simulator validation: element order as HKA reads it (§1.8)', () => {
  it('treats an element that arrives after one that should follow it as absent', () => {
    const tipoDocumento = el('tipoDocumento', '01');
    const moved = insertAfter(remove(BASE, `${DT}/tipoDocumento`), `${DT}/fechaEmision`, tipoDocumento);
    expect(validate(moved)).toEqual(['El campo tipoDocumento es requerido']);
  });

  it('loses everything an early element skips over: valorITBMS before valorTotal and tasaITBMS', () => {
    const valorITBMS = el('valorITBMS', '1.40');
    const moved = insertAfter(remove(BASE, `${ITEM1}/valorITBMS`), `${ITEM1}/precioItem`, valorITBMS);
    expect(validate(moved)).toEqual([
      'En la ocurrencia 1 de Item, El campo valorTotal es requerido',
      'En la ocurrencia 1 de Item, El campo tasaITBMS es requerido',
    ]);
  });

  it('ignores unknown elements silently, wherever they are', () => {
    const doc = insertAfter(
      insertAfter(BASE, `${DT}/tipoEmision`, el('campoNuevo', 'x')),
      `${ITEM1}/descripcion`,
      el('sku', '123'),
    );
    expect(validate(doc)).toEqual([]);
  });

  it('reads the first of two repeated elements and ignores the second', () => {
    expect(validate(insertAfter(BASE, `${DT}/cliente/pais`, el('pais', 'CO')))).toEqual([]);
    expect(
      validate(insertAfter(setText(BASE, `${DT}/cliente/pais`, 'CO'), `${DT}/cliente/pais`, el('pais', 'PA'))),
    ).toEqual(['El campo pais es inválido (debe ser PA cuando destinoOperacion es 1)']);
  });

  it('accepts the OTI total item under both spellings (totalOti, totalOTI)', () => {
    const withOti = (itemName: string) =>
      append(
        setTexts(
          insertAfter(
            BASE,
            `${ITEM1}/valorITBMS`,
            el('listaItemOTI', [el('oti', [el('tasaOTI', '01'), el('valorTasa', '0.50')])]),
          ),
          {
            [`${ITEM1}/valorTotal`]: '21.90',
            'totalesSubTotales/totalMontoGravado': '1.90',
            'totalesSubTotales/totalFactura': '27.40',
            'totalesSubTotales/totalTodosItems': '27.40',
            'totalesSubTotales/vuelto': '2.60',
          },
        ),
        'totalesSubTotales',
        el('listaTotalOTI', [el(itemName, [el('codigoTotalOTI', '01'), el('valorTotalOTI', '0.50')])]),
      );
    expect(validate(withOti('totalOti'))).toEqual([]);
    expect(validate(withOti('totalOTI'))).toEqual([]);
  });
});

describe('simulator validation: list limits', () => {
  it('requires at least one item', () => {
    const empty = edit(BASE, 'listaItems', (n) => ({ ...n, children: [] }));
    expect(validate(empty)).toContain('El campo listaItems es requerido');
  });

  it('accepts 1000 items and rejects 1001', () => {
    const withItems = (count: number) =>
      edit(BASE, 'listaItems', (n) => ({
        ...n,
        children: Array.from({ length: count }, () => n.children[1] as XNode),
      }));
    const limit = 'El campo listaItems es inválido (máximo 1000 ocurrencias)';
    expect(validate(withItems(1000))).not.toContain(limit);
    expect(validate(withItems(1001))).toContain(limit);
  });

  it('rejects more than 10 payment forms', () => {
    const pagos = edit(BASE, 'totalesSubTotales/listaFormaPago', (n) => ({
      ...n,
      children: Array.from({ length: 11 }, () => n.children[0] as XNode),
    }));
    expect(validate(pagos)).toContain('El campo listaFormaPago es inválido (máximo 10 ocurrencias)');
  });
});
