// DV (dígito verificador) of a Panamanian RUC, computed locally (REFERENCE.md §5.3, §5.4).
//
// The DGI algorithm: build a digit string from the RUC (Step 1), then two rounds of a weighted mod 11 (Steps 2-3).
// Where the published implementations disagree or were never confirmed (4-digit tomos, long asientos) we answer
// 'unverifiable' instead of guessing: a false "DV incorrecto" would stop a sale over a valid RUC, while
// 'unverifiable' only sends the caller to HKA's ConsultarRucDV.
//
// Sources: the DGI's own procedure, "Algoritmo para el cálculo del dígito verificador (DV)", versión 201805 ([DGI]:
// its worked examples 1–12 and its closing note are the first vectors in ruc-dv.test.ts); [DV1]
// github.com/apple314159/panama-dv; [PRC] github.com/juancorradine/Panama-RUC-DV-Calculator (ships that PDF).
//
// Forms the DGI procedure defines and we therefore compute: a cédula with a 4-digit tomo (example 4a, 8-2743-1253 →
// 31: the same layout with one more tomo digit); E with a 4-digit tomo and an asiento of up to 5 digits (example 12,
// E-8788-26 → 50: the DGI sums only the nine digits of tomo and asiento); NT with a 7-digit asiento (closing note: the
// last two digits are dropped and the 5-digit rule applies). The procedure's example 12 names N and PE too, but the
// published N vectors ([DV2]) do not follow it, so N/PE with a 4-digit tomo stay 'unverifiable'; AV/PI with a 4-digit
// tomo are not in the procedure at all.
//
// NT RUCs: REFERENCE.md could not reproduce them because it used the natural layout ("5" + P + "43"…) for all. [PRC]
// builds jurídico NT strings WITHOUT the leading "5", which gives 43 for 8-NT-1-13656 (MINISTERIO DE EDUCACION, DV 43
// in HKA's wiki). The two layouts give different DVs for the same text, so NT is only computed when the caller says
// which type it is.

export type TipoRuc = '1' | '2'; // 1 = natural (cédula forms), 2 = jurídico

export type DvComputation =
  { status: 'ok'; dv: string } | { status: 'unverifiable'; reason: string } | { status: 'invalid'; reason: string };

export type DvCheck =
  | { status: 'valid' }
  | { status: 'mismatch'; expected: string }
  | { status: 'unverifiable'; reason: string }
  | { status: 'invalid'; reason: string };

const REASON_FORMAT = 'El RUC no tiene un formato válido';
const REASON_EMPTY = 'El RUC está vacío';
const REASON_TOO_LONG = 'El RUC no puede tener más de 20 caracteres';
const REASON_TIPO = 'El tipo de RUC debe ser 1 (natural) o 2 (jurídico)';
const REASON_CEDULA_JURIDICO = 'Un RUC con formato de cédula (E, N, PE, AV o PI) es de persona natural, no jurídica';
const REASON_DV_FORMAT = 'El DV debe tener exactamente dos dígitos';
const REASON_UNVERIFIABLE =
  'El DV de este tipo de RUC no es verificable localmente; consúltelo con la DGI (ConsultarRucDV).';
const REASON_NT_NEEDS_TIPO =
  'El DV de un RUC NT depende de si es de persona natural o jurídica; indique el tipo de RUC o consúltelo con la DGI (ConsultarRucDV).';

/** The XSD `dRuc` allows at most 20 characters, and the CUFE reserves exactly 20 for it. */
const MAX_RUC_LENGTH = 20;
/** Highest cédula province code (13 = Panamá Oeste); a larger 1–2-digit first part can only be an old jurídico. */
const MAX_PROVINCE = 13;

/** Old-style jurídico cross-reference for base[5..6] (§5.4 table; keys not listed stay as they are). */
const OLD_STYLE_TABLE: Readonly<Record<string, string>> = {
  '00': '00',
  '10': '01',
  '11': '02',
  '12': '03',
  '13': '04',
  '14': '05',
  '15': '06',
  '16': '07',
  '17': '08',
  '18': '09',
  '19': '01',
  '20': '02',
  '21': '03',
  '22': '04',
  '23': '07',
  '24': '08',
  '25': '09',
  '26': '02',
  '27': '03',
  '28': '04',
  '29': '05',
  '30': '06',
  '31': '07',
  '32': '08',
  '33': '09',
  '34': '01',
  '35': '02',
  '36': '03',
  '37': '04',
  '38': '05',
  '39': '06',
  '40': '07',
  '41': '08',
  '42': '09',
  '43': '01',
  '44': '02',
  '45': '03',
  '46': '04',
  '47': '05',
  '48': '06',
  '49': '07',
};

type CedulaLetter = '' | 'E' | 'N' | 'PE' | 'AV' | 'PI';

