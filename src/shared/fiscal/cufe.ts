// CUFE (código único de factura electrónica, DGI `dId` / HKA `cufe`): layout and check digit (REFERENCE.md §5.5).
//
// 66 characters: "FE" + fixed-width fields + one Luhn check digit. The layout was confirmed by decoding five real
// CUFEs, so parseCufe is strict: a CUFE that does not fit it is not one we can trust (e.g. to reference it from a
// credit note). The issuer's DV inside is NOT re-verified here: use verifyDv(parts.ruc, parts.dv, parts.tipoRuc).

export interface CufeParts {
  tipoDocumento: string; // pos 3-4, e.g. '01'
  tipoRuc: string; // pos 5, '1' | '2'
  rucPadded: string; // pos 6-25 as in the CUFE (20 chars, left-padded with '0', hyphens kept)
  ruc: string; // rucPadded without the left '0' padding
  dv: string; // pos 27-28 (pos 26 is '-')
  codigoSucursal: string; // pos 29-32
  fechaEmision: string; // pos 33-40 'YYYYMMDD'
  numeroDocumentoFiscal: string; // pos 41-50 (10 digits)
  puntoFacturacion: string; // pos 51-53
  tipoEmision: string; // pos 54-55
  ambiente: string; // pos 56, '1' production | '2' test
  codigoSeguridad: string; // pos 57-65, 9 digits (dSeg)
  checkDigit: string; // pos 66
}

export type CufeParse = { ok: true; parts: CufeParts } | { ok: false; reason: string };

const CUFE_LENGTH = 66;
const RUC_WIDTH = 20;
const NRO_DF_WIDTH = 10;

/** A RUC as it may appear in the CUFE: digits and capital letters in hyphen-separated groups (§5.3 forms). */
const RUC_TEXT = /^[0-9A-Z]+(-[0-9A-Z]+)*$/;
/** Characters the check-digit substitution is defined for: digits, capital letters (RUC forms) and '-'. */
const BODY_CHARS = /^[0-9A-Z-]+$/;

const digits = (n: number): RegExp => new RegExp(`^\\d{${n}}$`);

function isValidYyyymmdd(value: string): boolean {
  if (!digits(8).test(value)) return false;
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(4, 6));
  const day = Number(value.slice(6, 8));
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const daysInMonth = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day <= daysInMonth;
}

/**
 * The Luhn check digit of positions 3–65 after the DGI substitution: every non-digit becomes the second digit of its
 * decimal ASCII code ('-' = 45 → 5, 'E' = 69 → 9, …). All allowed characters have two-digit codes, so that is code % 10.
 */
export function cufeCheckDigit(bodyWithoutFeAndCheck: string): string {
  if (!BODY_CHARS.test(bodyWithoutFeAndCheck)) {
    throw new Error('CUFE body must be non-empty and contain only digits, capital letters and hyphens');
  }
  let sum = 0;
  let double = true; // the rightmost digit of the payload is doubled (its check digit will sit to its right)
  for (let i = bodyWithoutFeAndCheck.length - 1; i >= 0; i--) {
    const code = bodyWithoutFeAndCheck.charCodeAt(i);
    let digit = code >= 48 && code <= 57 ? code - 48 : code % 10;
    if (double) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
    double = !double;
  }
  return String((10 - (sum % 10)) % 10);
}

/** Removes the CUFE's '0' padding; a RUC that itself starts with 0 keeps one ('…0-0-0' → '0-0-0', not '-0-0'). */
function unpadRuc(rucPadded: string): string {
  const stripped = rucPadded.replace(/^0+/, '');
  return stripped === '' || !/^[0-9A-Z]/.test(stripped) ? '0' + stripped : stripped;
}

interface FieldRule {
  readonly test: (value: string) => boolean;
  readonly reason: string;
}

/** Field checks shared by parseCufe (Spanish reasons for people) and buildCufe (shape errors for the simulator). */
const FIELD_RULES = {
  tipoDocumento: { test: (v) => digits(2).test(v), reason: 'El tipo de documento del CUFE no es válido' },
  tipoRuc: { test: (v) => v === '1' || v === '2', reason: 'El tipo de RUC del CUFE debe ser 1 o 2' },
  dv: { test: (v) => digits(2).test(v), reason: 'El DV del emisor en el CUFE no es válido' },
  codigoSucursal: { test: (v) => digits(4).test(v), reason: 'El código de sucursal del CUFE no es válido' },
  fechaEmision: { test: isValidYyyymmdd, reason: 'La fecha de emisión del CUFE no es válida' },
  numeroDocumentoFiscal: {
    test: (v) => digits(NRO_DF_WIDTH).test(v),
    reason: 'El número de documento fiscal del CUFE no es válido',
  },
  puntoFacturacion: { test: (v) => digits(3).test(v), reason: 'El punto de facturación del CUFE no es válido' },
  tipoEmision: { test: (v) => digits(2).test(v), reason: 'El tipo de emisión del CUFE no es válido' },
  ambiente: { test: (v) => v === '1' || v === '2', reason: 'El ambiente del CUFE debe ser 1 o 2' },
  codigoSeguridad: { test: (v) => digits(9).test(v), reason: 'El código de seguridad del CUFE no es válido' },
} as const satisfies Record<string, FieldRule>;

