import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCufe, cufeCheckDigit, isValidCufe, parseCufe } from './cufe';
import { verifyDv } from './ruc-dv';
import type { TipoRuc } from './ruc-dv';

import { REAL_CUFES } from './cufe.vectors.fixture';

/** HKA wiki EstadoDocumento sample (§1.6.2): edited by hand, its check digit does not verify. */
const WIKI_EDITED_CUFE = 'FE01100000000000-000-0000-4000002023032000000010992260127062273602';
const WORKED = REAL_CUFES[0]?.[0] ?? '';
const CHECK_DIGIT_REASON = 'El dígito verificador del CUFE no es válido';

/** Replaces the character at 0-based `index`. */
const replaceAt = (text: string, index: number, char: string): string =>
  text.slice(0, index) + char + text.slice(index + 1);

describe('parseCufe', () => {
  it.each(REAL_CUFES)('parses and verifies the real CUFE %s', (cufe, parts) => {
    expect(parseCufe(cufe)).toEqual({ ok: true, parts });
    expect(isValidCufe(cufe)).toBe(true);
    expect(cufeCheckDigit(cufe.slice(2, 65))).toBe(cufe.slice(65));
    // The issuer DV inside each real CUFE is also what the local DV algorithm computes.
    expect(verifyDv(parts.ruc, parts.dv, parts.tipoRuc as TipoRuc)).toEqual({ status: 'valid' });
  });

  it.each(REAL_CUFES)('round-trips %s through buildCufe', (cufe) => {
    const parsed = parseCufe(cufe);
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(buildCufe(parsed.parts)).toBe(cufe);
  });

  it('rejects the hand-edited wiki sample only for its check digit', () => {
    expect(WIKI_EDITED_CUFE).toHaveLength(66);
    expect(parseCufe(WIKI_EDITED_CUFE)).toEqual({ ok: false, reason: CHECK_DIGIT_REASON });
    const repaired = replaceAt(WIKI_EDITED_CUFE, 65, cufeCheckDigit(WIKI_EDITED_CUFE.slice(2, 65)));
    expect(parseCufe(repaired).ok).toBe(true);
    // A RUC made of zeros keeps one zero before its first hyphen.
    const parsed = parseCufe(repaired);
    expect(parsed.ok && parsed.parts.ruc).toBe('0-000-0000');
  });

  it.each(REAL_CUFES)('rejects every other check digit of %s', (cufe) => {
    for (const digit of '0123456789') {
      if (digit === cufe[65]) continue;
      expect(parseCufe(replaceAt(cufe, 65, digit))).toEqual({ ok: false, reason: CHECK_DIGIT_REASON });
    }
    expect(parseCufe(replaceAt(cufe, 65, 'X'))).toEqual({ ok: false, reason: CHECK_DIGIT_REASON });
  });

  it.each([
    ['', 'El CUFE debe tener 66 caracteres'],
    [WORKED.slice(0, 65), 'El CUFE debe tener 66 caracteres'],
    [WORKED + '0', 'El CUFE debe tener 66 caracteres'],
    [` ${WORKED.slice(1)}`, 'El CUFE debe comenzar con "FE"'],
    ['fe' + WORKED.slice(2), 'El CUFE debe comenzar con "FE"'],
    ['Fe' + WORKED.slice(2), 'El CUFE debe comenzar con "FE"'],
  ])('rejects a bad length or prefix (%j)', (cufe, reason) => {
    expect(parseCufe(cufe)).toEqual({ ok: false, reason });
    expect(isValidCufe(cufe)).toBe(false);
  });

  // [0-based index, replacement, reason]: one bad character in each field of the worked example.
  it.each([
    [2, 'A', 'El tipo de documento del CUFE no es válido'],
    [3, ' ', 'El tipo de documento del CUFE no es válido'],
    [4, '3', 'El tipo de RUC del CUFE debe ser 1 o 2'],
    [4, 'J', 'El tipo de RUC del CUFE debe ser 1 o 2'],
    [10, 'a', 'El RUC del emisor en el CUFE no es válido'],
    [10, '_', 'El RUC del emisor en el CUFE no es válido'],
    [24, '-', 'El RUC del emisor en el CUFE no es válido'],
    [25, '0', 'Falta el guion entre el RUC y el DV del emisor en el CUFE'],
    [26, 'X', 'El DV del emisor en el CUFE no es válido'],
    [31, 'O', 'El código de sucursal del CUFE no es válido'],
    [33, 'O', 'La fecha de emisión del CUFE no es válida'],
    [36, '3', 'La fecha de emisión del CUFE no es válida'], // month 35
    [45, 'B', 'El número de documento fiscal del CUFE no es válido'],
    [52, '-', 'El punto de facturación del CUFE no es válido'],
    [54, 'I', 'El tipo de emisión del CUFE no es válido'],
    [55, '3', 'El ambiente del CUFE debe ser 1 o 2'],
    [60, 'S', 'El código de seguridad del CUFE no es válido'],
  ])('rejects a bad character at index %i (%j)', (index, char, reason) => {
    expect(parseCufe(replaceAt(WORKED, index, char))).toEqual({ ok: false, reason });
  });

  it('rejects impossible calendar dates', () => {
    // The worked example's date sits at indexes 32-39 ('20190528').
    for (const date of ['20190230', '20190431', '20190000', '20190100', '20230229', '00000101']) {
      expect(parseCufe(WORKED.slice(0, 32) + date + WORKED.slice(40)).ok).toBe(false);
    }
    const leapDay = WORKED.slice(0, 32) + '20240229' + WORKED.slice(40, 65);
    expect(isValidCufe(leapDay + cufeCheckDigit(leapDay.slice(2)))).toBe(true);
  });
});