/** Two-digit code that replaces the letters in the digit string (§5.4 Step 1). */
const LETTER_CODE: Readonly<Record<CedulaLetter, string>> = {
  '': '00',
  E: '50',
  N: '40',
  PE: '75',
  AV: '15',
  PI: '79',
};
const NT_CODE = '43';

/** What the text of a RUC says, before deciding which digit layout applies. */
type RucShape =
  | { form: 'numeric'; first: string; tomo: string; asiento: string } // P-T-A cédula or A-B-C jurídico
  | { form: 'lettered'; letter: Exclude<CedulaLetter, ''>; province: string; tomo: string; asiento: string }
  | { form: 'nt'; province: string; tomo: string; asiento: string };

/** Trims, uppercases and removes inner spaces ("8 - 442 - 445" → "8-442-445"); hyphens are kept as typed. */
export function normalizeRuc(ruc: string): string {
  return ruc.replace(/\s+/g, '').toUpperCase();
}

const DIGITS = /^\d+$/;

function parseShape(ruc: string): RucShape | undefined {
  const parts = ruc.split('-');
  if (parts.length === 4) {
    const [province = '', nt, tomo = '', asiento = ''] = parts;
    if (nt !== 'NT' || !/^\d{1,2}$/.test(province) || !DIGITS.test(tomo) || !DIGITS.test(asiento)) return undefined;
    return { form: 'nt', province, tomo, asiento };
  }
  if (parts.length !== 3) return undefined;
  const [first = '', tomo = '', asiento = ''] = parts;
  if (!DIGITS.test(tomo) || !DIGITS.test(asiento)) return undefined;
  if (first === 'E' || first === 'N' || first === 'PE')
    return { form: 'lettered', letter: first, province: '', tomo, asiento };
  const avPi = /^(\d{1,2})(AV|PI)$/.exec(first);
  if (avPi) {
    const [, province = '', letter] = avPi;
    return { form: 'lettered', letter: letter === 'AV' ? 'AV' : 'PI', province, tomo, asiento };
  }
  if (DIGITS.test(first)) return { form: 'numeric', first, tomo, asiento };
  return undefined;
}

/**
 * Step 2: weights 2, 3, 4, … from the rightmost digit. Old-style jurídicos use weight 11 twice (…, 10, 11, 11, 12, …),
 * as DGI's DV_RUC procedure does. Sums stay far below 2^53, so plain numbers are exact.
 */
function mod11(digits: string, oldStyle: boolean): number {
  let weight = 2;
  let elevenRepeated = !oldStyle;
  let sum = 0;
  for (let i = digits.length - 1; i >= 0; i--) {
    if (!elevenRepeated && weight === 12) {
      weight = 11;
      elevenRepeated = true;
    }
    sum += weight * (digits.charCodeAt(i) - 48);
    weight++;
  }
  const r = sum % 11;
  return r > 1 ? 11 - r : 0;
}

/** Step 3: DV1 over the base, DV2 over base + DV1. */
function twoDigitDv(base: string, oldStyle: boolean): string {
  const dv1 = mod11(base, oldStyle);
  const dv2 = mod11(base + String(dv1), oldStyle);
  return `${dv1}${dv2}`;
}

const pad = (value: string, width: number): string => value.padStart(width, '0');

function juridicoDv(first: string, tomo: string, asiento: string): DvComputation {
  // Parts longer than their field are kept whole (padStart never cuts), as in [DV1], whose vectors need it.
  let base = pad(first, 10) + pad(tomo, 4) + pad(asiento, 6);
  const oldStyle = base[3] === '0' && base[4] === '0' && (base[5] ?? '9') < '5';
  if (oldStyle) {
    const key = base.slice(5, 7);
    base = base.slice(0, 5) + (OLD_STYLE_TABLE[key] ?? key) + base.slice(7);
  }
  return { status: 'ok', dv: twoDigitDv(base, oldStyle) };
}

const unverifiable = (reason = REASON_UNVERIFIABLE): DvComputation => ({ status: 'unverifiable', reason });

/**
 * Cédula forms: tomo of up to 3 digits with an asiento of up to 5 (6 for E and N, kept whole: [DGI] example 8a), plus
 * the two 4-digit-tomo forms of [DGI] (plain cédula with a province, example 4a; E, example 12). Anything longer is
 * not in the procedure and published implementations disagree: §5.4 limit (b).
 */
function cedulaDv(letter: CedulaLetter, province: string, tomo: string, asiento: string): DvComputation {
  const maxAsiento = letter === 'E' || letter === 'N' ? 6 : 5;
  if (tomo.length === 4 && asiento.length <= 5) {
    // Example 4a: "5" + province + "00" + the 4-digit tomo + asiento. Example 12: the DGI sums only tomo + asiento.
    if (letter === '')
      return { status: 'ok', dv: twoDigitDv('5' + pad(province, 2) + LETTER_CODE[''] + tomo + pad(asiento, 5), false) };
    if (letter === 'E') return { status: 'ok', dv: twoDigitDv(tomo + pad(asiento, 5), false) };
  }
  if (tomo.length > 3 || asiento.length > maxAsiento) return unverifiable();
  const asientoDigits = asiento.length === 6 ? asiento : pad(asiento, 5);
  return {
    status: 'ok',
    dv: twoDigitDv('5' + pad(province, 2) + LETTER_CODE[letter] + pad(tomo, 3) + asientoDigits, false),
  };
}

