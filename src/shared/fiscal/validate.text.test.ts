// Free text HKA can parse (issue 12 §2): characters XML 1.0 cannot carry are refused with a Spanish message that names
// the field; what a scanner adds around a code (CR/LF, tab) is trimmed; XML-looking text is ordinary text.
import { describe, expect, it } from 'vitest';
import { CONTRIBUYENTE, aSale, anItem } from '../../../tests/fixtures/fiscal-documents';
import { validateDocument } from './validate';

function violations(input: unknown) {
  const result = validateDocument(input);
  return result.ok ? [] : result.violations;
}

describe('text fields refuse what XML 1.0 cannot carry', () => {
  it.each([
    [
      'ESC in a description',
      aSale({ items: [anItem({ descripcion: 'Arroz\u001b[0m' })] }),
      'items[0].descripcion',
      'Ítem 1: la descripción contiene un carácter no permitido (U+001B); bórrelo y escriba el texto de nuevo',
    ],
    [
      'NUL in a customer name',
      aSale({ cliente: { ...CONTRIBUYENTE, razonSocial: 'ACME\u0000 S.A.' } }),
      'cliente.razonSocial',
      'Cliente: la razón social contiene un carácter no permitido (U+0000); bórrelo y escriba el texto de nuevo',
    ],
    [
      'U+FFFF in an address',
      aSale({ cliente: { ...CONTRIBUYENTE, direccion: 'Calle 50 \uffff' } }),
      'cliente.direccion',
      'Cliente: la dirección contiene un carácter no permitido (U+FFFF); bórrelo y escriba el texto de nuevo',
    ],
    [
      'a lone surrogate in item information',
      aSale({ items: [anItem({ infoItem: 'lote \ud83d' })] }),
      'items[0].infoItem',
      'Ítem 1: la información del ítem contiene un carácter no permitido (U+D83D); bórrelo y escriba el texto de nuevo',
    ],
    [
      'a form feed inside a code',
      aSale({ items: [anItem({ codigo: 'P0\u000c01' })] }),
      'items[0].codigo',
      'Ítem 1: el código contiene un carácter no permitido (U+000C); bórrelo y escriba el texto de nuevo',
    ],
    [
      'a control character in the contingency reason',
      aSale({
        tipoEmision: '02',
        contingencia: { fechaInicio: '2026-11-28T08:00:00-05:00', motivo: 'Sin internet\u0007 en la sucursal' },
      }),
      'contingencia.motivo',
      'Contingencia: el motivo de la contingencia contiene un carácter no permitido (U+0007); bórrelo y escriba el texto de nuevo',
    ],
  ])('%s', (_what, doc, path, message) => {
    expect(violations(doc)).toContainEqual({ path, message, rule: 'xml_illegal_character' });
  });

  it('trims what a scanner adds around a code (trailing CR/LF, tab) instead of refusing the sale', () => {
    const result = validateDocument(
      aSale({ items: [anItem({ codigo: 'P001\r\n', descripcion: '\tArroz Blanco 5 lb\n' })] }),
    );
    expect(result.ok).toBe(true);
    if (result.ok)
      expect([result.document.items[0]?.codigo, result.document.items[0]?.descripcion]).toEqual([
        'P001',
        'Arroz Blanco 5 lb',
      ]);
  });

  it('keeps tab, line breaks, accents, emoji and XML-looking text inside a text as they are', () => {
    const infoItem = 'Línea 1\nLínea\t2 &amp; &cV; <b>ñ</b> ]]> \u{1F600}';
    const result = validateDocument(aSale({ items: [anItem({ infoItem })] }));
    expect(result.ok && result.document.items[0]?.infoItem).toBe(infoItem);
  });
});

describe('amounts beyond the DGI digit limits are refused locally', () => {
  it.each([
    [
      'a 10-digit quantity',
      anItem({ cantidad: '1000000000' }),
      'items[0].cantidad',
      'Ítem 1: la cantidad admite como máximo 9 cifras enteras (999999999)',
    ],
    [
      'a 10-digit unit price',
      anItem({ precioUnitario: '1234567890.5' }),
      'items[0].precioUnitario',
      'Ítem 1: el precio unitario admite como máximo 9 cifras enteras (999999999)',
    ],
    [
      'a 10-digit OTI amount',
      anItem({ otis: [{ codigo: '01', valor: '1000000000' }] }),
      'items[0].otis[0].valor',
      'Ítem 1, Otro impuesto 1: el valor del otro impuesto o tasa admite como máximo 9 cifras enteras (999999999)',
    ],
  ])('%s', (_what, item, path, message) => {
    expect(violations(aSale({ items: [item] }))).toContainEqual({ path, message, rule: 'line_amount_too_large' });
  });

  it('refuses a line whose computed amount has 10 integer digits, though each input fits', () => {
    // 999 999 999 × 2 = 1 999 999 998 (10 digits), + 7 % ITBMS
    const found = violations(aSale({ items: [anItem({ cantidad: '2', precioUnitario: '999999999' })] }));
    expect(found).toContainEqual({
      path: 'items[0]',
      rule: 'line_amount_too_large',
      message: 'Ítem 1: el precio del ítem (1999999998.00) supera el máximo de la DGI (999999999.99); divida la línea',
    });
    expect(found.map((v) => v.rule)).not.toContain('total_too_large');
  });

  it('accepts the largest line amounts the DGI allows, leading zeros included', () => {
    const result = validateDocument(
      aSale({
        items: [anItem({ cantidad: '1', precioUnitario: '0999999999.99', tasaItbms: '00' })],
        pagos: [{ formaPagoFact: '03', valorCuotaPagada: '999999999.99' }],
      }),
    );
    expect(result.ok ? [] : result.violations).toEqual([]);
  });
});

describe('validation never throws on malformed amounts (found by the till-first property test)', () => {
  it('reports a unit discount that is not a number instead of throwing', () => {
    expect(() => validateDocument(aSale({ items: [anItem({ precioUnitarioDescuento: 'abc' })] }))).not.toThrow();
    expect(violations(aSale({ items: [anItem({ precioUnitarioDescuento: 'abc' })] })).map((v) => v.path)).toEqual([
      'items[0].precioUnitarioDescuento',
    ]);
    expect(() =>
      validateDocument(aSale({ items: [anItem({ precioUnitario: '1e3', precioUnitarioDescuento: '0.5' })] })),
    ).not.toThrow();
  });
});