describe('cufeCheckDigit', () => {
  it('is the Luhn check digit of the digit string', () => {
    expect(cufeCheckDigit('7992739871')).toBe('3'); // the textbook Luhn example
    expect(cufeCheckDigit('0')).toBe('0');
  });

  it('replaces each non-digit by the last digit of its ASCII code', () => {
    const substitutions: readonly (readonly [string, string])[] = [
      ['-', '5'],
      ['E', '9'],
      ['N', '8'],
      ['P', '0'],
      ['A', '5'],
      ['V', '6'],
      ['T', '4'],
      ['I', '3'],
    ];
    for (const [char, digit] of substitutions) {
      for (const position of [0, 1, 2, 7]) {
        const body = '12345678'.split('');
        body[position] = char;
        const withChar = body.join('');
        body[position] = digit;
        expect(cufeCheckDigit(withChar)).toBe(cufeCheckDigit(body.join('')));
      }
    }
    const body = WORKED.slice(2, 65);
    expect(cufeCheckDigit(body)).toBe(cufeCheckDigit(body.replaceAll('-', '5')));
  });

  it.each(['', 'abc', '12 34', '12_34', '1ñ'])('throws on text it is not defined for (%j)', (body) => {
    expect(() => cufeCheckDigit(body)).toThrow(Error);
  });
});

type BuildParts = Parameters<typeof buildCufe>[0];
const WORKED_PARTS: BuildParts = {
  tipoDocumento: '01',
  tipoRuc: '2',
  ruc: '155596713-2-2015',
  dv: '59',
  codigoSucursal: '0001',
  fechaEmision: '20190528',
  numeroDocumentoFiscal: '5500015',
  puntoFacturacion: '565',
  tipoEmision: '01',
  ambiente: '2',
  codigoSeguridad: '156674904',
};

describe('buildCufe', () => {
  it('pads the RUC to 20 and the document number to 10', () => {
    expect(buildCufe(WORKED_PARTS)).toBe(WORKED);
    expect(buildCufe({ ...WORKED_PARTS, numeroDocumentoFiscal: '0005500015' })).toBe(WORKED);
  });

  it.each([
    ['tipoDocumento', '1'],
    ['tipoRuc', '3'],
    ['ruc', ''],
    ['ruc', '155596713-2-2015-00000'],
    ['ruc', 'e-8-127702'],
    ['ruc', '-8-1'],
    ['ruc', '8--1'],
    ['dv', '5'],
    ['codigoSucursal', '1'],
    ['fechaEmision', '2019-05-28'],
    ['fechaEmision', '20190532'],
    ['numeroDocumentoFiscal', ''],
    ['numeroDocumentoFiscal', '12345678901'],
    ['numeroDocumentoFiscal', '12a'],
    ['puntoFacturacion', '5650'],
    ['tipoEmision', '1'],
    ['ambiente', '0'],
    ['codigoSeguridad', '15667490'],
  ])('throws when %s is %j', (field, value) => {
    expect(() => buildCufe({ ...WORKED_PARTS, [field]: value })).toThrow(new RegExp(`Invalid CUFE part ${field}`));
  });
});

