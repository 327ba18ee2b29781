// Field formats of HKA's `documento`, written in the wiki's own notation (REFERENCE.md §2) so each table row can be
// compared with the reference by eye: `AN|..50`, `AN|5..100`, `N|2`, `N|1..9|2.6` (1–9 integer digits, 2–6
// decimals), `N|1..11|2` (exactly 2 decimals), `N|1..9|0.6` (0–6 decimals, point optional when none).
// Independent of src/shared/fiscal/field-rules.ts on purpose: the simulator checks HKA's contract, not our reading of it.
// (Only the DGI's data — the e-mail pattern and code lists — is shared.)
import { DGI_EMAIL_PATTERN } from '../../../../shared/fiscal/dgi-catalogues';

export type FieldFormat =
  | { kind: 'text'; min: number; max: number }
  | { kind: 'digits'; min: number; max: number; notAllZeros: boolean }
  | { kind: 'number'; intMin: number; intMax: number; decMin: number; decMax: number }
  | { kind: 'code'; codes: readonly string[] }
  | { kind: 'dateTime' }
  | { kind: 'date' }
  | { kind: 'email' }
  | { kind: 'phone' }
  | { kind: 'phoneDgi' };

function range(spec: string, notation: string): [number, number] {
  const exact = /^(\d+)$/.exec(spec);
  if (exact) return [Number(exact[1]), Number(exact[1])];
  const span = /^(\d*)\.\.(\d+)$/.exec(spec);
  if (!span) throw new Error(`Bad HKA format notation: ${notation}`);
  return [span[1] ? Number(span[1]) : 1, Number(span[2])];
}

/** Parses the wiki notation once, at module load; a typo in a table fails every test immediately. */
export function hka(notation: string): FieldFormat {
  const [type, length, decimals] = notation.split('|');
  if (type === 'AN' && length !== undefined && decimals === undefined) {
    const [min, max] = range(length, notation);
    return { kind: 'text', min, max };
  }
  if (type === 'N' && length !== undefined && decimals === undefined) {
    const [min, max] = range(length, notation);
    return { kind: 'digits', min, max, notAllZeros: false };
  }
  if (type === 'N' && length !== undefined && decimals !== undefined) {
    const [intMin, intMax] = range(length, notation);
    const dec = /^(\d+)(?:\.(\d+))?$/.exec(decimals);
    if (!dec) throw new Error(`Bad HKA format notation: ${notation}`);
    const decMin = Number(dec[1]);
    return { kind: 'number', intMin, intMax, decMin, decMax: dec[2] === undefined ? decMin : Number(dec[2]) };
  }
  throw new Error(`Bad HKA format notation: ${notation}`);
}

/** Document and billing-point numbers: digits, but never all zeros (DGI dNroDF, dPtoFacDF). */
export function notAllZeros(format: FieldFormat): FieldFormat {
  if (format.kind !== 'digits') throw new Error('notAllZeros applies to digit fields only');
  return { ...format, notAllZeros: true };
}

/** A closed code list; catalogues are the records of src/shared/fiscal/codes.ts, arrays or sets. */
export function code(
  catalogue: Readonly<Record<string, unknown>> | readonly string[] | ReadonlySet<string>,
): FieldFormat {
  if (catalogue instanceof Set) return { kind: 'code', codes: [...(catalogue as ReadonlySet<string>)] };
  return { kind: 'code', codes: Array.isArray(catalogue) ? catalogue : Object.keys(catalogue) };
}

export const DATE_TIME: FieldFormat = { kind: 'dateTime' };
export const DATE: FieldFormat = { kind: 'date' };
export const EMAIL: FieldFormat = { kind: 'email' };
export const PHONE: FieldFormat = { kind: 'phone' };
/** The delivery phones of gLcEntr: only the DGI's two short forms, 999-9999 and 9999-9999. */
export const PHONE_DGI: FieldFormat = { kind: 'phoneDgi' };

/** `AAAA-MM-DDThh:mm:ss-05:00`: HKA writes the Panamá offset in every date format it documents (§1.8). */
const DATE_TIME_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})-05:00$/;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
/** The four forms of §2.3: 999-9999, 9999-9999, 999999-999-9999, 999999-9999-9999. */
const PHONE_PATTERN = /^(\d{3,4}-\d{4}|\d{6}-\d{3,4}-\d{4})$/;
/**
 * The DGI XSD e-mail pattern (dCorElectRec), rewritten without its nested quantifier (`([-.\w]*[…])*`, which can
 * backtrack exponentially); it accepts exactly the same strings. Domain labels have at least 2 characters, as in the XSD.
 */
const EMAIL_MAX = 50;

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isHkaDateTime(value: string): boolean {
  const m = DATE_TIME_PATTERN.exec(value);
  if (!m) return false;
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = m.slice(1).map(Number);
  return isRealDate(year, month, day) && hour <= 23 && minute <= 59 && second <= 59;
}

function isHkaDate(value: string): boolean {
  const m = DATE_PATTERN.exec(value);
  if (!m) return false;
  const [year = 0, month = 0, day = 0] = m.slice(1).map(Number);
  return isRealDate(year, month, day);
}

function isNumber(value: string, f: Extract<FieldFormat, { kind: 'number' }>): boolean {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(value);
  if (!m) return false;
  const intDigits = (m[1] ?? '').length;
  const decDigits = m[2]?.length ?? 0;
  return intDigits >= f.intMin && intDigits <= f.intMax && decDigits >= f.decMin && decDigits <= f.decMax;
}

/** Whether a present (non-empty) value has the format; lengths count characters, not UTF-16 units. */
export function conforms(value: string, format: FieldFormat): boolean {
  switch (format.kind) {
    case 'text': {
      const length = [...value].length;
      return length >= format.min && length <= format.max;
    }
    case 'digits':
      return (
        /^\d+$/.test(value) &&
        value.length >= format.min &&
        value.length <= format.max &&
        !(format.notAllZeros && /^0+$/.test(value))
      );
    case 'number':
      return isNumber(value, format);
    case 'code':
      return format.codes.includes(value);
    case 'dateTime':
      return isHkaDateTime(value);
    case 'date':
      return isHkaDate(value);
    case 'email':
      return value.length <= EMAIL_MAX && DGI_EMAIL_PATTERN.test(value);
    case 'phone':
      return PHONE_PATTERN.test(value);
    case 'phoneDgi':
      return /^\d{3,4}-\d{4}$/.test(value);
  }
}

/** Epoch milliseconds of an HKA date-time already known to conform. */
export function dateTimeMillis(value: string): number {
  return Date.parse(value);
}
