// Building blocks for the document schemas: field formats of REFERENCE.md §2 and Spanish messages.
// Each field carries its own message ("la tasa de ITBMS no es válida"); violations.ts adds the
// location prefix ("Ítem 2: ").
import { z } from 'zod';
import { DGI_EMAIL_PATTERN } from './dgi-catalogues';
import { DECIMAL_2_PATTERN, DECIMAL_6_PATTERN, MAX_LINE_INTEGER_DIGITS } from './money';
import { xmlIllegalCharacter, xmlIllegalMessage } from './xml-text';

type Gender = 'm' | 'f';

/** Error callback: "<noun> es obligatorio/a" when absent, "<noun> no es válido/a" otherwise. */
export function fieldError(noun: string, gender: Gender = 'm'): (issue: { input: unknown }) => string {
  const ending = gender === 'f' ? 'a' : 'o';
  return (issue) =>
    issue.input === undefined || issue.input === null || issue.input === ''
      ? `${noun} es obligatori${ending}`
      : `${noun} no es válid${ending}`;
}

/** A code from a catalogue (z.enum) with a Spanish message. */
export function code<const T extends readonly [string, ...string[]]>(codes: T, noun: string, gender: Gender = 'm') {
  return z.enum(codes, { error: fieldError(noun, gender) });
}

/**
 * Text with DGI length limits, trimmed (a scanner's trailing CR/LF goes with the whitespace); an all-blank text counts
 * as absent. Characters XML 1.0 cannot carry are refused (xml-text.ts): HKA could not even read the request.
 */
export function text(min: number, max: number, noun: string, gender: Gender = 'm') {
  const invalid = fieldError(noun, gender);
  return z
    .string({ error: invalid })
    .trim()
    .min(min, { error: (i) => (i.input === '' ? invalid(i) : `${noun} debe tener al menos ${min} caracteres`) })
    .max(max, { error: `${noun} admite como máximo ${max} caracteres` })
    .superRefine((value, ctx) => {
      const character = xmlIllegalCharacter(value);
      if (character !== undefined) {
        ctx.addIssue({
          code: 'custom',
          message: xmlIllegalMessage(noun, character),
          params: { rule: 'xml_illegal_character' },
        });
      }
    });
}

/** Amount of a line with up to 6 decimals and the DGI's 9 integer digits (montoTipo06), as a decimal string. */
export function amount6(noun: string, gender: Gender = 'm') {
  return z
    .string({ error: fieldError(noun, gender) })
    .regex(DECIMAL_6_PATTERN, { error: `${noun} debe ser un número positivo con hasta 6 decimales` })
    .refine((v) => (v.split('.')[0] ?? '').replace(/^0+(?=\d)/, '').length <= MAX_LINE_INTEGER_DIGITS, {
      error: `${noun} admite como máximo ${MAX_LINE_INTEGER_DIGITS} cifras enteras (999999999)`,
      params: { rule: 'line_amount_too_large' },
    });
}

/** Amount with up to 2 decimals (document level), as a decimal string. */
export function amount2(noun: string, gender: Gender = 'm') {
  return z.string({ error: fieldError(noun, gender) }).regex(DECIMAL_2_PATTERN, {
    error: `${noun} debe ser un número positivo con hasta 2 decimales`,
  });
}

/** Strictly positive amount with up to 6 decimals (quantities). */
export function positive6(noun: string, gender: Gender = 'm') {
  // zod runs a refinement even after the format check failed: only a well-formed amount is compared. A well-formed
  // amount is only digits and a point, so it is above zero exactly when one digit is not 0 (no decimal.js parse).
  return amount6(noun, gender).refine((v) => !DECIMAL_6_PATTERN.test(v) || /[1-9]/.test(v), {
    error: `${noun} debe ser mayor que cero`,
  });
}

/** `AAAA-MM-DDThh:mm:ss-05:00`: DGI dates always carry an offset (REFERENCE.md §1.8, §4.2). */
export const FECHA_TZ_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})[+-](\d{2}):(\d{2})$/;

export function isRealFechaTz(value: string): boolean {
  const m = FECHA_TZ_PATTERN.exec(value);
  if (!m) return false;
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, offH = 0, offM = 0] = m.slice(1).map(Number);
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59 || offH > 14 || offM > 59) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day >= 1 && day <= daysInMonth;
}

/** A DGI date-time in Panamá time: HKA's format fixes the offset at -05:00 (REFERENCE.md §2.2). */
export function fechaTz(noun: string, gender: Gender = 'f') {
  return z.string({ error: fieldError(noun, gender) }).refine((v) => isRealFechaTz(v) && v.endsWith('-05:00'), {
    error: `${noun} debe tener el formato AAAA-MM-DDThh:mm:ss-05:00`,
  });
}

/** `AAAA-MM-DD` (item manufacture/expiry dates). */
export function fechaYmd(noun: string, gender: Gender = 'f') {
  return z
    .string({ error: fieldError(noun, gender) })
    .refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && isRealFechaTz(`${v}T00:00:00-05:00`), {
      error: `${noun} debe tener el formato AAAA-MM-DD`,
    });
}

export const PHONE_PATTERN = /^(\d{3,4}-\d{4}|\d{6}-\d{3,4}-\d{4})$/;

export function phone(noun: string) {
  return z.string({ error: fieldError(noun) }).regex(PHONE_PATTERN, {
    error: `${noun} debe tener la forma 999-9999, 9999-9999 o 999999-9999-9999`,
  });
}

export function email(noun: string) {
  return z
    .string({ error: fieldError(noun) })
    .max(50, { error: `${noun} admite como máximo 50 caracteres` })
    .regex(DGI_EMAIL_PATTERN, { error: `${noun} no es válido` });
}