type CheckedField = keyof typeof FIELD_RULES;
const FIELD_ORDER: readonly CheckedField[] = [
  'tipoDocumento',
  'tipoRuc',
  'dv',
  'codigoSucursal',
  'fechaEmision',
  'numeroDocumentoFiscal',
  'puntoFacturacion',
  'tipoEmision',
  'ambiente',
  'codigoSeguridad',
];

const REASON_CHECK_DIGIT = 'El dígito verificador del CUFE no es válido';

/** Splits and checks a CUFE; the first problem found is reported, in Spanish. */
export function parseCufe(cufe: string): CufeParse {
  if (cufe.length !== CUFE_LENGTH) return { ok: false, reason: `El CUFE debe tener ${CUFE_LENGTH} caracteres` };
  if (!cufe.startsWith('FE')) return { ok: false, reason: 'El CUFE debe comenzar con "FE"' };
  const rucPadded = cufe.slice(5, 25);
  const parts: CufeParts = {
    tipoDocumento: cufe.slice(2, 4),
    tipoRuc: cufe.slice(4, 5),
    rucPadded,
    ruc: unpadRuc(rucPadded),
    dv: cufe.slice(26, 28),
    codigoSucursal: cufe.slice(28, 32),
    fechaEmision: cufe.slice(32, 40),
    numeroDocumentoFiscal: cufe.slice(40, 50),
    puntoFacturacion: cufe.slice(50, 53),
    tipoEmision: cufe.slice(53, 55),
    ambiente: cufe.slice(55, 56),
    codigoSeguridad: cufe.slice(56, 65),
    checkDigit: cufe.slice(65, 66),
  };
  if (!FIELD_RULES.tipoDocumento.test(parts.tipoDocumento))
    return { ok: false, reason: FIELD_RULES.tipoDocumento.reason };
  if (!FIELD_RULES.tipoRuc.test(parts.tipoRuc)) return { ok: false, reason: FIELD_RULES.tipoRuc.reason };
  if (!RUC_TEXT.test(parts.ruc)) return { ok: false, reason: 'El RUC del emisor en el CUFE no es válido' };
  if (cufe[25] !== '-') return { ok: false, reason: 'Falta el guion entre el RUC y el DV del emisor en el CUFE' };
  for (const field of FIELD_ORDER) {
    const rule: FieldRule = FIELD_RULES[field];
    if (!rule.test(parts[field])) return { ok: false, reason: rule.reason };
  }
  if (!digits(1).test(parts.checkDigit) || cufeCheckDigit(cufe.slice(2, 65)) !== parts.checkDigit) {
    return { ok: false, reason: REASON_CHECK_DIGIT };
  }
  return { ok: true, parts };
}

export function isValidCufe(cufe: string): boolean {
  return parseCufe(cufe).ok;
}

/**
 * Assembles a CUFE (used by the HKA simulator). Pads the RUC to 20 and the document number to 10; every other part
 * must already have its exact shape. Throws a plain Error naming the bad part: this is programmer input, not user input.
 */
export function buildCufe(parts: Omit<CufeParts, 'checkDigit' | 'rucPadded'>): string {
  if (!RUC_TEXT.test(parts.ruc) || parts.ruc.length > RUC_WIDTH) {
    throw new Error(
      `Invalid CUFE part ruc: expected up to ${RUC_WIDTH} digits/capital letters/hyphens, got "${parts.ruc}"`,
    );
  }
  if (!/^\d{1,10}$/.test(parts.numeroDocumentoFiscal)) {
    throw new Error(
      `Invalid CUFE part numeroDocumentoFiscal: expected 1 to ${NRO_DF_WIDTH} digits, got "${parts.numeroDocumentoFiscal}"`,
    );
  }
  const fields = { ...parts, numeroDocumentoFiscal: parts.numeroDocumentoFiscal.padStart(NRO_DF_WIDTH, '0') };
  for (const field of FIELD_ORDER) {
    const rule: FieldRule = FIELD_RULES[field];
    if (!rule.test(fields[field])) throw new Error(`Invalid CUFE part ${field}: "${fields[field]}"`);
  }
  const body =
    fields.tipoDocumento +
    fields.tipoRuc +
    fields.ruc.padStart(RUC_WIDTH, '0') +
    '-' +
    fields.dv +
    fields.codigoSucursal +
    fields.fechaEmision +
    fields.numeroDocumentoFiscal +
    fields.puntoFacturacion +
    fields.tipoEmision +
    fields.ambiente +
    fields.codigoSeguridad;
  return 'FE' + body + cufeCheckDigit(body);
}