describe('CUFE properties', () => {
  const digitString = (length: number) =>
    fc.integer({ min: 0, max: 10 ** length - 1 }).map((n) => String(n).padStart(length, '0'));
  const positive = (max: number) => fc.integer({ min: 1, max }).map(String);
  // RUCs of every §5.3 form, at most 20 characters, none starting with 0 (so unpadding gives them back unchanged).
  const ruc = fc.oneof(
    fc.tuple(positive(99_999_999), positive(9999), positive(999_999)).map((p) => p.join('-')),
    fc.tuple(positive(13), positive(9999), positive(99_999)).map((p) => p.join('-')),
    fc.tuple(fc.constantFrom('E', 'N', 'PE'), positive(9999), positive(999_999)).map((p) => p.join('-')),
    fc
      .tuple(positive(13), fc.constantFrom('AV', 'PI'), positive(999), positive(99_999))
      .map(([p, l, t, a]) => `${p}${l}-${t}-${a}`),
    fc.tuple(positive(13), positive(999), positive(999_999)).map(([p, t, a]) => `${p}-NT-${t}-${a}`),
  );
  const date = fc
    .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10).replaceAll('-', ''));
  const parts: fc.Arbitrary<BuildParts> = fc.record({
    tipoDocumento: fc.constantFrom('01', '02', '03', '04', '05', '06', '07', '08', '09', '10'),
    tipoRuc: fc.constantFrom('1', '2'),
    ruc,
    dv: digitString(2),
    codigoSucursal: digitString(4),
    fechaEmision: date,
    numeroDocumentoFiscal: fc.stringMatching(/^[1-9]\d{0,9}$/), // 1 to 10 digits, padded by buildCufe
    puntoFacturacion: digitString(3),
    tipoEmision: fc.constantFrom('01', '02', '03', '04'),
    ambiente: fc.constantFrom('1', '2'),
    codigoSeguridad: digitString(9),
  });

  it('buildCufe of valid parts always parses back to the same parts and verifies', () => {
    fc.assert(
      fc.property(parts, (input) => {
        const cufe = buildCufe(input);
        const parsed = parseCufe(cufe);
        expect(parsed.ok).toBe(true);
        if (!parsed.ok) return;
        expect(parsed.parts).toEqual({
          ...input,
          numeroDocumentoFiscal: input.numeroDocumentoFiscal.padStart(10, '0'),
          rucPadded: input.ruc.padStart(20, '0'),
          checkDigit: cufe.slice(65),
        });
        expect(buildCufe(parsed.parts)).toBe(cufe);
      }),
    );
  });

  it('changing any one digit of the body breaks the check digit (Luhn catches single-digit errors)', () => {
    fc.assert(
      fc.property(parts, fc.integer({ min: 2, max: 64 }), fc.integer({ min: 1, max: 9 }), (input, index, delta) => {
        const cufe = buildCufe(input);
        const char = cufe.charAt(index);
        fc.pre(/\d/.test(char));
        const changed = replaceAt(cufe, index, String((Number(char) + delta) % 10));
        expect(isValidCufe(changed)).toBe(false);
        // Even when every field still has a valid shape, it is the check digit that fails.
        const reparsed = parseCufe(changed.slice(0, 65) + cufeCheckDigit(changed.slice(2, 65)));
        if (reparsed.ok) expect(parseCufe(changed)).toEqual({ ok: false, reason: CHECK_DIGIT_REASON });
      }),
    );
  });
});