/**
 * NT ("no tiene"): natural = "5" + P + "43" + T + A; jurídico = the same without the "5" ([DGI] examples 5/6, HKA
 * wiki 43). A 7-digit asiento is cut to its first 5 digits ([DGI] closing note).
 */
function ntDv(tipo: TipoRuc, province: string, tomo: string, asiento: string): DvComputation {
  if (tomo.length > 3 || asiento.length > 7) return unverifiable();
  const asientoDigits = asiento.length === 7 ? asiento.slice(0, 5) : asiento.length === 6 ? asiento : pad(asiento, 5);
  const base = pad(province, 2) + NT_CODE + pad(tomo, 3) + asientoDigits;
  return { status: 'ok', dv: twoDigitDv(tipo === '1' ? '5' + base : base, false) };
}

function computeShape(shape: RucShape, tipoRuc: TipoRuc | undefined): DvComputation {
  switch (shape.form) {
    case 'nt':
      return tipoRuc === undefined
        ? unverifiable(REASON_NT_NEEDS_TIPO)
        : ntDv(tipoRuc, shape.province, shape.tomo, shape.asiento);
    case 'lettered':
      if (tipoRuc === '2') return { status: 'invalid', reason: REASON_CEDULA_JURIDICO };
      return cedulaDv(shape.letter, shape.province, shape.tomo, shape.asiento);
    case 'numeric': {
      // A 1–2-digit first part is a province (cédula) unless the caller says jurídico, or it is above 13:
      // 29-29-29 is a real jurídico (DV 56 in a CUFE) and gives 15 with the cédula layout.
      const cedulaLayout =
        shape.first.length <= 2 && (tipoRuc === '1' || (tipoRuc === undefined && Number(shape.first) <= MAX_PROVINCE));
      return cedulaLayout
        ? cedulaDv('', shape.first, shape.tomo, shape.asiento)
        : juridicoDv(shape.first, shape.tomo, shape.asiento);
    }
  }
}

type Prepared = { ok: true; shape: RucShape } | { ok: false; error: DvComputation & { status: 'invalid' } };

function prepare(ruc: string, tipoRuc: TipoRuc | undefined): Prepared {
  // Callers in plain JS could pass anything; the type alone does not protect the runtime.
  if (tipoRuc !== undefined && tipoRuc !== '1' && tipoRuc !== '2') {
    return { ok: false, error: { status: 'invalid', reason: REASON_TIPO } };
  }
  const normalized = normalizeRuc(ruc);
  if (normalized === '') return { ok: false, error: { status: 'invalid', reason: REASON_EMPTY } };
  if (normalized.length > MAX_RUC_LENGTH) return { ok: false, error: { status: 'invalid', reason: REASON_TOO_LONG } };
  const shape = parseShape(normalized);
  if (!shape) return { ok: false, error: { status: 'invalid', reason: REASON_FORMAT } };
  return { ok: true, shape };
}

/**
 * The two-digit DV of a RUC. Without `tipoRuc` the layout is inferred from the text (lettered or province-like first
 * part = cédula; 3+ digits or above 13 = jurídico); NT RUCs need `tipoRuc` because both layouts are possible.
 */
export function computeDv(ruc: string, tipoRuc?: TipoRuc): DvComputation {
  const prepared = prepare(ruc, tipoRuc);
  return prepared.ok ? computeShape(prepared.shape, tipoRuc) : prepared.error;
}

/**
 * Checks a DV typed or received for a RUC. Without `tipoRuc` a DV is accepted when it matches either reading of an
 * ambiguous text (8-442-445 may be a cédula or an old jurídico; an NT may be natural or jurídico), so a correct DV is
 * never reported as a mismatch just because the type was not given.
 */
export function verifyDv(ruc: string, dv: string, tipoRuc?: TipoRuc): DvCheck {
  const typed = dv.trim();
  if (!/^\d{2}$/.test(typed)) return { status: 'invalid', reason: REASON_DV_FORMAT };
  const prepared = prepare(ruc, tipoRuc);
  if (!prepared.ok) return prepared.error;
  const primary = computeShape(prepared.shape, tipoRuc);
  if (primary.status === 'invalid') return primary;
  if (tipoRuc === undefined) {
    const readings = [computeShape(prepared.shape, '1'), computeShape(prepared.shape, '2')];
    if (readings.some((reading) => reading.status === 'ok' && reading.dv === typed)) return { status: 'valid' };
  }
  if (primary.status === 'unverifiable') return primary;
  return primary.dv === typed ? { status: 'valid' } : { status: 'mismatch', expected: primary.dv };
}
