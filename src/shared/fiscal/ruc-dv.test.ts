import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeDv, normalizeRuc, verifyDv } from './ruc-dv';
import type { TipoRuc } from './ruc-dv';

import {
  DGI_PROCEDURE_EXAMPLES,
  REAL_DOCUMENT_DVS,
  JURIDICO_VECTORS,
  CEDULA_VECTORS,
  NT_VECTORS,
  UNVERIFIABLE_VECTORS,
  E_FOUR_DIGIT_TOMO_VECTORS,
} from './ruc-dv.vectors.fixture';

describe('computeDv: the DGI procedure v201805', () => {
  it.each(DGI_PROCEDURE_EXAMPLES)('%s: %s → %s', (_example, ruc, tipo, dv) => {
    expect(computeDv(ruc, tipo)).toEqual({ status: 'ok', dv });
    expect(verifyDv(ruc, dv, tipo)).toEqual({ status: 'valid' });
    expect(verifyDv(ruc, dv === '99' ? '98' : '99', tipo)).toEqual({ status: 'mismatch', expected: dv });
  });

  it.each(E_FOUR_DIGIT_TOMO_VECTORS)('published vector %s → %s follows example 12', (ruc, dv) => {
    expect(computeDv(ruc, '1')).toEqual({ status: 'ok', dv });
  });

  it('computes the 4-digit tomo cédula of every province the same way (no unverifiable left for them)', () => {
    expect(computeDv('8-2743-1253')).toEqual({ status: 'ok', dv: '31' });
    expect(computeDv('13-1234-12345', '1').status).toBe('ok');
  });
});

describe('computeDv', () => {
  it.each(REAL_DOCUMENT_DVS)('reproduces the DV of real documents: %s → %s', (ruc, dv) => {
    expect(computeDv(ruc, '2')).toEqual({ status: 'ok', dv });
    expect(computeDv(ruc)).toEqual({ status: 'ok', dv });
  });

  it.each(JURIDICO_VECTORS)('reproduces jurídico vector %s → %s', (ruc, dv) => {
    expect(computeDv(ruc, '2')).toEqual({ status: 'ok', dv });
    expect(computeDv(ruc)).toEqual({ status: 'ok', dv });
  });

  it.each(CEDULA_VECTORS)('reproduces cédula vector %s → %s', (ruc, dv) => {
    expect(computeDv(ruc, '1')).toEqual({ status: 'ok', dv });
    expect(computeDv(ruc)).toEqual({ status: 'ok', dv });
  });

  it.each(NT_VECTORS)('computes NT %s with tipoRuc %s → %s', (ruc, tipo, dv) => {
    expect(computeDv(ruc, tipo)).toEqual({ status: 'ok', dv });
  });

  it('does not guess the type of an NT RUC', () => {
    const result = computeDv('8-NT-1-13656');
    expect(result.status).toBe('unverifiable');
    expect(result.status === 'unverifiable' && result.reason).toMatch(/natural o jurídica/);
  });

  it.each(UNVERIFIABLE_VECTORS.map(([ruc, dv, tipo]) => ({ ruc, dv, tipo })))(
    'calls $ruc unverifiable (published DV $dv)',
    ({ ruc, tipo }) => {
      expect(computeDv(ruc, tipo)).toEqual({
        status: 'unverifiable',
        reason: 'El DV de este tipo de RUC no es verificable localmente; consúltelo con la DGI (ConsultarRucDV).',
      });
    },
  );

  it('uses the type to choose the layout of a 1–2-digit first part', () => {
    expect(computeDv('29-29-29', '1')).toEqual({ status: 'ok', dv: '15' });
    expect(computeDv('8-442-445', '2')).toEqual({ status: 'ok', dv: '20' });
    // Up to 13 it is a province: cédula unless told otherwise.
    expect(computeDv('13PI-1-196')).toEqual({ status: 'ok', dv: '58' });
    expect(computeDv('13-1-196')).toEqual(computeDv('13-1-196', '1'));
    expect(computeDv('14-1-196')).toEqual(computeDv('14-1-196', '2'));
  });

  it('ignores tipoRuc 1 for a jurídico-shaped RUC (no cédula layout fits it)', () => {
    expect(computeDv('155596713-2-2015', '1')).toEqual({ status: 'ok', dv: '59' });
  });

  it('accepts lowercase and spaces', () => {
    expect(computeDv(' e-8-127702 ')).toEqual({ status: 'ok', dv: '16' });
    expect(computeDv('155596713 - 2 - 2015')).toEqual({ status: 'ok', dv: '59' });
    expect(computeDv('8pi-1-80')).toEqual({ status: 'ok', dv: '05' });
  });

  it('always returns two digits', () => {
    fc.assert(
      // Up to 99999999-9999-999999: the longest that fits the 20 characters of dRuc.
      fc.property(
        fc.integer({ min: 100, max: 99_999_999 }),
        fc.integer({ min: 1, max: 9999 }),
        fc.integer({ min: 1, max: 999_999 }),
        (a, b, c) => {
          const result = computeDv(`${a}-${b}-${c}`);
          return result.status === 'ok' && /^\d{2}$/.test(result.dv);
        },
      ),
    );
  });

  it.each([
    ['', 'El RUC está vacío'],
    ['   ', 'El RUC está vacío'],
    ['PAS1311723564', 'El RUC no tiene un formato válido'],
    ['E', 'El RUC no tiene un formato válido'],
    ['8-442', 'El RUC no tiene un formato válido'],
    ['8-442-445-1', 'El RUC no tiene un formato válido'],
    ['8-A-445', 'El RUC no tiene un formato válido'],
    ['8--445', 'El RUC no tiene un formato válido'],
    ['-8-442-445', 'El RUC no tiene un formato válido'],
    ['X-1-1', 'El RUC no tiene un formato válido'],
    ['123AV-1-1', 'El RUC no tiene un formato válido'],
    ['8NT-1-14694', 'El RUC no tiene un formato válido'],
    ['8-NT-1-X', 'El RUC no tiene un formato válido'],
    ['155596713-2-2015.', 'El RUC no tiene un formato válido'],
    ['155596713-2-20151234567', 'El RUC no puede tener más de 20 caracteres'],
  ])('rejects malformed RUC %j', (ruc, reason) => {
    expect(computeDv(ruc)).toEqual({ status: 'invalid', reason });
  });

  it('rejects a cédula form declared as jurídico', () => {
    for (const ruc of ['E-8-127702', 'N-45-832', 'PE-10-442', '8AV-1-196', '8PI-1-80']) {
      expect(computeDv(ruc, '2')).toEqual({
        status: 'invalid',
        reason: 'Un RUC con formato de cédula (E, N, PE, AV o PI) es de persona natural, no jurídica',
      });
    }
  });

  it('rejects an unknown tipoRuc from untyped callers', () => {
    expect(computeDv('8-442-445', '3' as TipoRuc).status).toBe('invalid');
  });
});

describe('verifyDv', () => {
  it('accepts the DV of every reproduced vector and reports the expected one otherwise', () => {
    const typed = [
      ...[...REAL_DOCUMENT_DVS, ...JURIDICO_VECTORS].map(([ruc, dv]) => [ruc, dv, '2'] as const),
      ...CEDULA_VECTORS.map(([ruc, dv]) => [ruc, dv, '1'] as const),
    ];
    for (const [ruc, dv, tipo] of typed) {
      expect(verifyDv(ruc, dv)).toEqual({ status: 'valid' });
      expect(verifyDv(ruc, dv, tipo)).toEqual({ status: 'valid' });
      const wrong = dv === '99' ? '98' : '99';
      expect(verifyDv(ruc, wrong, tipo)).toEqual({ status: 'mismatch', expected: dv });
    }
  });

  it('checks NT DVs with the type, and accepts either reading without it', () => {
    expect(verifyDv('8-NT-1-13656', '43', '2')).toEqual({ status: 'valid' });
    expect(verifyDv('8-NT-1-13656', '02', '2')).toEqual({ status: 'mismatch', expected: '43' });
    expect(verifyDv('8-NT-1-13656', '43')).toEqual({ status: 'valid' });
    expect(verifyDv('8-NT-1-13656', '02')).toEqual({ status: 'valid' });
    // Wrong under both readings: we cannot say which DV to expect, so never a mismatch.
    expect(verifyDv('8-NT-1-13656', '11').status).toBe('unverifiable');
  });

  it('never reports a mismatch for the DVs it cannot reproduce', () => {
    for (const [ruc, dv, tipo] of UNVERIFIABLE_VECTORS) {
      expect(verifyDv(ruc, dv, tipo).status).toBe('unverifiable');
    }
  });

  it('accepts either layout of a 1–2-digit first part when the type is not given', () => {
    expect(verifyDv('29-29-29', '56')).toEqual({ status: 'valid' });
    expect(verifyDv('29-29-29', '15')).toEqual({ status: 'valid' });
    expect(verifyDv('29-29-29', '15', '2')).toEqual({ status: 'mismatch', expected: '56' });
    expect(verifyDv('8-442-445', '20')).toEqual({ status: 'valid' }); // jurídico reading of the same text
    expect(verifyDv('8-442-445', '20', '1')).toEqual({ status: 'mismatch', expected: '08' });
  });

  it.each(['5', '059', 'ab', '', '5 9', '-1'])('rejects DV %j: it must be two digits', (dv) => {
    expect(verifyDv('155596713-2-2015', dv)).toEqual({
      status: 'invalid',
      reason: 'El DV debe tener exactamente dos dígitos',
    });
  });

  it('passes malformed RUCs through as invalid', () => {
    expect(verifyDv('PAS1311723564', '12')).toEqual({ status: 'invalid', reason: 'El RUC no tiene un formato válido' });
  });
});

describe('normalizeRuc', () => {
  it('trims, uppercases and removes inner spaces', () => {
    expect(normalizeRuc('  e - 8 - 127702 ')).toBe('E-8-127702');
    expect(normalizeRuc('8pi-1-80')).toBe('8PI-1-80');
    expect(normalizeRuc('155596713-2-2015')).toBe('155596713-2-2015');
    expect(normalizeRuc('\t8-nt-1-13656\n')).toBe('8-NT-1-13656');
  });
});
